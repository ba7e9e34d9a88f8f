package serve

import (
	"net"
	"strings"
)

// hostPolicy decides which Host headers the server answers. A server on a
// loopback address answers only names of this machine: "localhost" and its
// subdomains, loopback addresses, and the names the user gave. A page on
// another site can point a name of its own at 127.0.0.1 (DNS rebinding)
// and then read what the browser fetches from it; checking the name the
// request was sent to is what stops that, as the address alone cannot. A
// server bound to another address (--bind) answers every name: the user
// asked for other machines, which reach it by names nobody can list here.
type hostPolicy struct {
	any   bool            // the listener is not on loopback
	names map[string]bool // lower-case names allowed besides localhost and loopback addresses
}

// newHostPolicy returns the policy for a listener at addr, allowing names
// too (lower-cased, without a port).
func newHostPolicy(addr net.Addr, names []string) hostPolicy {
	p := hostPolicy{names: map[string]bool{}}
	if a, ok := addr.(*net.TCPAddr); ok && !a.IP.IsLoopback() {
		p.any = true
	}
	for _, n := range names {
		if n != "" {
			p.names[strings.ToLower(n)] = true
		}
	}
	return p
}

// allows reports whether the server answers a request whose Host header is
// host ("localhost:1313", "[::1]:1313", "127.0.0.1"). A request without
// one (HTTP/1.0) is no browser's and is answered.
func (p hostPolicy) allows(host string) bool {
	if p.any || host == "" {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || p.names[host] {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
