package ladder

import "fmt"

// Lane names of the default flows.
const (
	alice     = "Alice"
	proxy     = "Proxy"
	bob       = "Bob"
	registrar = "Registrar"
)

// Default returns the typical flow for a code, shown when a note gives
// none. method is the request method the code's page uses ("" means
// INVITE); the caller passes it so that the flow matches the example
// exchange. Codes whose story needs more than one transaction (challenges,
// redirects, cancellation, glare, failover, forking) have their own flow;
// every other code gets the flow of its class. INVITE is acknowledged hop by
// hop after a final non-2xx response and end to end after a 2xx (RFC 3261
// §17.1.1.3, §13.2.2.4); other methods have no ACK.
func Default(code int, reason, method string) Flow {
	if method == "" {
		method = "INVITE"
	}
	b := &builder{index: map[string]int{}}
	st := fmt.Sprintf("%d %s", code, reason)
	invite := method == "INVITE"
	switch {
	case code == 100:
		b.send(alice, proxy, "INVITE", "")
		b.send(proxy, alice, st, "stops retransmissions")
		b.send(proxy, bob, "INVITE", "")
		b.send(bob, proxy, st, "hop by hop, never forwarded")
	case code == 199 && invite:
		forked(b, st)
	case code == 202 && method == "SUBSCRIBE":
		b.request(lanes(method), method, "", nil, st, "subscription pending")
		b.send(bob, alice, "NOTIFY", "Subscription-State: pending")
		b.send(alice, bob, "200 OK", "")
	case code == 202 && method == "MESSAGE":
		b.request([]string{alice, "Relay"}, method, "", nil, st, "stored for later delivery")
		b.send("Relay", bob, "MESSAGE", "when Bob is reachable")
		b.send(bob, "Relay", "200 OK", "")
	case code == 204 && method == "SUBSCRIBE":
		b.request([]string{alice, bob}, method, "refresh with Suppress-If-Match", nil, st, "state unchanged, no NOTIFY")
	case code >= 300 && code <= 302:
		redirect(b, method, st)
	case code == 305 && invite:
		b.request([]string{alice, bob}, method, "", nil, st, "Contact names the proxy")
		b.request([]string{alice, proxy, bob}, method, "through the proxy", nil, "200 OK", "")
	case code == 401 || code == 407:
		challenged(b, code, method, st)
	case code == 412 && method == "PUBLISH":
		b.retry(lanes(method), lanes(method), method, "refresh, SIP-If-Match", st, "entity-tag unknown", "full state, new entity-tag")
	case code == 420 || code == 421 || code == 422:
		b.retry(lanes(method), lanes(method), method, extensionNotes[code][0], st, extensionNotes[code][1], extensionNotes[code][2])
	case code == 423 && (method == "REGISTER" || method == "SUBSCRIBE"):
		b.retry(lanes(method), lanes(method), method, "Expires: 60", st, "Min-Expires: 3600", "Expires: 3600")
	case code == 494 && method == "REGISTER":
		b.retry(lanes(method), lanes(method), method, "Supported: sec-agree", st, "Security-Server", "with Security-Verify")
	case code == 486 && invite:
		// Busy users often reject a call that has already started ringing.
		b.request(lanes(method), method, "", []string{"180 Ringing"}, st, "")
	case code == 487 && invite:
		cancelled(b, st)
	case code == 491 && invite:
		glare(b, st)
	case code == 503 && invite:
		failover(b, st)
	case (code == 408 || code == 502 || code == 504) && len(lanes(method)) == 3:
		gaveUp(b, code, method, st)
	case code >= 600 && invite:
		declinedFork(b, st)
	default:
		byClass(b, code, method, st)
	}
	return b.f
}

// byClass is the flow of a code without a story of its own.
func byClass(b *builder, code int, method, st string) {
	path := lanes(method)
	switch {
	case code < 200:
		b.request(path, method, "", []string{st}, "200 OK", "")
	case code < 300:
		b.request(path, method, "", nil, st, "")
	case code < 400 && len(path) == 3:
		// A 3xx passes back through the proxy, which may also recurse on it.
		b.request(path, method, "", nil, st, "")
	default:
		if proxyAnswers[code] && len(path) == 3 {
			path = path[:2]
		}
		b.request(path, method, "", nil, st, "")
	}
}

// lanes returns the path a request of method takes from Alice: straight to
// the registrar or presence server, straight to Bob inside a dialog (no
// proxy record-routes in these examples), otherwise through a proxy.
func lanes(method string) []string {
	switch method {
	case "REGISTER":
		return []string{alice, registrar}
	case "PUBLISH":
		return []string{alice, "Presence"}
	case "BYE", "INFO", "NOTIFY", "PRACK", "UPDATE":
		return []string{alice, bob}
	}
	return []string{alice, proxy, bob}
}

// proxyAnswers are the codes usually sent by the first proxy itself rather
// than by the callee: routing, policy, identity and loop failures.
var proxyAnswers = map[int]bool{
	403: true, 404: true, 410: true, 414: true, 416: true, 417: true,
	428: true, 430: true, 433: true, 436: true, 437: true, 438: true, 439: true,
	440: true, 470: true, 480: true, 482: true, 483: true, 484: true, 485: true,
	494: true, 505: true, 513: true, 555: true,
}

// extensionNotes are the first request's note, the response's note and the
// retry's note for the codes that negotiate an extension.
var extensionNotes = map[int][3]string{
	420: {"Require: precondition", "Unsupported: precondition", "without the extension"},
	421: {"", "Require: 100rel", "Supported: 100rel"},
	422: {"Session-Expires: 60", "Min-SE: 90", "Session-Expires: 90"},
}

// builder assembles a flow, adding lanes as they are first used.
type builder struct {
	f     Flow
	index map[string]int
}

// send adds one step.
func (b *builder) send(from, to, label, note string) {
	b.f.Steps = append(b.f.Steps, Step{From: b.lane(from), To: b.lane(to), Label: label, Note: note})
}

// lane returns the index of the lane called name, adding it when new.
func (b *builder) lane(name string) int {
	if i, ok := b.index[name]; ok {
		return i
	}
	b.index[name] = len(b.f.Parties)
	b.f.Parties = append(b.f.Parties, name)
	return b.index[name]
}

// request adds one transaction along path: the request forwarded hop by hop
// (a proxy answers an INVITE with 100 Trying at once, RFC 3261 §16.2), the
// provisional and final responses back along the same hops, and the ACK.
func (b *builder) request(path []string, method, reqNote string, prov []string, final, finalNote string) {
	invite := method == "INVITE"
	last := len(path) - 1
	for i := range last {
		b.send(path[i], path[i+1], method, note(i == 0, reqNote))
		if invite && i+1 < last {
			b.send(path[i+1], path[i], "100 Trying", "")
		}
	}
	for _, p := range prov {
		for j := last; j > 0; j-- {
			b.send(path[j], path[j-1], p, "")
		}
	}
	success := len(final) > 0 && final[0] == '2'
	for j := last; j > 0; j-- {
		b.send(path[j], path[j-1], final, note(j == last, finalNote))
		if invite && !success {
			b.send(path[j-1], path[j], "ACK", "")
		}
	}
	if invite && success {
		b.send(path[0], path[last], "ACK", note(last > 1, "end to end"))
	}
}

// note returns n when cond holds, so that a note appears only once along a path.
func note(cond bool, n string) string {
	if cond {
		return n
	}
	return ""
}
