package highlight

import (
	. "github.com/alecthomas/chroma/v2" //nolint:revive,stylecheck // rule tables read like chroma's own lexers
)

// newRegexSDPLexer builds the regular-expression SDP lexer that the
// hand-written one replaced, kept in a test file only as the reference the
// hand-written lexer must match token for token.
func newRegexSDPLexer() Lexer {
	return MustNewLexer(&Config{Name: "SDP (regexp reference)"}, regexSDPRules)
}

// regexSDPRules lexes SDP line by line. Every line is "<type>=<value>"; the type
// letter picks a state that knows the shape of that value, and each state
// pops at the end of its line. Every state ends in a catch-all so that no
// input, however mangled, produces an Error token.
func regexSDPRules() Rules {
	return Rules{
		"root": {
			rule(`([vtrz])(=)`, ByGroups(NameTag, Operator), Push("numbers")),
			rule(`(o)(=)(\S+)`, ByGroups(NameTag, Operator, NameVariable), Push("address")),
			rule(`([oc])(=)`, ByGroups(NameTag, Operator), Push("address")),
			rule(`(m)(=)([A-Za-z][\w-]*)`, ByGroups(NameTag, Operator, NameBuiltin), Push("media-port")),
			rule(`([abk])(=)([\w.+-]+)(:)`, ByGroups(NameTag, Operator, NameAttribute, Punctuation), Push("attribute")),
			rule(`([abk])(=)([\w.+-]+)`, ByGroups(NameTag, Operator, NameAttribute), Push("attribute")),
			rule(`([A-Za-z])(=)`, ByGroups(NameTag, Operator), Push("text")),
			rule(`[ \t]+`, Text, nil),
			rule(eolPattern, Text, nil),
			rule(`[^\n]+`, Text, nil),
		},
		// "eol" is shared by the per-line states: whitespace, and the
		// line end that returns to root.
		"eol": {
			rule(eolPattern, Text, Pop(1)),
			rule(`[ \t]+`, Text, nil),
		},
		// v=, t=, r= and z=: integers, with the d/h/m/s suffixes and
		// negative offsets that r= and z= allow.
		"numbers": {
			Include("eol"),
			rule(`-?\d+[dhms]?(?![\w.])`, LiteralNumberInteger, nil),
			rule(`[^\s]+`, Text, nil),
			rule(`.`, Text, nil),
		},
		// o= (after the user name) and c=: session ids, network and
		// address types, and the address with optional /ttl/count.
		"address": {
			Include("eol"),
			rule(`IN(?![\w.-])`, Keyword, nil),
			rule(`IP[46](?![\w.-])`, KeywordType, nil),
			rule(ipv6Pattern, NameConstant, nil),
			rule(ipv4Pattern+`(?![\w.])`, NameConstant, nil),
			rule(`\d+(?![\w.])`, LiteralNumberInteger, nil),
			rule(`/`, Operator, nil),
			rule(`[A-Za-z0-9][\w.-]*`, NameConstant, nil),
			rule(`.`, Text, nil),
		},
		// m=<media> <port>[/<count>] <proto> <fmt> ...: the three
		// positional parts are separate states so that the transport
		// protocol and the format list can be told apart.
		"media-port": {
			Include("eol"),
			rule(`\d+`, LiteralNumberInteger, nil),
			rule(`/`, Operator, nil),
			rule(`[A-Za-z][\w.-]*`, KeywordReserved, Mutators(Pop(1), Push("media-proto"))),
			rule(`.`, Text, nil),
		},
		"media-proto": {
			rule(eolPattern, Text, Pop(1)),
			rule(`/`, Operator, nil),
			rule(`[A-Za-z][\w.-]*`, KeywordReserved, nil),
			rule(`[ \t]+`, Text, Mutators(Pop(1), Push("media-formats"))),
			rule(`.`, Text, nil),
		},
		"media-formats": {
			Include("eol"),
			rule(`\d+(?![\w.-])`, LiteralNumberInteger, nil),
			rule(`\S+`, LiteralString, nil),
			rule(`.`, Text, nil),
		},
		// a=, b= and k= values after "name:": rtpmap, fmtp, candidate,
		// fingerprint and friends, classified by shape.
		"attribute": {
			Include("eol"),
			rule(`(?:[0-9A-Fa-f]{2}:){7,63}[0-9A-Fa-f]{2}(?![\w:])`, LiteralNumberHex, nil),
			rule(`(?<![\w.-])IN(?![\w.-])`, Keyword, nil),
			rule(`(?<![\w.-])IP[46](?![\w.-])`, KeywordType, nil),
			rule(ipv6Pattern, NameConstant, nil),
			rule(ipv4Pattern+`(?![\w.])`, NameConstant, nil),
			rule(`([\w.+-]+)(=)(?=[^\s=])`, ByGroups(NameAttribute, Operator), nil),
			rule(`\d+\.\d+(?![\w.-])`, LiteralNumberFloat, nil),
			rule(`\d+(?![\w.-])`, LiteralNumberInteger, nil),
			rule(`/`, Operator, nil),
			rule(`[;:,]`, Punctuation, nil),
			rule(`[^\s/;:=,]+`, LiteralString, nil),
			rule(`.`, Text, nil),
		},
		// s=, i=, u=, e=, p= and unknown types: free text.
		"text": {
			Include("eol"),
			rule(`[^\r\n]+`, LiteralString, nil),
			rule(`.`, Text, nil),
		},
	}
}
