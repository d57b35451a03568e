package example

import (
	"fmt"
	"strings"
)

// newResponse starts the response to req: the status line and the fields a
// UAS copies from the request (RFC 3261 §8.2.6.2). To gets a tag in every
// response except 100 Trying, which a UAS may send before it has one.
func newResponse(req request, code int, reason string) message {
	res := message{start: fmt.Sprintf("SIP/2.0 %d %s", code, reason), method: req.method}
	for _, v := range req.vias {
		res.add("Via", v.received())
	}
	for _, name := range []string{"From", "To", "Call-ID", "CSeq"} {
		v, _ := req.get(name)
		if name == "To" && code != 100 && !strings.Contains(v, ";tag=") {
			v += ";tag=" + toTag
		}
		res.add(name, v)
	}
	return res
}

// addCodeFields adds what code needs whatever the note says: the fields the
// RFCs require or that make the response meaningful.
func addCodeFields(req *request, res *message, code int) error {
	method := req.method
	switch {
	case code >= 101 && code <= 199 && method == "INVITE" && code != 199:
		// A provisional response with a tag creates an early dialog, so it
		// carries the UAS's Contact (RFC 3261 §12.1.1).
		res.add("Contact", bobContact)
	case code >= 200 && code < 300:
		addSuccess(res, method)
	case code >= 300 && code < 400 || code == 485:
		addContacts(res, code)
	}
	if code == 183 && method == "INVITE" {
		// 183 exists to carry early media, so it has Bob's answer.
		res.add("Content-Type", "application/sdp")
		res.body = bobAnswer
	}
	for _, name := range codeFields[code] {
		if err := addNamed(req, res, code, name); err != nil {
			return err
		}
	}
	return nil
}

// bobContact is the Contact of Bob's device.
const bobContact = "<" + bobTarget + ">"

// addSuccess adds what a 2xx to method carries.
func addSuccess(res *message, method string) {
	switch method {
	case "INVITE", "UPDATE":
		// A 2xx to INVITE establishes the dialog and holds the answer to the
		// offer in the request; a 2xx to UPDATE answers its new offer.
		res.add("Contact", bobContact)
		res.add("Content-Type", "application/sdp")
		res.body = bobAnswer
	case "REGISTER":
		// The registrar lists the current bindings with their lifetimes
		// (RFC 3261 §10.3 step 8).
		res.add("Contact", aliceContact+";expires=3600")
	case "SUBSCRIBE":
		// The notifier states the granted duration (RFC 6665 §4.2.1.1).
		res.add("Contact", bobContact)
		res.add("Expires", "3600")
	case "REFER":
		res.add("Contact", bobContact)
	case "PUBLISH":
		// The ESC names the entity-tag Alice refreshes with (RFC 3903).
		res.add("SIP-ETag", "e8f3a2c1")
		res.add("Expires", "3600")
	}
}

// addContacts adds the Contacts of a redirect, or of 485's list of
// unambiguous addresses (RFC 3261 §21.3, §21.4.23).
func addContacts(res *message, code int) {
	switch code {
	case 300:
		res.add("Contact", "<sip:bob@198.51.100.20>;q=0.8")
		res.add("Contact", "<sip:bob@mobile.biloxi.example.com>;q=0.5")
	case 301:
		res.add("Contact", "<sip:bob@biloxi.example.net>")
	case 305:
		res.add("Contact", "<sip:proxy.biloxi.example.com>")
	case 380:
		res.add("Contact", "<sip:bob@voicemail.biloxi.example.com>")
	case 485:
		res.add("Contact", `"Bob Smith" <sip:bob.smith@biloxi.example.com>`)
		res.add("Contact", `"Bob Jones" <sip:bob.jones@biloxi.example.com>`)
	default:
		res.add("Contact", "<sip:bob@chicago.example.com>;expires=3600")
	}
}

// codeFields are the fields each code's response carries even when the
// note names none. Their values come from sampleValue, which knows the
// values that depend on the code.
var codeFields = map[int][]string{
	401: {"WWW-Authenticate"},
	405: {"Allow"},
	407: {"Proxy-Authenticate"},
	413: {"Retry-After"},
	415: {"Accept"},
	417: {"Accept-Resource-Priority"},
	420: {"Unsupported"},
	421: {"Require"},
	422: {"Min-SE"},
	423: {"Min-Expires"},
	424: {"Geolocation-Error"},
	425: {"AlertMsg-Error"},
	469: {"Recv-Info"},
	470: {"Permission-Missing"},
	480: {"Retry-After", "Reason"},
	486: {"Retry-After"},
	488: {"Warning"},
	489: {"Allow-Events"},
	494: {"Security-Server"},
	500: {"Retry-After"},
	503: {"Retry-After"},
	600: {"Retry-After"},
	603: {"Retry-After", "Reason"},
	606: {"Warning"},
	199: {"Reason"},
}

// tweakRequest changes the request so that it explains the response: the
// field or value the server objects to, or the state it answers about.
func tweakRequest(req *request, code int) {
	m := req.method
	switch code {
	case 199:
		req.add("Supported", "199") // a proxy sends 199 only to UACs that asked (RFC 6228)
	case 204:
		if m == "SUBSCRIBE" {
			req.add("Suppress-If-Match", "b4cf7a21") // RFC 5839
		}
	case 412:
		if m == "PUBLISH" {
			// A refresh names the entity-tag it refreshes; the ESC no longer has it.
			req.add("SIP-If-Match", "7b0d92e4")
			req.remove("Content-Type")
			req.body = ""
		}
	case 415:
		if m == "MESSAGE" {
			req.set("Content-Type", "text/html")
			req.body = "<p>Lunch at <b>noon</b>?</p>\n"
		}
	case 417:
		req.add("Resource-Priority", "dsn.flash") // a namespace the server does not know
	case 420:
		req.add("Require", "precondition")
	case 421:
		req.add("Supported", "timer")
	case 422:
		req.add("Supported", "timer")
		req.add("Session-Expires", "60")
	case 423:
		if m == "REGISTER" || m == "SUBSCRIBE" {
			req.set("Expires", "60")
		}
	case 433:
		// Alice withholds her identity (RFC 3323, RFC 5079).
		req.set("From", `"Anonymous" <sip:anonymous@anonymous.invalid>;tag=`+fromTag)
		req.add("Privacy", "id")
	case 439:
		if m == "REGISTER" {
			req.set("Contact", `<sip:alice@192.0.2.101;transport=tcp>;reg-id=1;+sip.instance="<urn:uuid:6f1c0b4e-3d2a-4e8f-9b7c-5a1d2e3f4a5b>"`)
			req.add("Supported", "path, outbound")
		}
	case 482:
		// The request came back to proxy.example.com, whose Via is already in it.
		req.vias = append([]via{proxyVia("proxy.example.net", "198.51.100.7", "z9hG4bK8c21d0.1"), proxyVia("proxy.example.com", "203.0.113.1", "z9hG4bK47e6ab.1")}, req.vias...)
		req.set("Max-Forwards", "68")
	case 483:
		req.vias = append([]via{proxyVia("proxy.example.net", "198.51.100.7", "z9hG4bK8c21d0.1"), proxyVia("proxy.example.com", "203.0.113.1", "z9hG4bK47e6ab.1")}, req.vias...)
		req.set("Max-Forwards", "0")
	case 489:
		if m == "SUBSCRIBE" || m == "PUBLISH" {
			req.set("Event", "conference") // a package the presence server lacks
		}
	case 494:
		req.add("Supported", "sec-agree")
	case 416:
		// Many UAs and proxies take only SIP URIs, not tel (RFC 3966).
		if strings.Contains(req.start, bobURI) {
			req.start = strings.Replace(req.start, bobURI, "tel:+1-201-555-0123", 1)
			req.set("To", "<tel:+1-201-555-0123>")
		}
	case 505:
		// A SIP version the server does not implement; 3.0 does not exist.
		req.start = strings.Replace(req.start, "SIP/2.0", "SIP/3.0", 1)
		req.vias[0].version = "3.0"
	case 555:
		if m == "REGISTER" {
			req.set("Contact", "<sip:alice@192.0.2.101;pn-provider=acme;pn-param=c4e1f8;pn-prid=00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0>")
		}
	}
}

// proxyVia is the Via of a proxy the request passed through.
func proxyVia(host, ip, br string) via {
	return via{sentBy: host + ":5060", ip: ip, branch: br}
}
