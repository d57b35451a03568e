package example

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// addNamedFields adds a field for every name the note lists that the
// response does not have yet.
func addNamedFields(req *request, res *message, code int, names []string) error {
	for _, name := range names {
		if err := addNamed(req, res, code, name); err != nil {
			return err
		}
	}
	return nil
}

// derived are the fields every example already has or that only a body
// justifies; naming them in a note adds nothing.
var derived = []string{"Via", "From", "To", "Call-ID", "CSeq", "Max-Forwards", "Content-Length", "Content-Type"}

// addNamed adds the field called name to res with a sample value that fits
// code, and to req whatever the field refers back to.
func addNamed(req *request, res *message, code int, name string) error {
	canon, ok := canonical(name)
	if !ok {
		return fmt.Errorf("no sample value for header field %q", name)
	}
	if res.has(canon) || slices.Contains(derived, canon) {
		return nil
	}
	switch {
	case canon == "RSeq" || (canon == "Require" && code < 200):
		return makeReliable(req, res, code)
	case canon == "Timestamp":
		// A UAS copies the request's Timestamp and adds its delay (RFC 3261 §8.2.6.1).
		req.add("Timestamp", "54")
		res.add("Timestamp", "54 0.05")
	case canon == "Security-Server":
		// A server lists every mechanism it supports, by preference (RFC 3329).
		res.add(canon, "tls;q=0.2")
		res.add(canon, "ipsec-ike;q=0.1")
	default:
		res.add(canon, sampleValue(canon, code, req.method))
	}
	return nil
}

// makeReliable turns a provisional response into a reliable one: Require:
// 100rel and RSeq, which only a UAC that supports 100rel may receive
// (RFC 3262 §3).
func makeReliable(req *request, res *message, code int) error {
	if code == 100 || code >= 200 || req.method != "INVITE" {
		return fmt.Errorf("only a provisional response other than 100 to INVITE can be sent reliably with RSeq")
	}
	res.set("Require", "100rel")
	res.set("RSeq", "1")
	req.set("Supported", appendToken(req, "Supported", "100rel"))
	return nil
}

// appendToken returns m's value of name with token added to the list.
func appendToken(m *request, name, token string) string {
	if v, ok := m.get(name); ok {
		return v + ", " + token
	}
	return token
}

// canonical returns the conventional spelling of a header field name the
// package has a sample value for.
func canonical(name string) (string, bool) {
	name = fullName(strings.TrimSpace(name))
	for _, known := range [][]string{derived, contextual, specialNames} {
		for _, k := range known {
			if strings.EqualFold(k, name) {
				return k, true
			}
		}
	}
	for k := range samples {
		if strings.EqualFold(k, name) {
			return k, true
		}
	}
	return "", false
}

// specialNames are handled in addNamed itself.
var specialNames = []string{"RSeq", "Require", "Timestamp", "Security-Server"}

// contextual are the fields whose sample value depends on the code or method.
var contextual = []string{
	"Allow", "Contact", "Expires", "Proxy-Authenticate", "Reason", "Retry-After",
	"Warning", "WWW-Authenticate", "Accept", "Call-Info", "Unsupported",
}

// sampleValue returns a plausible value of the field name in the response
// with code to method.
func sampleValue(name string, code int, method string) string {
	switch name {
	case "WWW-Authenticate", "Proxy-Authenticate":
		// A digest challenge with the algorithm and qop RFC 8760 and
		// RFC 3261 §22.4 expect; the nonce is fixed for determinism.
		return `Digest realm="atlanta.example.com", nonce="5c1e0f7a92b34d68a0e4c3b21f9d7e65", algorithm=SHA-256, qop="auth"`
	case "Allow":
		// A 405 must not list the method it refuses (RFC 3261 §21.4.6).
		allowed := slices.DeleteFunc(slices.Clone(allowedMethods), func(m string) bool { return code == 405 && m == method })
		return strings.Join(allowed, ", ")
	case "Contact":
		if method == "REGISTER" && code/100 == 2 {
			return aliceContact + ";expires=3600"
		}
		return bobContact
	case "Expires":
		return "3600"
	case "Retry-After":
		return retryAfter(code)
	case "Reason":
		return reason(code)
	case "Warning":
		if code == 488 || code == 606 {
			return `305 sbc.example.com "Incompatible media format"`
		}
		return `399 proxy.example.com "Miscellaneous warning"`
	case "Accept":
		if code == 415 && method == "MESSAGE" {
			return "text/plain, message/cpim"
		}
		return "application/sdp"
	case "Call-Info":
		if code == 608 {
			// The analytics service identifies itself with a signed jCard (RFC 8688).
			return "<https://analytics.example.com/608.jwt>;purpose=jwscard"
		}
		return "<https://www.biloxi.example.com/bob/photo.png>;purpose=icon"
	case "Unsupported":
		return "precondition"
	case "Require":
		return "100rel" // 421's usual demand (RFC 3262)
	}
	return samples[name]
}

// allowedMethods are the methods Bob's UA implements.
var allowedMethods = []string{"INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "PRACK", "UPDATE", "INFO", "REFER", "NOTIFY", "MESSAGE"}

// retryAfter returns a Retry-After value in seconds that fits code: short
// for an overloaded server, longer for a busy or absent user.
func retryAfter(code int) string {
	seconds := map[int]int{404: 600, 413: 120, 480: 1800, 486: 60, 500: 10, 503: 30, 600: 300, 603: 3600}[code]
	if seconds == 0 {
		seconds = 120
	}
	s := strconv.Itoa(seconds)
	if code == 480 {
		s += " (in a meeting)"
	}
	return s
}

// reason returns a Reason value. Gateways report the Q.850 cause they map
// the response to or from (RFC 3326, RFC 3398, RFC 6432); a 199 names the
// final response that ended the early dialog (RFC 6228).
func reason(code int) string {
	switch code {
	case 199:
		return `SIP;cause=486;text="Busy Here"`
	case 480:
		return `Q.850;cause=20;text="Subscriber absent"`
	case 486, 600:
		return `Q.850;cause=17;text="User busy"`
	case 603:
		return `Q.850;cause=21;text="Call rejected"`
	case 404:
		return `Q.850;cause=1;text="Unallocated (unassigned) number"`
	}
	return `Q.850;cause=31;text="Normal, unspecified"`
}

// samples are plausible values of the other registered header fields, for
// when a note names one. A request-only field appears here too, since a
// note may still list it; its value is valid wherever it goes.
var samples = map[string]string{
	"Accept-Contact":           "*;audio",
	"Accept-Encoding":          "identity",
	"Accept-Language":          "en, de;q=0.5",
	"Accept-Resource-Priority": "ets.0, ets.1, ets.2, wps.0, wps.1",
	"Alert-Info":               "<urn:alert:source:external>",
	"AlertMsg-Error":           `100 "Cannot process the alert payload"`,
	"Allow-Events":             "presence",
	"Answer-Mode":              "Auto",
	"Authentication-Info":      `nextnonce="d1f0c25a9e3b47a8b6c2e0f4a7d9b315", qop=auth`,
	"Content-Disposition":      "session",
	"Content-Language":         "en",
	"Date":                     "Sat, 01 Mar 2025 12:00:00 GMT",
	"Error-Info":               "<sip:announcement@media.biloxi.example.com>",
	"Event":                    "presence",
	"Flow-Timer":               "120",
	"Geolocation-Error":        `100 "Cannot Process Location"`,
	"Geolocation-Routing":      "no",
	"History-Info":             "<sip:bob@biloxi.example.com>;index=1, <sip:bob@198.51.100.20>;index=1.1",
	"In-Reply-To":              "c7a19d3e@pc33.atlanta.example.com",
	"Info-Package":             "g.3gpp.ussd",
	"Min-Expires":              "3600",
	"Min-SE":                   "90",
	"MIME-Version":             "1.0",
	"Organization":             "Biloxi Example Ltd",
	"P-Asserted-Identity":      "Bob <sip:bob@biloxi.example.com>",
	"P-Associated-URI":         "<sip:alice.work@atlanta.example.com>",
	"P-Charging-Vector":        "icid-value=7d3e21c0b8f4",
	"P-Early-Media":            "sendrecv",
	"P-Preferred-Identity":     "Alice <sip:alice@atlanta.example.com>",
	"Path":                     "<sip:edge.atlanta.example.com;lr>",
	"Permission-Missing":       "<sip:bob@biloxi.example.com>",
	"Priority":                 "normal",
	"Privacy":                  "none",
	"Priv-Answer-Mode":         "Auto",
	"Record-Route":             "<sip:proxy.example.com;lr>",
	"Recv-Info":                "trickle-ice",
	"Refer-Sub":                "false",
	"Refer-To":                 "<sip:carol@chicago.example.com>",
	"Referred-By":              "<sip:alice@atlanta.example.com>",
	"Reply-To":                 "Bob <sip:bob@biloxi.example.com>",
	"Resource-Priority":        "ets.0",
	"Route":                    "<sip:proxy.example.com;lr>",
	"Server":                   "ExamplePBX/4.2",
	"Service-Route":            "<sip:orig@scscf.atlanta.example.com;lr>",
	"Session-Expires":          "1800;refresher=uac",
	"Session-ID":               "ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2",
	"SIP-ETag":                 "e8f3a2c1",
	"SIP-If-Match":             "e8f3a2c1",
	"Subject":                  "Project update",
	"Subscription-State":       "active;expires=3600",
	"Supported":                "100rel, timer, replaces",
	"User-Agent":               "ExampleSoftphone/1.0",
}
