package example

import (
	"fmt"
	"strings"
)

// The parties and identifiers every example shares. Alice at
// pc33.atlanta.example.com (192.0.2.101) sends the request through
// proxy.example.com; Bob's device answers at 198.51.100.20. Only
// documentation domains and addresses are used (RFC 2606, RFC 5737), and
// the tags, Call-ID and branch are fixed so that output is deterministic.
const (
	aliceAOR     = "Alice <sip:alice@atlanta.example.com>"
	aliceHost    = "pc33.atlanta.example.com"
	aliceIP      = "192.0.2.101"
	aliceContact = "<sip:alice@pc33.atlanta.example.com>"
	bobAOR       = "Bob <sip:bob@biloxi.example.com>"
	bobURI       = "sip:bob@biloxi.example.com"
	bobTarget    = "sip:bob@198.51.100.20" // Bob's contact, the target of in-dialog requests
	fromTag      = "8d2f41ac"
	toTag        = "31e0b6f9"
	callID       = "b5c2e7a0d4f1@pc33.atlanta.example.com"
	branch       = "z9hG4bK5f3a91c2"
)

// via is one Via field value. The server that receives a request adds
// received (and fills in rport) when the sent-by is a name rather than the
// address the packet came from (RFC 3261 §18.2.1, RFC 3581), so the
// response shows both on the topmost Via.
type via struct {
	sentBy, ip, branch string
	rport              bool
	version            string // "" for 2.0
}

// protocol returns the sent-protocol, e.g. "SIP/2.0/UDP".
func (v via) protocol() string {
	if v.version == "" {
		return "SIP/2.0/UDP "
	}
	return "SIP/" + v.version + "/UDP "
}

// request renders v as the sender wrote it.
func (v via) request() string {
	s := v.protocol() + v.sentBy + ";branch=" + v.branch
	if v.rport {
		s += ";rport"
	}
	return s
}

// received renders v after the next hop stamped it.
func (v via) received() string {
	s := v.protocol() + v.sentBy + ";branch=" + v.branch
	if v.rport {
		s += ";rport=5060"
	}
	return s + ";received=" + v.ip
}

// aliceVia is the Via Alice's UA writes.
var aliceVia = via{sentBy: aliceHost + ":5060", ip: aliceIP, branch: branch, rport: true}

// request is a request being assembled, with the Vias kept apart so that
// the response can copy them with the received parameter added.
type request struct {
	message
	vias []via // topmost first
}

// String writes the request with its Vias; every Via below the top one has
// already passed a hop and so carries received.
func (r *request) String() string {
	m := r.message
	m.fields = nil
	for i, v := range r.vias {
		if i == 0 {
			m.add("Via", v.request())
		} else {
			m.add("Via", v.received())
		}
	}
	m.fields = append(m.fields, r.message.fields...)
	return m.String()
}

// inDialog lists the methods whose example is sent inside an existing
// dialog: they only make sense there (RFC 3261 §12.2, RFC 3262, RFC 3311,
// RFC 6086, RFC 6665).
var inDialog = map[string]bool{"BYE": true, "INFO": true, "NOTIFY": true, "PRACK": true, "UPDATE": true}

// newRequest builds the request for method as Alice sends it, with the
// changes code needs to be a believable cause of the response.
func newRequest(method string, code int) (request, error) {
	build, ok := requestBuilders[method]
	if !ok {
		if method == "ACK" {
			return request{}, fmt.Errorf("ACK is never answered, so it cannot be the request of an example")
		}
		return request{}, fmt.Errorf("unknown method %q", method)
	}
	dialog := inDialog[method] ||
		(method == "INVITE" && code == 491) || // glare happens on re-INVITEs
		(method == "SUBSCRIBE" && code == 204) // conditional refreshes are in-dialog
	r := request{vias: []via{aliceVia}}
	r.method = method
	r.start = method + " " + bobURI + " SIP/2.0"
	r.add("Max-Forwards", "70")
	r.add("From", aliceAOR+";tag="+fromTag)
	r.add("To", bobAOR)
	r.add("Call-ID", callID)
	r.add("CSeq", "1 "+method)
	if dialog {
		r.start = method + " " + bobTarget + " SIP/2.0"
		r.set("To", bobAOR+";tag="+toTag)
		r.set("CSeq", "2 "+method)
	}
	build(&r)
	return r, nil
}

// requestBuilders add what each method needs beyond the common fields.
var requestBuilders = map[string]func(*request){
	"INVITE": func(r *request) {
		r.add("Contact", aliceContact)
		r.add("Content-Type", "application/sdp")
		r.body = aliceOffer
	},
	"REGISTER": func(r *request) {
		r.start = "REGISTER sip:atlanta.example.com SIP/2.0"
		r.set("From", aliceAOR+";tag="+fromTag)
		r.set("To", aliceAOR)
		r.add("Contact", aliceContact)
		r.add("Expires", "3600")
	},
	"SUBSCRIBE": func(r *request) {
		r.add("Contact", aliceContact)
		r.add("Event", "presence")
		r.add("Expires", "3600")
		r.add("Accept", "application/pidf+xml")
	},
	"NOTIFY": func(r *request) {
		r.add("Contact", aliceContact)
		r.add("Event", "presence")
		r.add("Subscription-State", "active;expires=3599")
	},
	"PUBLISH": func(r *request) {
		r.start = "PUBLISH sip:alice@atlanta.example.com SIP/2.0"
		r.set("To", aliceAOR)
		r.add("Event", "presence")
		r.add("Expires", "3600")
		r.add("Content-Type", "application/pidf+xml")
		r.body = alicePresence
	},
	"MESSAGE": func(r *request) {
		r.add("Content-Type", "text/plain")
		r.body = "Lunch at noon?\n"
	},
	"OPTIONS": func(r *request) {
		r.add("Accept", "application/sdp")
	},
	"INFO": func(r *request) {
		r.add("Info-Package", "g.3gpp.ussd")
	},
	"BYE":    func(*request) {},
	"CANCEL": func(*request) {},
	"UPDATE": func(r *request) {
		r.add("Contact", aliceContact)
		r.add("Content-Type", "application/sdp")
		r.body = strings.Replace(aliceOffer, "2214 2214", "2214 2215", 1)
	},
	"PRACK": func(r *request) {
		r.add("RAck", "1 1 INVITE")
	},
	"REFER": func(r *request) {
		r.add("Contact", aliceContact)
		r.add("Refer-To", "<sip:carol@chicago.example.com>")
	},
}

// aliceOffer is the SDP offer of Alice's INVITE (RFC 4566, RFC 3264).
const aliceOffer = `v=0
o=alice 2214 2214 IN IP4 192.0.2.101
s=-
c=IN IP4 192.0.2.101
t=0 0
m=audio 49170 RTP/AVP 0 8
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
`

// bobAnswer is Bob's SDP answer, in 183 and 2xx responses to INVITE.
const bobAnswer = `v=0
o=bob 5101 5101 IN IP4 198.51.100.20
s=-
c=IN IP4 198.51.100.20
t=0 0
m=audio 3456 RTP/AVP 0
a=rtpmap:0 PCMU/8000
`

// alicePresence is the PIDF document (RFC 3863) of Alice's PUBLISH.
const alicePresence = `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="pres:alice@atlanta.example.com">
  <tuple id="pc33"><status><basic>open</basic></status></tuple>
</presence>
`
