package highlight

import (
	. "github.com/alecthomas/chroma/v2" //nolint:revive,stylecheck // rule tables read like chroma's own lexers
)

// newRegexSIPLexer builds the regular-expression SIP lexer that the
// hand-written one replaced. It is kept, in a test file only, as the
// reference that the hand-written lexer must match token for token. It is
// never registered: bodies go to the given SDP and XML lexers directly, where
// the original found them by name in the registry (the tokens are the same).
func newRegexSIPLexer(sdp, xml Lexer) Lexer {
	return MustNewLexer(&Config{Name: "SIP (regexp reference)"}, func() Rules { return regexSIPRules(sdp, xml) })
}

// regexSIPRules lexes one or more SIP messages, or a bare run of header lines.
//
// The root state sits at the start of a line: it recognises request and
// status lines and header names, and pushes a state for the rest of the
// line. A blank line (or a line that already looks like SDP) enters "body",
// which hands SDP to the SDP lexer and XML to the XML lexer, and which
// returns to root as soon as a line looks like a start line or a header
// again, so several messages in one block each highlight properly. Every
// state ends in a catch-all, so valid or not, no input yields an Error token.
func regexSIPRules(sdp, xml Lexer) Rules {
	return Rules{
		"root": {
			rule(`(`+tokenPattern+`)([ \t]+)(?=\S+[ \t]+SIP/\d+\.\d+[ \t]*\r?$)`, ByGroups(NameFunction, Text), Push("request-line")),
			rule(`(SIP)(/)(\d+\.\d+)([ \t]+)(\d{3})(?!\w)`, ByGroups(KeywordReserved, Operator, LiteralNumber, Text, LiteralNumberInteger), Push("status-line")),
			rule(`(`+tokenPattern+`)([ \t]*)(:)`, ByGroups(NameTag, Text, Punctuation), Push("header-value")),
			rule(`(?=[A-Za-z]=)`, nil, Push("body")),
			rule(eolPattern, Text, Push("body")),
			rule(`[^\n]+\n?`, Text, nil),
		},
		// "request-line" follows the method: Request-URI and version.
		"request-line": {
			rule(`([ \t]+)(SIP)(/)(\d+\.\d+)`, ByGroups(Text, KeywordReserved, Operator, LiteralNumber), nil),
			rule(`[ \t]+`, Text, nil),
			rule(eolPattern, Text, Pop(1)),
			Include("uri"),
			rule(`\S+`, Text, nil),
			rule(`.`, Text, nil),
		},
		// "status-line" follows the status code: the reason phrase.
		"status-line": {
			rule(`[ \t]+`, Text, nil),
			rule(`[^\r\n]*[^\s]`, NameException, nil),
			rule(eolPattern, Text, Pop(1)),
			rule(`.`, Text, nil),
		},
		// "header-value" runs to the end of the header, including folded
		// continuation lines that start with whitespace.
		"header-value": {
			rule(eolPattern+`[ \t]+`, Text, nil),
			rule(eolPattern, Text, Pop(1)),
			rule(`[ \t]+`, Text, nil),
			// Rules are roughly in order of frequency, because chroma tries
			// them one by one: separators first, except ";" and "[" which
			// open parameters and IPv6 references below.
			rule(`[<>,:/?&@=\\\]{}]`, Punctuation, nil),
			Include("params"),
			rule(quotedPattern, LiteralStringDouble, nil),
			Include("uri"),
			// Everything from here to the word rule starts like a token,
			// so it has to be tried first.
			rule(`(`+numericParamPattern+`)([ \t]*)(=)([ \t]*)`, ByGroups(NameAttribute, Text, Operator, Text), Push("numeric-value")),
			rule(`(`+tokenPattern+`)([ \t]*)(=)([ \t]*)`, ByGroups(NameAttribute, Text, Operator, Text), Push("param-value")),
			// "local@host", as in a Call-ID.
			rule(`(`+tokenPattern+`)(@)(`+ipv6RefPattern+`|[A-Za-z0-9][A-Za-z0-9.-]*)`, ByGroups(NameVariable, Punctuation, NameConstant), nil),
			rule(`(SIP)(/)(\d+\.\d+)(/)(`+tokenPattern+`)`, ByGroups(KeywordReserved, Operator, LiteralNumber, Operator, KeywordReserved), nil),
			rule(`(SIP)(/)(\d+\.\d+)`, ByGroups(KeywordReserved, Operator, LiteralNumber), nil),
			rule(`(?i)(application|text|multipart|message|image|audio|video|model|font)(/)([\w.+-]+)`, ByGroups(NameBuiltin, Operator, NameBuiltin), nil),
			// Authentication schemes, only when a "name=" parameter
			// follows, so a Subject that starts with "Basic" stays text.
			rule(Words(notAfterToken, `(?=[ \t]+`+tokenPattern+`[ \t]*=)`,
				"Digest", "Basic", "Bearer", "AKAv1-MD5", "AKAv2-MD5", "NTLM", "Kerberos",
			), Keyword, nil),
			rule(tokenPattern, EmitterFunc(emitSIPWord), nil),
			rule(unterminatedQuotePattern, LiteralStringDouble, nil),
			rule(`\((?:[^()\\\n]|\\.)*\)`, Comment, nil),
			rule(ipv6RefPattern, NameConstant, nil),
			rule(`[;\[]`, Punctuation, nil),
			rule(`.`, Text, nil),
		},
		// "uri" is included, never pushed: it spots the scheme of a URI
		// and pushes the state for the rest of it. The look-behind keeps
		// "xsip:" or "mysip:" from being taken for a SIP URI.
		"uri": {
			rule(`(?i)`+notAfterToken+`(sips?)(:)`, ByGroups(NameNamespace, Punctuation), Push("sip-uri")),
			rule(`(?i)`+notAfterToken+`(tel)(:)`, ByGroups(NameNamespace, Punctuation), Push("tel-uri")),
			rule(`(?i)`+notAfterToken+`(https?|wss?|urn|mailto|im|pres|cid|xmpp)(:)([^\s<>"]+)`, ByGroups(NameNamespace, Punctuation, LiteralStringOther), nil),
		},
		// "sip-uri" is user@host:port followed by parameters and headers.
		// It pops, without consuming, at the first character that cannot
		// belong to the URI (space, ">", ",", end of line).
		"sip-uri": {
			rule(`([^\s@<>;?,"]+)(@)`, ByGroups(NameVariable, Punctuation), nil),
			rule(ipv6RefPattern, NameConstant, nil),
			rule(`[A-Za-z0-9][A-Za-z0-9.-]*`, NameConstant, nil),
			rule(`(:)(\d+)`, ByGroups(Punctuation, LiteralNumberInteger), nil),
			Include("uri-params"),
			Default(Pop(1)),
		},
		// "tel-uri" is an RFC 3966 number followed by parameters.
		"tel-uri": {
			rule(`[+0-9A-Fa-f*#().-]+`, NameVariable, nil),
			Include("uri-params"),
			Default(Pop(1)),
		},
		// "uri-params" covers ";name=value", ";flag" and "?name=value&..."
		// inside a URI.
		"uri-params": {
			Include("params"),
			rule(`([?&])([^\s=&<>"]+)(=)`, ByGroups(Punctuation, NameAttribute, Operator), Push("param-value")),
		},
		// "params" is ";name=value" and ";flag", in URIs and after them.
		// Parameters known to carry numbers get numeric values; the rest
		// (tag, branch, ...) are opaque strings even when they happen to
		// be all digits, so one parameter always looks the same.
		"params": {
			rule(`(;)([ \t]*)(`+numericParamPattern+`)([ \t]*)(=)([ \t]*)`, ByGroups(Punctuation, Text, NameAttribute, Text, Operator, Text), Push("numeric-value")),
			rule(`(;)([ \t]*)(`+tokenPattern+`)([ \t]*)(=)([ \t]*)`, ByGroups(Punctuation, Text, NameAttribute, Text, Operator, Text), Push("param-value")),
			rule(`(;)([ \t]*)(`+tokenPattern+`)`, ByGroups(Punctuation, Text, NameAttribute), nil),
		},
		// "param-value" is the single value after "name=", wherever the
		// parameter appears; it pops after one value, or at once when the
		// value is empty.
		"param-value": {
			rule(quotedPattern, LiteralStringDouble, Pop(1)),
			rule(unterminatedQuotePattern, LiteralStringDouble, Pop(1)),
			rule(ipv4Pattern+`(?![\w.-])`, NameConstant, Pop(1)),
			rule(ipv6RefPattern, NameConstant, Pop(1)),
			rule(`[^\s;,?&<>"]+`, LiteralString, Pop(1)),
			Default(Pop(1)),
		},
		// "numeric-value" is "param-value" for parameters such as expires
		// and q, whose values are numbers.
		"numeric-value": {
			rule(`\d+\.\d+(?![^\s;,?&<>"])`, LiteralNumberFloat, Pop(1)),
			rule(`\d+(?![^\s;,?&<>"])`, LiteralNumberInteger, Pop(1)),
			Include("param-value"),
		},
		// "body" follows a blank line. Each rule consumes a run of lines
		// up to the next start line or header line, which pops back to
		// root without being consumed.
		"body": {
			rule(`(?=`+messageStartPattern+`)`, nil, Pop(1)),
			rule(eolPattern, Text, nil),
			rule(`(?=[A-Za-z]=)`+bodyRunPattern, UsingLexer(sdp), nil),
			rule(`(?=[ \t]*<[?!A-Za-z_])`+bodyRunPattern, UsingLexer(xml), nil),
			rule(`[^\n]+\n?`, Text, nil),
		},
	}
}

// numericParamPattern names the parameters whose values are numbers:
// registration and subscription lifetimes, q-values, TTLs, ports, and the
// cause codes of Reason headers and tel URIs. The look-ahead for "=" keeps
// "q" from matching the start of "qop".
const numericParamPattern = `(?i:expires|q|ttl|rport|duration|cause|retry-after|max-age)(?=[ \t]*=)`

// bodyRunPattern is one or more whole lines, stopping before any line that
// starts a new message or a header fragment. A run is capped at 256 lines
// (a long body is lexed as several runs) so that one match never comes near
// regexp2's 250 ms match timeout, which would turn text into Error tokens.
const bodyRunPattern = `(?:(?!` + messageStartPattern + `)(?:[^\n]*\n|[^\n]+)){1,256}`

// emitSIPWord emits one whole RFC 3261 token from a header value with the
// type sipWordType gives it.
func emitSIPWord(groups []string, _ *LexerState) Iterator {
	return Literator(Token{Type: sipWordType(groups[0]), Value: groups[0]})
}

// Regular-expression fragments shared by the SIP and SDP lexers. They are
// constants, not variables, so the lexers' rule tables stay free of mutable
// package state. All of them are regexp2 syntax as chroma compiles it.
const (
	// tokenChar is one character of an RFC 3261 "token", the grammar of
	// method names, header names and parameter names.
	tokenChar = "[A-Za-z0-9.!%*_+`'~-]"
	// tokenPattern is a whole RFC 3261 token.
	tokenPattern = tokenChar + "+"
	// notAfterToken bounds a word on token characters rather than on \b,
	// which would split "AKAv1-MD5" or "+sip.instance".
	notAfterToken = "(?<!" + tokenChar + ")"

	// ipv4Pattern is a dotted-quad address; callers add their own
	// boundary so "192.0.2.1/127" and "192.0.2.1;rport" both work.
	ipv4Pattern = `\d{1,3}(?:\.\d{1,3}){3}`
	// ipv6RefPattern is a bracketed IPv6 reference as SIP URIs and Via
	// headers write it ("[2001:db8::1]").
	ipv6RefPattern = `\[[0-9A-Fa-f:.]+\]`
	// ipv6Pattern is a bare IPv6 address as SDP writes it ("2001:db8::1");
	// requiring two colons keeps it from matching "rtpmap:0".
	ipv6Pattern = `(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?![\w:])`

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

// rule is a keyed Rule literal in short form, so the rule tables read
// as one call per line and still pass go vet's composite-literal check.
func rule(pattern string, emitter Emitter, mutator Mutator) Rule {
	return Rule{Pattern: pattern, Type: emitter, Mutator: mutator}
}
