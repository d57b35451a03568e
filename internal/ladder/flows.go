package ladder

// The flows of codes whose meaning is in what happens around them.

// Names of Bob's two devices in the forking flows.
const (
	desk   = "Bob desk"
	mobile = "Bob mobile"
)

// retry is a request refused with st and sent again with what the response
// asked for, which then succeeds. The first attempt may stop earlier on the
// path than the retry, as when a proxy challenges.
func (b *builder) retry(first, second []string, method, firstNote, st, respNote, retryNote string) {
	b.request(first, method, firstNote, nil, st, respNote)
	b.request(second, method, retryNote, nil, "200 OK", "")
}

// challenged is a digest challenge and the authenticated retry (RFC 3261
// §22.2, §22.3): a registrar or Bob's side answers 401, a proxy 407.
func challenged(b *builder, code int, method, st string) {
	path := lanes(method)
	switch {
	case code == 407 && len(path) == 3:
		b.retry(path[:2], path, method, "", st, "Proxy-Authenticate", "with Proxy-Authorization")
	case code == 407:
		b.retry(path, path, method, "", st, "Proxy-Authenticate", "with Proxy-Authorization")
	default:
		b.retry(path, path, method, "", st, "WWW-Authenticate", "with Authorization")
	}
}

// redirect is a redirect server answering 3xx and Alice trying the Contact
// it gave (RFC 3261 §8.1.3.4).
func redirect(b *builder, method, st string) {
	notes := map[byte]string{'0': "Contacts to choose from", '1': "new permanent address", '2': "current location"}
	b.request([]string{alice, "Redirect"}, method, "", nil, st, notes[st[2]])
	b.request([]string{alice, bob}, method, "to the Contact", nil, "200 OK", "")
}

// cancelled is a ringing call that Alice cancels: the CANCEL is answered
// hop by hop and the INVITE ends with 487 (RFC 3261 §9, §16.10).
func cancelled(b *builder, st string) {
	b.send(alice, proxy, "INVITE", "")
	b.send(proxy, alice, "100 Trying", "")
	b.send(proxy, bob, "INVITE", "")
	b.send(bob, proxy, "180 Ringing", "")
	b.send(proxy, alice, "180 Ringing", "")
	b.send(alice, proxy, "CANCEL", "Alice hangs up")
	b.send(proxy, alice, "200 OK", "to CANCEL")
	b.send(proxy, bob, "CANCEL", "")
	b.send(bob, proxy, "200 OK", "to CANCEL")
	b.send(bob, proxy, st, "to INVITE")
	b.send(proxy, bob, "ACK", "")
	b.send(proxy, alice, st, "")
	b.send(alice, proxy, "ACK", "")
}

// glare is two re-INVITEs crossing in one dialog; each side refuses the
// other's and the dialog's owner retries first (RFC 3261 §14.1).
func glare(b *builder, st string) {
	b.send(alice, bob, "INVITE", "re-INVITE")
	b.send(bob, alice, "INVITE", "re-INVITE, crossing")
	b.send(bob, alice, st, "")
	b.send(alice, bob, "ACK", "")
	b.send(alice, bob, st, "")
	b.send(bob, alice, "ACK", "")
	b.send(alice, bob, "INVITE", "retry after 2.1 to 4 s")
	b.send(bob, alice, "200 OK", "")
	b.send(alice, bob, "ACK", "")
}

// failover is an overloaded proxy answering 503 and Alice trying the next
// server DNS gives her (RFC 3263, RFC 3261 §21.5.4).
func failover(b *builder, st string) {
	p1, p2 := "Proxy 1", "Proxy 2"
	b.request([]string{alice, p1}, "INVITE", "", nil, st, "overloaded, Retry-After: 30")
	b.request([]string{alice, p2, bob}, "INVITE", "next DNS SRV target", nil, "200 OK", "")
}

// gaveUp is a proxy that forwards the request and answers Alice itself:
// 408 when the next hop never answers (RFC 3261 §16.8, §17.1.1.2), 502
// when it answers something invalid (§21.5.3), 504 when a gateway times
// out towards the network beyond it (§21.5.5).
func gaveUp(b *builder, code int, method, st string) {
	invite := method == "INVITE"
	b.send(alice, proxy, method, "")
	if invite {
		b.send(proxy, alice, "100 Trying", "")
	}
	switch code {
	case 408:
		b.send(proxy, bob, method, "no response")
		b.send(proxy, alice, st, "client transaction timed out")
	case 502:
		b.send(proxy, "Gateway", method, "")
		b.send("Gateway", proxy, "invalid response", "")
		b.send(proxy, alice, st, "")
	default:
		b.send(proxy, "Gateway", method, "")
		b.send("Gateway", proxy, st, "PSTN side did not answer in time")
		if invite {
			b.send(proxy, "Gateway", "ACK", "")
		}
		b.send(proxy, alice, st, "")
	}
	if invite {
		b.send(alice, proxy, "ACK", "")
	}
}

// declinedFork is a global failure from one of Bob's devices: the forking
// proxy stops at once, cancels the other branch and forwards the 6xx
// (RFC 3261 §16.7).
func declinedFork(b *builder, st string) {
	b.send(alice, proxy, "INVITE", "")
	b.send(proxy, alice, "100 Trying", "")
	b.send(proxy, desk, "INVITE", "")
	b.send(proxy, mobile, "INVITE", "")
	b.send(desk, proxy, st, "")
	b.send(proxy, desk, "ACK", "")
	b.send(proxy, mobile, "CANCEL", "6xx ends the search")
	b.send(mobile, proxy, "200 OK", "to CANCEL")
	b.send(mobile, proxy, "487 Request Terminated", "")
	b.send(proxy, mobile, "ACK", "")
	b.send(proxy, alice, st, "")
	b.send(alice, proxy, "ACK", "")
}

// forked is a forking proxy telling Alice that one early dialog ended
// while another device goes on ringing and answers (RFC 6228).
func forked(b *builder, st string) {
	b.send(alice, proxy, "INVITE", "Supported: 199")
	b.send(proxy, alice, "100 Trying", "")
	b.send(proxy, desk, "INVITE", "")
	b.send(proxy, mobile, "INVITE", "")
	b.send(desk, proxy, "180 Ringing", "")
	b.send(proxy, alice, "180 Ringing", "early dialog 1")
	b.send(mobile, proxy, "180 Ringing", "")
	b.send(proxy, alice, "180 Ringing", "early dialog 2")
	b.send(desk, proxy, "486 Busy Here", "")
	b.send(proxy, desk, "ACK", "")
	b.send(proxy, alice, st, "early dialog 1 ended")
	b.send(mobile, proxy, "200 OK", "")
	b.send(proxy, alice, "200 OK", "")
	b.send(alice, mobile, "ACK", "")
}
