// Package highlight turns fenced code blocks into class-based HTML and
// provides the single stylesheet that colours them.
//
// Besides wrapping chroma, the package registers two lexers of its own with
// chroma's global registry, because chroma ships none for the protocols this
// site documents: "SIP" (RFC 3261 messages, alias "sip") and "SDP" (RFC 8866
// session descriptions, alias "sdp"). A SIP message body that looks like SDP
// is handed to the SDP lexer, so an INVITE with its offer highlights as one
// block.
//
// Both lexers are hand-written scanners rather than chroma's regular
// expression tables, and Highlight writes its HTML itself rather than
// through chroma's formatter; both were too slow for a site with hundreds
// of examples. The tests keep the regular-expression lexers and chroma's
// formatter as references and require the same tokens and the same bytes.
package highlight
