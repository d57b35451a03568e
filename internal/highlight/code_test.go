package highlight

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// compact writes tokens as "type:value" pairs separated by spaces, leaving
// out the whitespace between them, so a table row fits on a line.
func compact(tokens []chroma.Token) string {
	var parts []string
	for _, tok := range tokens {
		if tok.Type == chroma.Text && strings.TrimSpace(tok.Value) == "" {
			continue
		}
		parts = append(parts, tok.Type.String()+":"+tok.Value)
	}
	return strings.Join(parts, " ")
}

func TestCodeLexers(t *testing.T) {
	for _, tc := range []struct{ lang, code, want string }{
		// The usage lines of content/stacks.yaml, with the placeholder the
		// renderer puts in place of the constant.
		{"c", "if (rdata->msg_info.msg->line.status.code == SIPCODESCONSTANTNAME)",
			"Keyword:if Punctuation:( Name:rdata Operator:-> Name:msg_info Punctuation:. Name:msg Operator:-> Name:line Punctuation:. Name:status Punctuation:. Name:code Operator:== Name:SIPCODESCONSTANTNAME Punctuation:)"},
		{"c", "nua_respond(nh, SIPCODESCONSTANTNAME, TAG_END());",
			"NameFunction:nua_respond Punctuation:( Name:nh Punctuation:, Name:SIPCODESCONSTANTNAME Punctuation:, NameFunction:TAG_END Punctuation:( Punctuation:) Punctuation:) Punctuation:;"},
		{"go", "if res.StatusCode == sip.SIPCODESCONSTANTNAME {",
			"Keyword:if Name:res Punctuation:. Name:StatusCode Operator:== Name:sip Punctuation:. Name:SIPCODESCONSTANTNAME Punctuation:{"},
		{"java", "if (responseEvent.getResponse().getStatusCode() == Response.SIPCODESCONSTANTNAME)",
			"Keyword:if Punctuation:( Name:responseEvent Punctuation:. NameFunction:getResponse Punctuation:( Punctuation:) Punctuation:. NameFunction:getStatusCode Punctuation:( Punctuation:) Operator:== Name:Response Punctuation:. Name:SIPCODESCONSTANTNAME Punctuation:)"},
		{"csharp", "if (ex.ResponseData != null && ex.ResponseData.ResponseCode == ResponseCode.SIPCODESCONSTANTNAME)",
			"Keyword:if Punctuation:( Name:ex Punctuation:. Name:ResponseData Operator:!= KeywordConstant:null Operator:&& Name:ex Punctuation:. Name:ResponseData Punctuation:. Name:ResponseCode Operator:== Name:ResponseCode Punctuation:. Name:SIPCODESCONSTANTNAME Punctuation:)"},
		{"js", "if (response.reason_phrase === JsSIP.C.SIPCODESCONSTANTNAME) {",
			"Keyword:if Punctuation:( Name:response Punctuation:. Name:reason_phrase Operator:=== Name:JsSIP Punctuation:. Name:C Punctuation:. Name:SIPCODESCONSTANTNAME Punctuation:) Punctuation:{"},

		// Literals, comments and the differences between the languages.
		{"c", `x = "a \"q\" b" + 'c' + '\'' + 0x1F + 2.5f + .5;`,
			`Name:x Operator:= LiteralString:"a \"q\" b" Operator:+ LiteralString:'c' Operator:+ LiteralString:'\'' Operator:+ LiteralNumber:0x1F Operator:+ LiteralNumber:2.5f Operator:+ LiteralNumber:.5 Punctuation:;`},
		{"c", "#include <pjsip.h>\n  # define X 1\nx # y // done\n/* a\nb */ z",
			"CommentPreproc:#include <pjsip.h> CommentPreproc:# define X 1 Name:x Text:# Name:y CommentSingle:// done CommentMultiline:/* a\nb */ Name:z"},
		{"go", "s := `raw \\` + \"x\" // nil\nreturn nil, 1_000",
			"Name:s Operator::= LiteralString:`raw \\` Operator:+ LiteralString:\"x\" CommentSingle:// nil Keyword:return KeywordConstant:nil Punctuation:, LiteralNumber:1_000"},
		{"go", "#x $y", "Text:# Name:x Text:$ Name:y"},
		{"java", "@Override int $count = a/*b*/-1;",
			"Text:@ Name:Override Keyword:int Name:$count Operator:= Name:a CommentMultiline:/*b*/ Operator:- LiteralNumber:1 Punctuation:;"},
		{"js", "const s = `a\n${b}` ?? undefined; f (x)",
			"Keyword:const Name:s Operator:= LiteralString:`a\n${b}` Operator:?? KeywordConstant:undefined Punctuation:; NameFunction:f Punctuation:( Name:x Punctuation:)"},
		{"js", "a=//c\nb", "Name:a Operator:= CommentSingle://c Name:b"},
		{"csharp", "var é = \"open\nnext", `Keyword:var Name:é Operator:= LiteralString:"open Name:next`},
		{"c", "/* never closed", "CommentMultiline:/* never closed"},
	} {
		if got := compact(tokenise(t, tc.lang, tc.code)); got != tc.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tc.lang, tc.code, got, tc.want)
		}
	}
}

// FuzzCodeLexers checks that the C-family lexers, whatever the input,
// neither lose nor invent text and never give an Error token.
func FuzzCodeLexers(f *testing.F) {
	for _, seed := range []string{
		"", "if (a->b == C_D) {", `"unterminated \`, "'\\", "`raw\n", "/*", "//", "#", "\n#x", "1.2.3e+4", "$a.b$", "é٣_x", "a\xffb\r\nc",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		want := string([]rune(normaliseEOL(input)))
		for _, lang := range codeLanguages {
			tokens := tokenise(t, lang.aliases[0], input)
			if got := concat(tokens); got != want {
				t.Fatalf("%s: tokens concatenate to\n%q\nwant\n%q", lang.name, got, want)
			}
			for _, tok := range tokens {
				if tok.Type == chroma.Error {
					t.Fatalf("%s: Error token %q", lang.name, tok.Value)
				}
			}
		}
	})
}
