package highlight

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// The hand-written lexers replaced regular-expression lexers whose rules
// live on in reference_sip_test.go and reference_sdp_test.go, and chroma's
// own XML lexer. These tests hold the two to the same tokens, type and
// boundary, on the samples, on inputs chosen for the corners of regexp2's
// semantics (Unicode classes, case folding, look-behinds), and under
// fuzzing.

// referenceLexers returns the regexp SIP and SDP lexers and chroma's XML
// lexer.
func referenceLexers(t testing.TB) map[string]chroma.Lexer {
	t.Helper()
	xml := lexers.Get("XML")
	if xml == nil {
		t.Fatal("chroma has no XML lexer")
	}
	sdp := newRegexSDPLexer()
	return map[string]chroma.Lexer{"sip": newRegexSIPLexer(sdp, xml), "sdp": sdp, "xml": xml}
}

// edgeCases are inputs where a hand-written scanner could easily part ways
// with the regular expressions it replaced.
var edgeCases = []string{
	"To: <ſip:x>\n", "To: <sİp:x>\n", "To: <ſipſ:x>\n", "To: ſsip:x\n", "To: Ksip:x\n", "To: İm:foo\n",
	"Content-Type: İmage/png\n", "Content-Type: meſſage/x\n", "Content-Type: text/\n",
	"Contact: <sip:a>;expİres=3\n", "Contact: <sip:a>;expireſ=3\n", "Contact: x expireſ = 3 ;Q=0.5;qop=auth\n",
	"To: tel:+1-201;phone-context=+1\n", "To: httpſ://x\n", "To: wſſ://x http: mailto:\"\n",
	"Via: SIP/٢.٠/UDP ١٩٢.٠.٢.١;received=١٩٢.٠.٢.١٢٣٤\n",
	"Max-Forwards: 70 ٧٠ 1.2.3 1.2.3.4 1.2.3.4.5 host.ex-ample.com 1.0b a..b\n",
	"SIP/2.0 486\n", "SIP/2.0 4860 x\n", "SIP/2.0 486é\n", "SIP/2.0 486 Busy\v \u00a0\n", "SIP/2.0  200  OK  \r\n",
	"INVITE sip:a SIP/2.0 \r\nX: y\n", "INVITE  sip:a\tSIP/2.0\vx\n", "INVITE sip:a SIP/2.0x\n",
	"A: \"a\\\"b\" \"c\\\n (x\\)y) (a(b) \"open\n",
	"A: Digest realm=1, Basic x, Bearer\tt =1, xDigest a=b, AKAv1-MD5 a = b\n",
	"A: b@[::1] b@c.d b@ <sip:[2001:db8::1]:5060;maddr=[::1];ttl=١;x?h=v&k=\"q\">\n",
	"A: <sip:u@h;lr?>;tag=;x=\"a;q=1.;expires=1.5x;rport\n",
	"Call-ID: a84b@pc33 (c) [x] {y}\n continued\n\tline\nB: 1\n",
	"\nv=0\nINVITE sip:x SIP/2.0\n\n  <?xml version=\"1.0\"?>\n<a b=\"c\"/>\nX: y\n\nplain body\n",
	"v=0\nt=-1d 2h 3ms 4.5 x\no=- 1 2 IN IP4 10.0.0.1/127/2 ::1\nc=IN IP6 2001:db8::1.2.3.4.5.6.7.8.9.10.11 a:b:c:d:e:f:0:1:2\n",
	"m=audio 49170/2 RTP/AVP 0 8 97x telephone-event\nm=\nm=video\tx\na=\na=x:\n",
	"a=fingerprint:sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89\n",
	"a=candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host xIN IN IP4 IP6x\na=fmtp:97 mode=20;a=b=c= x=\nb=AS:64\nk=prompt\n",
	"s=x\r\ni=\r\nq=\rz=1\r\n",
}

// xmlEdgeCases are XML inputs for the corners of chroma's XML rules: every
// kind of markup, closed and not, names with Unicode and odd characters,
// spaces of every sort, and markup broken enough to give Error tokens.
var xmlEdgeCases = []string{
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@b\">\n" +
		"<tuple id='t1'><status><basic>open</basic></status></tuple>\n</presence>\n",
	"<!-- c -- d - --> <!DOCTYPE x [ <!ENTITY a \"b\"> ]> <![CDATA[ <x> ]] ]]> &amp; &#x41; & &a b; &; &a<b;",
	"< a b = \"c\" d='e' f=g/> </ a > < / b > <a b> <a b=\"c></a> <a b=> <a b= >",
	"<a\n b\n=\n\"x\ny\"\n>\n</a\n>", "<? x ?> <?> <?? ?> <!> <! x", "<!-- never closed -", "<![CDATA[ open",
	"<ſ:x ǅ='1' a٣=2 _x.y-z:w=3 ٣=4>", "<a b=\"x\" / > <a/ > <a / > <a /x> <a//>",
	"\u00a0<a\u00a0b=\u2028'x'\u3000>\u0085</a\u2029>", "<a b=\"c\"d=e>f</a>", "<a b='\"'c=\"'\">",
	"<>< <<a <1 <\t\n> </> </ > text & more", "<a b=c\n<d>", "<a\v b\f=\"1\">",
}

// nonEmpty drops the empty tokens that regexp groups produce and that carry
// nothing.
func nonEmpty(tokens []chroma.Token) []chroma.Token {
	return slices.DeleteFunc(tokens, func(t chroma.Token) bool { return t.Value == "" })
}

// compareWithReference fails t if the package's lexer for lang and the
// regexp reference tokenise input differently under options.
//
// The reference is not quite deterministic: chroma gives every regexp2
// match a 250 ms wall-clock timeout and treats a timeout as no match, so on
// a starved machine a rule can silently fail. A difference therefore only
// counts if the reference gives the same tokens three times.
func compareWithReference(t *testing.T, ref map[string]chroma.Lexer, lang string, options *chroma.TokeniseOptions, input string) {
	t.Helper()
	got, err := chroma.Tokenise(lookup(lang), options, input)
	if err != nil {
		t.Fatal(err)
	}
	got = nonEmpty(got)
	var want []chroma.Token
	for try := 0; try < 3; try++ {
		tokens, err := chroma.Tokenise(ref[lang], options, input)
		if err != nil {
			t.Fatal(err)
		}
		if tokens = nonEmpty(tokens); slices.Equal(tokens, got) {
			return
		}
		if try > 0 && !slices.Equal(tokens, want) {
			t.Logf("%s reference on %q is unstable (a match timed out); ignoring it", lang, input)
			return
		}
		want = tokens
	}
	t.Errorf("%s lexer on %q differs from the regexp reference:\n%s", lang, input, lineDiff(dump(want), dump(got)))
}

func TestMatchesRegexpReference(t *testing.T) {
	ref := referenceLexers(t)
	inputs := map[string]string{}
	for path, lang := range sampleInputs(t) {
		inputs[readFile(t, path)] = lang
	}
	for _, in := range edgeCases {
		inputs[in] = "sip"
	}
	for _, in := range xmlEdgeCases {
		inputs[in] = "xml"
		inputs["MESSAGE sip:a SIP/2.0\nContent-Type: application/xml\n\n"+in+"\n"] = "sip"
	}
	for in, lang := range inputs {
		for _, l := range []string{lang, "sdp", "xml"} {
			compareWithReference(t, ref, l, nil, in)
			compareWithReference(t, ref, l, &chroma.TokeniseOptions{State: "root"}, in)
		}
	}
}

// FuzzMatchesRegexpReference compares the hand-written lexers with the
// regexp reference on arbitrary text, with and without CRLF normalisation.
func FuzzMatchesRegexpReference(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.s[id]p"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, in := range edgeCases {
		f.Add(in)
	}
	for _, in := range xmlEdgeCases {
		f.Add(in)
	}
	ref := referenceLexers(f)
	f.Fuzz(func(t *testing.T, input string) {
		for _, lang := range []string{"sip", "sdp", "xml"} {
			compareWithReference(t, ref, lang, nil, input)
			compareWithReference(t, ref, lang, &chroma.TokeniseOptions{State: "root"}, input)
		}
	})
}
