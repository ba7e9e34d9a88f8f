package serve

import (
	"html"
	"strconv"
	"strings"
)

// eventsPath is where open pages listen for server-sent events.
const eventsPath = "/__sineng/events"

// reloadJS is the live-reload script, written out inline in every HTML
// response: plain JavaScript, no dependencies. It listens on eventsPath
// (sending the build it was served with, so a build it missed while
// loading is caught up) and handles three events:
//
//   - reload: the new output is in place; reload the page.
//   - css: only stylesheets changed; each <link rel=stylesheet> whose path
//     without its fingerprint (css/style.<hash>.css → css/style) matches a
//     sheet's key is replaced by one pointing to the new file, the old one
//     removed once the new one loaded; a sheet no link matches, or a load
//     error, reloads the page instead.
//   - failed: the build failed; show (or replace) the overlay listing the
//     problems, as text, without reloading.
//
// The placeholders __EVENTS__, __ID__, __STYLE__, __HEAD__, __PRE__ and
// __TITLE__ are replaced by JavaScript string literals.
const reloadJS = `(function () {
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var es = new EventSource(__EVENTS__ + "?build=" + encodeURIComponent(me.getAttribute("data-build")));
  function data(e) { try { return JSON.parse(e.data) || {}; } catch (_) { return {}; } }
  function reload() { es.close(); location.reload(); }
  function stem(p) { return p.replace(/\.css$/, "").replace(/\.[0-9a-f]{8,}$/, ""); }
  function show(errs) {
    var old = document.getElementById(__ID__);
    if (old) old.parentNode.removeChild(old);
    var d = document.createElement("div"), h = document.createElement("p"), pre = document.createElement("pre");
    d.id = __ID__; d.setAttribute("role", "alert"); d.style.cssText = __STYLE__;
    h.style.cssText = __HEAD__; h.textContent = __TITLE__;
    pre.style.cssText = __PRE__; pre.textContent = (errs || []).join("\n");
    d.appendChild(h); d.appendChild(pre); document.body.appendChild(d);
  }
  function swap(sheets) {
    for (var i = 0; i < sheets.length; i++) {
      var s = sheets[i], key = "/" + s.key, hit = false;
      var links = document.querySelectorAll('link[rel~="stylesheet"]:not([data-sineng-old])');
      for (var j = 0; j < links.length; j++) {
        var l = links[j], u = new URL(l.href, location.href), st = stem(u.pathname);
        if (u.origin !== location.origin || st.slice(-key.length) !== key) continue;
        hit = true;
        var href = u.pathname.slice(0, u.pathname.lastIndexOf("/") + 1) + s.path.slice(s.path.lastIndexOf("/") + 1);
        if (href === u.pathname) href += "?sineng=" + Date.now();
        var n = l.cloneNode(false);
        n.href = href;
        if (l.hasAttribute("integrity")) n.integrity = s.integrity;
        l.setAttribute("data-sineng-old", "");
        n.onload = (function (old) { return function () { old.parentNode && old.parentNode.removeChild(old); }; })(l);
        n.onerror = reload;
        l.parentNode.insertBefore(n, l.nextSibling);
      }
      if (!hit) return false;
    }
    return true;
  }
  es.addEventListener("reload", reload);
  es.addEventListener("failed", function (e) { show(data(e).errors); });
  es.addEventListener("css", function (e) { if (!swap(data(e).sheets || [])) reload(); });
})();`

// scriptJS returns reloadJS with its placeholders filled in.
func scriptJS() string {
	q := strconv.Quote
	return strings.NewReplacer(
		"__EVENTS__", q(eventsPath),
		"__ID__", q(overlayID),
		"__STYLE__", q(overlayStyle),
		"__HEAD__", q(overlayHeadStyle),
		"__PRE__", q(overlayPreStyle),
		"__TITLE__", q(overlayTitle),
	).Replace(reloadJS)
}

// scriptTag returns the <script> element carrying js for a page served at
// build token build.
func scriptTag(js, build string) string {
	return `<script data-build="` + html.EscapeString(build) + `">` + js + `</script>`
}
