package highlight

import "github.com/alecthomas/chroma/v2"

// Regular-expression fragments shared by the SIP and SDP lexers. They are
// constants, not variables, so the lexers' rule tables stay free of mutable
// package state. All of them are regexp2 syntax as chroma compiles it.
const (
	// tokenChar is one character of an RFC 3261 "token", the grammar of
	// method names, header names and parameter names.
	tokenChar = "[A-Za-z0-9.!%*_+`'~-]"
	// tokenPattern is a whole RFC 3261 token.
	tokenPattern = tokenChar + "+"
	// notAfterToken and notBeforeToken bound a word on token characters
	// rather than on \b, which would split "AKAv1-MD5" or "+sip.instance".
	notAfterToken  = "(?<!" + tokenChar + ")"
	notBeforeToken = "(?!" + tokenChar + ")"

	// ipv4Pattern is a dotted-quad address; callers add their own
	// boundary so "192.0.2.1/127" and "192.0.2.1;rport" both work.
	ipv4Pattern = `\d{1,3}(?:\.\d{1,3}){3}`
	// ipv6RefPattern is a bracketed IPv6 reference as SIP URIs and Via
	// headers write it ("[2001:db8::1]").
	ipv6RefPattern = `\[[0-9A-Fa-f:.]+\]`
	// ipv6Pattern is a bare IPv6 address as SDP writes it ("2001:db8::1");
	// requiring two colons keeps it from matching "rtpmap:0".
	ipv6Pattern = `(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?![\w:])`
	// hostnamePattern is a dotted host name whose last label starts with a
	// letter, so version numbers such as "1.0.3" are not taken for hosts.
	hostnamePattern = `(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*`

	// quotedPattern is a complete double-quoted string with backslash
	// escapes; unterminatedQuotePattern catches a quote left open to the
	// end of the line, so a typo costs colour, not an Error token.
	quotedPattern            = `"(?:\\.|[^"\\\n])*"`
	unterminatedQuotePattern = `"[^\n]*`

	// eolPattern ends a line. Chroma normalises CRLF to LF by default, but
	// a caller may tokenise with EnsureLF off, so a CR is tolerated.
	eolPattern = `\r?\n`
)

// SIP start lines and header lines, used both to lex them and, as
// look-aheads, to notice where a message body ends and the next message
// (or a bare header fragment) begins.
const (
	// requestLinePattern is "METHOD Request-URI SIP/2.0" up to, not
	// including, the line end.
	requestLinePattern = tokenPattern + `[ \t]+\S+[ \t]+SIP/\d+\.\d+[ \t]*\r?$`
	// statusLinePattern is the start of "SIP/2.0 486 Busy Here".
	statusLinePattern = `SIP/\d+\.\d+[ \t]+\d{3}(?!\w)`
	// headerLinePattern is the start of "Name:" or a compact "v:".
	headerLinePattern = tokenPattern + `[ \t]*:`
	// messageStartPattern matches wherever a SIP lexer's root state would
	// consume something other than a body line.
	messageStartPattern = `(?:` + requestLinePattern + `|` + statusLinePattern + `|` + headerLinePattern + `)`
)

// rule is a keyed chroma.Rule literal in short form, so the rule tables read
// as one call per line and still pass go vet's composite-literal check.
func rule(pattern string, emitter chroma.Emitter, mutator chroma.Mutator) chroma.Rule {
	return chroma.Rule{Pattern: pattern, Type: emitter, Mutator: mutator}
}
