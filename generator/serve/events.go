package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Event names sent to open pages.
const (
	eventReload = "reload" // the new output is in place
	eventCSS    = "css"    // only stylesheets changed: data lists the new sheets
	eventFailed = "failed" // the build failed: data lists the problems
)

// event is one server-sent event: a name, the build token as its id, and a
// JSON payload.
type event struct {
	name  string
	build string
	data  []byte
}

// pingEvery is how often an idle event stream gets a comment line, so a
// dead connection is noticed and proxies keep it open.
const pingEvery = 30 * time.Second

// client is one open event stream. ch holds at most one pending event:
// a page needs only the latest news (see hub.publish).
type client struct {
	ch   chan event
	done chan struct{} // closed by hub.close
}

// hub fans events out to the open streams. Its methods are safe for
// concurrent use; a slow client never blocks a publisher.
type hub struct {
	mu      sync.Mutex
	clients map[*client]struct{} // guarded by mu
	closed  bool                 // guarded by mu
}

func newHub() *hub { return &hub{clients: map[*client]struct{}{}} }

// subscribe adds a client; false once the hub is closed.
func (h *hub) subscribe() (*client, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c := &client{ch: make(chan event, 1), done: make(chan struct{})}
	h.clients[c] = struct{}{}
	return c, true
}

// unsubscribe removes a client.
func (h *hub) unsubscribe(c *client) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// len returns the number of open streams.
func (h *hub) len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// publish sends e to every client without waiting. A client that has not
// taken its previous event gets one event standing for both: e, except that
// two events of which the later is a stylesheet swap become a reload (the
// earlier may have been a reload, or a swap of other sheets).
func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c.ch <- e:
			continue
		default:
		}
		merged := e
		select {
		case <-c.ch:
			if e.name == eventCSS {
				merged = event{name: eventReload, build: e.build, data: reloadData(e.build)}
			}
		default:
		}
		// Only publishers send, under mu, so the slot is free now.
		c.ch <- merged
	}
}

// close ends every stream and refuses new ones: the server is shutting
// down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	for c := range h.clients {
		close(c.done)
		delete(h.clients, c)
	}
}

// writeEvent writes one event in the text/event-stream format; payloads
// are single-line JSON.
func writeEvent(w http.ResponseWriter, e event) error {
	_, err := fmt.Fprintf(w, "event: %s\nid: %s\ndata: %s\n\n", e.name, e.build, e.data)
	return err
}
