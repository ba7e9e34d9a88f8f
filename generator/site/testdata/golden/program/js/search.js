/*
 * search.js: site search for the default theme, with no dependencies.
 *
 * It reads the index that generator/search builds (meta.json, then only the
 * shards that hold the query's tokens), from the same origin only. The
 * tokenizer, stemmer, shard hash and ranking below repeat the Go code rule
 * for rule; generator/search/js_test.go runs them under node against Go.
 *
 * Markup it looks for (see the theme's search page):
 *   form[data-search]       the search form; data-index="/search/zh/" names
 *                           the index folder (default: /search/<html lang>/);
 *                           data-msg-one, data-msg-many ("%d" is the count),
 *                           data-msg-none, data-msg-error and data-msg-more
 *                           hold the interface strings.
 *   input[type=search]      the query box inside the form.
 *   [data-search-results]   the list the results go into.
 *   [data-search-status]    a live region that announces the count.
 *   [data-search-nojs]      the "search needs JavaScript" notice; hidden here.
 * A form on a page without [data-search-results] is left alone: it is a
 * plain GET form that leads to the search page, which reads ?q=.
 */
(function () {
  'use strict';

  // ---- Tokens: generator/search/tokens.go ----

  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\uFF70]/u;
  var WORD = /[\p{L}\p{Nd}\p{M}]/u;

  // foldWidth maps fullwidth ASCII forms (U+FF01 to U+FF5E) to ASCII.
  function foldWidth(ch) {
    var c = ch.codePointAt(0);
    return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
  }

  function isCJK(ch) {
    return ch.codePointAt(0) >= 0x1100 && CJK.test(ch);
  }

  function isWordChar(ch) {
    return WORD.test(ch);
  }

  function isApostrophe(ch) {
    return ch === "'" || ch === '\u2019';
  }

  // lower is Unicode simple lower-casing of one character, as Go's
  // unicode.ToLower: of a full mapping to several characters (only U+0130)
  // the first is kept.
  function lower(ch) {
    var l = ch.toLowerCase();
    return String.fromCodePoint(l.codePointAt(0));
  }

  // scan calls emit(token, start, end) for each token of text, with the
  // token's UTF-16 offsets in text. In query mode a CJK run of two or more
  // characters gives only its pairs.
  function scan(text, query, emit) {
    var word = '', wordStart = 0, wordEnd = 0;
    var prev = '', prevStart = 0, runLen = 0;
    var i = 0, n = text.length;
    function endRun() {
      if (query && runLen === 1) emit(prev, prevStart, prevStart + prev.length);
      runLen = 0;
    }
    function endWord() {
      if (word) emit(stem(word), wordStart, wordEnd);
      word = '';
    }
    while (i < n) {
      var raw = String.fromCodePoint(text.codePointAt(i));
      var next = i + raw.length;
      var ch = foldWidth(raw);
      if (isCJK(ch)) {
        endWord();
        if (runLen > 0) emit(prev + ch, prevStart, next);
        if (!query) emit(ch, i, next);
        prev = ch;
        prevStart = i;
        runLen++;
      } else if (isWordChar(ch)) {
        endRun();
        if (!word) wordStart = i;
        word += lower(ch);
        wordEnd = next;
      } else if (isApostrophe(ch) && word && next < n) {
        var after = foldWidth(String.fromCodePoint(text.codePointAt(next)));
        if (!(isWordChar(after) && !isCJK(after))) endWord();
      } else {
        endRun();
        endWord();
      }
      i = next;
    }
    endRun();
    endWord();
  }

  // tokens returns the index tokens of text, as Go's Tokens.
  function tokens(text) {
    var out = [];
    scan(text, false, function (t) { out.push(t); });
    return out;
  }

  // queryTerms returns the distinct tokens a query asks for, in order.
  function queryTerms(text) {
    var out = [], seen = new Set();
    scan(text, true, function (t) {
      if (!seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
    });
    return out;
  }

  // ---- Stemming: generator/search/stem.go documents the rules ----

  function hasVowel(s) {
    return /[aeiouy]/.test(s);
  }

  function isVowel(c) {
    return 'aeiou'.indexOf(c) >= 0;
  }

  function undouble(s) {
    var n = s.length, c = s[n - 1];
    if (n >= 4 && c === s[n - 2] && !isVowel(c) && 'ylsz'.indexOf(c) < 0) return s.slice(0, -1);
    return s;
  }

  function stem(w) {
    if (w.length < 4 || !/^[a-z]+$/.test(w)) return w;
    var s;
    // 1. Plurals.
    if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ies')) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
    else if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) { /* kept */ }
    else if (w.endsWith('s')) w = w.slice(0, -1);
    // 2. One suffix.
    if (w.endsWith('ness')) {
      s = w.slice(0, -4);
      if (s.length >= 3) w = s;
    } else if (w.endsWith('ment')) {
      s = w.slice(0, -4);
      if (s.length >= 4) w = s;
    } else if (w.endsWith('ing')) {
      s = w.slice(0, -3);
      if (s.length >= 3 && hasVowel(s)) w = undouble(s);
    } else if (w.endsWith('ed')) {
      s = w.slice(0, -2);
      if (s.length >= 3 && hasVowel(s)) w = undouble(s);
    } else if (w.endsWith('ly')) {
      s = w.slice(0, -2);
      if (s.length >= 4 && s[s.length - 1] !== 'i' && s[s.length - 1] !== 'p') w = s;
    }
    // 3. The end.
    var n = w.length;
    if (n >= 4 && w[n - 1] === 'e') w = w.slice(0, -1);
    else if (n >= 3 && w[n - 1] === 'y' && !isVowel(w[n - 2])) w = w.slice(0, -1) + 'i';
    return w;
  }

  // ---- Routing: generator/search/route.go ----

  // fnv1a32 is the 32-bit FNV-1a hash of the UTF-8 bytes of s.
  function fnv1a32(s) {
    var h = 0x811c9dc5;
    function add(b) { h = Math.imul(h ^ b, 0x01000193); }
    for (var i = 0; i < s.length; i++) {
      var c = s.codePointAt(i);
      if (c > 0xffff) i++;
      if (c < 0x80) {
        add(c);
      } else if (c < 0x800) {
        add(0xc0 | c >> 6); add(0x80 | c & 63);
      } else if (c < 0x10000) {
        add(0xe0 | c >> 12); add(0x80 | c >> 6 & 63); add(0x80 | c & 63);
      } else {
        add(0xf0 | c >> 18); add(0x80 | c >> 12 & 63); add(0x80 | c >> 6 & 63); add(0x80 | c & 63);
      }
    }
    return h >>> 0;
  }

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  // shardOf returns the index in meta.shards of the shard holding token.
  function shardOf(meta, token) {
    if (meta.spill && has(meta.spill, token)) return meta.spill[token];
    return fnv1a32(token) % meta.routed;
  }

  // ---- Ranking: generator/search/query.go ----

  var K1 = 1.2, K1_PLUS_1 = 2.2, B = 0.75, ONE_LESS_B = 0.25;

  function bm25(w, length, avg, df, n) {
    var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    var norm = K1 * (ONE_LESS_B + (B * length) / avg);
    return (idf * (w * K1_PLUS_1)) / (w + norm);
  }

  // rank returns the documents holding every term, best first, ties by id:
  // [{id, url, title, section, summary, score}]. lists[i] is the postings
  // array of terms[i] from its shard (undefined when the shard lacks it).
  function rank(meta, terms, lists) {
    var docs = meta.docs, n = docs.length;
    if (!terms.length || !n) return [];
    var sum = 0;
    for (var d = 0; d < n; d++) sum += docs[d][3];
    var avg = sum / n;
    var scores = new Map(), matched = new Map();
    for (var t = 0; t < terms.length; t++) {
      var p = lists[t];
      if (!p || !p.length) return [];
      var df = Math.floor(p.length / 2), id = 0;
      for (var j = 0; j + 1 < p.length; j += 2) {
        id += p[j];
        if (id < 0 || id >= n) throw new Error('search: token ' + terms[t] + ' lists document ' + id);
        scores.set(id, (scores.get(id) || 0) + bm25(p[j + 1], docs[id][3], avg, df, n));
        matched.set(id, (matched.get(id) || 0) + 1);
      }
    }
    var hits = [];
    matched.forEach(function (count, id) {
      if (count !== terms.length) return;
      var row = docs[id];
      hits.push({
        id: id, url: row[0], title: row[1], section: meta.sections[row[2]] || '',
        summary: row.length > 4 ? row[4] : '', score: scores.get(id)
      });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return hits;
  }

  // highlight splits text into [[part, marked], …], marking the words and
  // CJK characters whose tokens are query terms.
  function highlight(text, terms) {
    var want = new Set(terms), ranges = [];
    scan(text, false, function (t, start, end) {
      if (want.has(t)) ranges.push([start, end]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var parts = [], at = 0;
    for (var i = 0; i < ranges.length; i++) {
      var start = ranges[i][0], end = ranges[i][1];
      while (i + 1 < ranges.length && ranges[i + 1][0] <= end) {
        end = Math.max(end, ranges[++i][1]);
      }
      if (start > at) parts.push([text.slice(at, start), false]);
      parts.push([text.slice(Math.max(start, at), end), true]);
      at = end;
    }
    if (at < text.length) parts.push([text.slice(at), false]);
    return parts;
  }

  var core = {
    tokens: tokens, queryTerms: queryTerms, stem: stem, fnv1a32: fnv1a32,
    shardOf: shardOf, rank: rank, highlight: highlight
  };

  if (typeof window === 'undefined' || typeof document === 'undefined') {
    if (typeof module === 'object' && module && module.exports) module.exports = core;
    return;
  }

  // ---- The page ----

  var DEBOUNCE_MS = 120;
  var PAGE = 50; // results rendered at a time

  // Index loads meta.json once and each shard at most once.
  function Index(base) {
    this.base = base;
    this.meta = null;
    this.shards = new Map();
  }

  Index.prototype.load = function () {
    var self = this;
    if (!self.meta) {
      self.meta = fetchJSON(self.base + 'meta.json', { cache: 'no-cache' });
      self.meta.catch(function () { self.meta = null; });
    }
    return self.meta;
  };

  Index.prototype.shard = function (meta, i) {
    var self = this;
    if (!self.shards.has(i)) {
      var p = fetchJSON(self.base + meta.shards[i] + '?v=' + encodeURIComponent(meta.build), {});
      p.catch(function () { self.shards.delete(i); });
      self.shards.set(i, p);
    }
    return self.shards.get(i);
  };

  Index.prototype.search = function (query) {
    var self = this;
    var terms = queryTerms(query);
    return self.load().then(function (meta) {
      if (!terms.length || !meta.routed) return { terms: terms, hits: [] };
      return Promise.all(terms.map(function (t) {
        return self.shard(meta, shardOf(meta, t)).then(function (s) { return has(s, t) ? s[t] : undefined; });
      })).then(function (lists) {
        return { terms: terms, hits: rank(meta, terms, lists) };
      });
    });
  };

  function fetchJSON(url, init) {
    init.credentials = 'same-origin';
    return fetch(url, init).then(function (res) {
      if (!res.ok) throw new Error('search: ' + url + ': HTTP ' + res.status);
      return res.json();
    });
  }

  // indexBase returns the absolute, same-origin URL of the index folder, or
  // null when the configured one is on another origin.
  function indexBase(form) {
    var dir = form.getAttribute('data-index');
    if (!dir) {
      var lang = (document.documentElement.lang || 'en').split('-')[0].toLowerCase();
      dir = '/search/' + lang + '/';
    }
    if (dir.charAt(dir.length - 1) !== '/') dir += '/';
    var url = new URL(dir, document.baseURI);
    return url.origin === window.location.origin ? url.href : null;
  }

  function message(form, name, count) {
    var text = form.getAttribute('data-msg-' + name) || '';
    return text.replace('%d', String(count));
  }

  function marked(parts) {
    var frag = document.createDocumentFragment();
    parts.forEach(function (p) {
      if (p[1]) {
        var m = document.createElement('mark');
        m.textContent = p[0];
        frag.appendChild(m);
      } else {
        frag.appendChild(document.createTextNode(p[0]));
      }
    });
    return frag;
  }

  function resultItem(hit, terms) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var a = document.createElement('a');
    a.className = 'search-result-title';
    a.href = hit.url;
    a.appendChild(marked(highlight(hit.title || hit.url, terms)));
    li.appendChild(a);
    if (hit.section) {
      var sec = document.createElement('span');
      sec.className = 'search-result-section';
      sec.textContent = hit.section;
      li.appendChild(document.createTextNode(' '));
      li.appendChild(sec);
    }
    if (hit.summary) {
      var p = document.createElement('p');
      p.className = 'search-result-summary';
      p.appendChild(marked(highlight(hit.summary, terms)));
      li.appendChild(p);
    }
    return li;
  }

  function setup(form) {
    var scope = form.closest('main') || document;
    var list = scope.querySelector('[data-search-results]');
    var input = form.querySelector('input[type="search"]');
    if (!list || !input) return;
    var status = scope.querySelector('[data-search-status]');
    var base = indexBase(form);
    var index = base && new Index(base);
    var timer = 0, seq = 0, shown = { hits: [], terms: [], count: 0 }, more = null;

    scope.querySelectorAll('[data-search-nojs]').forEach(function (el) { el.hidden = true; });
    if (!list.id) list.id = 'search-results';
    input.setAttribute('aria-controls', list.id);

    function announce(text) {
      if (status) status.textContent = text;
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll('a.search-result-title'));
    }

    function remember(query) {
      var u = new URL(window.location.href);
      if (query) u.searchParams.set('q', query); else u.searchParams.delete('q');
      window.history.replaceState(window.history.state, '', u.href);
    }

    function clear() {
      seq++;
      window.clearTimeout(timer);
      timer = 0;
      list.textContent = '';
      if (more) more.remove();
      more = null;
      shown = { hits: [], terms: [], count: 0 };
      announce('');
    }

    function renderMore() {
      var from = shown.count, to = Math.min(shown.hits.length, from + PAGE);
      for (var i = from; i < to; i++) list.appendChild(resultItem(shown.hits[i], shown.terms));
      shown.count = to;
      if (to < shown.hits.length) {
        if (!more) {
          more = document.createElement('button');
          more.type = 'button';
          more.className = 'search-more';
          more.textContent = message(form, 'more', 0) || '…';
          more.addEventListener('click', function () {
            var first = shown.count;
            renderMore();
            var l = links();
            if (l[first]) l[first].focus();
          });
          list.insertAdjacentElement('afterend', more);
        }
      } else if (more) {
        more.remove();
        more = null;
      }
    }

    // run searches for the box's current text and renders the result; the
    // promise resolves when the rendering is done (or superseded).
    function run() {
      window.clearTimeout(timer);
      timer = 0;
      var query = input.value.trim();
      remember(query);
      if (!queryTerms(query).length) {
        clear();
        return Promise.resolve();
      }
      if (!index) {
        announce(message(form, 'error', 0));
        return Promise.resolve();
      }
      var mine = ++seq;
      list.setAttribute('aria-busy', 'true');
      return index.search(query).then(function (res) {
        if (mine !== seq) return;
        list.textContent = '';
        shown = { hits: res.hits, terms: res.terms, count: 0 };
        renderMore();
        var n = res.hits.length;
        announce(n === 0 ? message(form, 'none', 0) : message(form, n === 1 ? 'one' : 'many', n));
      }, function (err) {
        if (mine !== seq) return;
        list.textContent = '';
        announce(message(form, 'error', 0));
        if (window.console) window.console.error(err);
      }).then(function () {
        if (mine === seq) list.removeAttribute('aria-busy');
      });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, DEBOUNCE_MS);
    }

    function move(from, step) {
      var l = links(), i = l.indexOf(from) + step;
      if (i < 0) input.focus();
      else if (i < l.length) l[i].focus();
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
    });
    input.addEventListener('input', schedule);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        var first = links()[0];
        if (first) {
          e.preventDefault();
          first.focus();
        }
      } else if (e.key === 'Enter') {
        e.preventDefault();
        var pending = timer !== 0 || !shown.hits.length;
        (pending ? run() : Promise.resolve()).then(function () {
          var top = links()[0];
          if (top) window.location.assign(top.href);
        });
      } else if (e.key === 'Escape' && input.value) {
        e.preventDefault();
        input.value = '';
        clear();
        remember('');
      }
    });
    list.addEventListener('keydown', function (e) {
      var a = e.target.closest ? e.target.closest('a.search-result-title') : null;
      if (!a) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        move(a, e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        input.value = '';
        clear();
        remember('');
        input.focus();
      }
    });

    var q = new URL(window.location.href).searchParams.get('q');
    if (q) {
      input.value = q;
      run();
    }
  }

  function init() {
    document.querySelectorAll('form[data-search]').forEach(setup);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
