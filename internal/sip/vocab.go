package sip

import (
	"slices"
	"strings"
)

// Methods are the request methods registered for SIP (RFC 3261 §27.4 and
// the extensions that add PRACK, SUBSCRIBE, NOTIFY, REFER, MESSAGE, INFO,
// UPDATE and PUBLISH).
var Methods = []string{
	"ACK", "BYE", "CANCEL", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS",
	"PRACK", "PUBLISH", "REFER", "REGISTER", "SUBSCRIBE", "UPDATE",
}

// AnyMethod stands for "any request" in a note's list of requests.
const AnyMethod = "any"

// ValidMethod reports whether m is a registered method or AnyMethod.
func ValidMethod(m string) bool { return m == AnyMethod || slices.Contains(Methods, m) }

// Senders are the roles that typically send a response, with the label
// pages show for each.
var Senders = map[string]string{
	"uas":       "User agent server",
	"proxy":     "Proxy",
	"registrar": "Registrar",
	"redirect":  "Redirect server",
	"b2bua":     "B2BUA / SBC",
	"gateway":   "PSTN gateway",
}

// Requirement says how strongly a response needs a header field.
type Requirement string

// The requirement levels, in the sense of RFC 2119.
const (
	Must   Requirement = "must"
	Should Requirement = "should"
	May    Requirement = "may"
)

// Requirements lists the levels from strongest to weakest.
var Requirements = []Requirement{Must, Should, May}

// headerFields are the header field names of the IANA "Header Fields"
// registry of the SIP parameters, as they are conventionally capitalised.
var headerFields = []string{
	"Accept", "Accept-Contact", "Accept-Encoding", "Accept-Language",
	"Accept-Resource-Priority", "Additional-Identity", "Alert-Info",
	"AlertMsg-Error", "Allow", "Allow-Events", "Answer-Mode",
	"Attestation-Info", "Authentication-Info", "Authorization", "Call-ID",
	"Call-Info", "Cellular-Network-Info", "Contact", "Content-Disposition",
	"Content-Encoding", "Content-ID", "Content-Language", "Content-Length",
	"Content-Type", "CSeq", "Date", "Encryption", "Error-Info", "Event",
	"Expires", "Feature-Caps", "Flow-Timer", "From", "Geolocation",
	"Geolocation-Error", "Geolocation-Routing", "Hide", "History-Info",
	"Identity", "Identity-Info", "Info-Package", "In-Reply-To", "Join",
	"Max-Breadth", "Max-Forwards", "MIME-Version", "Min-Expires", "Min-SE",
	"Organization", "Origination-Id", "P-Access-Network-Info",
	"P-Answer-State", "P-Asserted-Identity", "P-Asserted-Service",
	"P-Associated-URI", "P-Called-Party-ID", "P-Charge-Info",
	"P-Charging-Function-Addresses", "P-Charging-Vector", "P-DCS-Billing-Info",
	"P-DCS-LAES", "P-DCS-OSPS", "P-DCS-Redirect", "P-DCS-Trace-Party-ID",
	"P-Early-Media", "P-Media-Authorization", "P-Preferred-Identity",
	"P-Preferred-Service", "P-Private-Network-Indication", "P-Profile-Key",
	"P-Refused-URI-List", "P-Served-User", "P-User-Database",
	"P-Visited-Network-ID", "Path", "Permission-Missing", "Policy-Contact",
	"Policy-ID", "Priority", "Priority-Share", "Priority-Verstat", "Priv-Answer-Mode",
	"Privacy", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require",
	"RAck", "Reason", "Reason-Phrase", "Record-Route", "Recv-Info",
	"Refer-Events-At", "Refer-Sub", "Refer-To", "Referred-By", "Reject-Contact",
	"Relayed-Charge", "Replaces", "Reply-To", "Request-Disposition", "Require",
	"Resource-Priority", "Resource-Share", "Response-Key", "Response-Source",
	"Restoration-Info", "Retry-After", "Route", "RSeq", "Security-Client",
	"Security-Server", "Security-Verify", "Server", "Service-Interact-Info",
	"Service-Route", "Session-Expires", "Session-ID", "SIP-ETag",
	"SIP-If-Match", "Subject", "Subscription-State", "Supported",
	"Suppress-If-Match", "Target-Dialog", "Timestamp", "To", "Trigger-Consent",
	"Unsupported", "User-Agent", "User-to-User", "Via", "Warning",
	"WWW-Authenticate",
}

// CanonicalHeader returns the registered spelling of a header field name,
// matched without regard to case, and whether it is registered at all.
func CanonicalHeader(name string) (string, bool) {
	for _, h := range headerFields {
		if strings.EqualFold(h, name) {
			return h, true
		}
	}
	return "", false
}
