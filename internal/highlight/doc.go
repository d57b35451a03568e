// Package highlight turns fenced code blocks into class-based HTML and
// provides the single stylesheet that colours them.
//
// The package has lexers of its own, in a registry of its own, for the
// languages the site shows: "sip" (RFC 3261 messages) and "sdp" (RFC 8866
// session descriptions), for which chroma ships none; "xml", for message
// bodies; and "c", "go", "java", "csharp" and "js", the languages of the
// SIP stacks whose constants the site lists. A SIP message body that looks
// like SDP or XML is handed to that lexer, so an INVITE with its offer
// highlights as one block. Chroma's own lexers package is not used: it
// builds its hundreds of lexers whenever a program starts, which cost more
// than a whole stage of the build.
//
// The lexers are hand-written scanners rather than chroma's regular
// expression tables, and Highlight writes its HTML itself rather than
// through chroma's formatter; both were too slow for a site with hundreds
// of examples. The tests keep the regular-expression lexers (the SIP and SDP
// rules they replaced, chroma's XML lexer) and chroma's formatter as
// references and require the same tokens and the same bytes. The C-family
// lexer is the package's own: one set of rules for five languages, so that
// a stack's usage line looks the same whatever language it is in.
package highlight
