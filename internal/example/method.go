package example

// DefaultMethod returns the method of the request a code's example answers
// when the note does not choose one. Most codes are best known as answers to
// INVITE; the others are tied to one method by the RFC that defines them or
// by where they are met in practice.
func DefaultMethod(code int) string {
	if m, ok := defaultMethods[code]; ok {
		return m
	}
	return "INVITE"
}

// defaultMethods are the codes whose usual request is not INVITE, each with
// the reason for the choice.
var defaultMethods = map[int]string{
	// 202 is known as the pending answer to SUBSCRIBE (RFC 3265 §3.1.6.1),
	// which is what its note's header data describes. RFC 6665 §8.3.1
	// deprecated that use; a note that prefers the one use left, a relay
	// answering MESSAGE (RFC 3428 §7), sets the method itself.
	202: "SUBSCRIBE",
	// A notifier answers 204 to a conditional SUBSCRIBE refresh (RFC 5839).
	204: "SUBSCRIBE",
	// Registrars challenge REGISTER far more often than UAs challenge calls.
	401: "REGISTER",
	// A UA that does not implement the event framework refuses SUBSCRIBE.
	405: "SUBSCRIBE",
	// The Accept of a SUBSCRIBE names the notification formats, which the
	// notifier may be unable to produce.
	406: "SUBSCRIBE",
	// RFC 2543 defined 409 for conflicting registrations.
	409: "REGISTER",
	// 412 answers a PUBLISH whose entity-tag is stale (RFC 3903).
	412: "PUBLISH",
	// A MESSAGE body is user content with no inherent size limit.
	413: "MESSAGE",
	// A MESSAGE in a format the recipient cannot render shows the point of
	// Accept better than an INVITE whose SDP is always understood.
	415: "MESSAGE",
	// The registrar enforces the shortest registration interval (RFC 3261 §10.3).
	423: "REGISTER",
	// Only registration sets up SIP Outbound flows (RFC 5626).
	439: "REGISTER",
	// 469 rejects an INFO for a package the peer did not accept (RFC 6086).
	469: "INFO",
	// Relays refusing to amplify unsolicited messages are the case RFC 5360
	// was written for.
	470: "MESSAGE",
	// A BYE for a dialog the peer has already torn down is the common 481.
	481: "BYE",
	// A notifier refuses a SUBSCRIBE for an event package it lacks (RFC 6665 §8.3.2).
	489: "SUBSCRIBE",
	// Security agreement is set up at registration in IMS (RFC 3329, 3GPP TS 33.203).
	494: "REGISTER",
	// Push notification parameters arrive in REGISTER (RFC 8599).
	555: "REGISTER",
}
