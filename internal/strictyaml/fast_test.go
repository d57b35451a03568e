package strictyaml

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// sameTree reports where a and b differ in what a node tree says: kinds,
// tags, values, styles, positions and children.
func sameTree(a, b *yaml.Node, at string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: fast kind %d tag %s value %q style %d at %d:%d with %d children; library kind %d tag %s value %q style %d at %d:%d with %d children",
			at, a.Kind, a.Tag, a.Value, a.Style, a.Line, a.Column, len(a.Content),
			b.Kind, b.Tag, b.Value, b.Style, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFast holds parseFast to the library: when it takes a text, the
// library must take it too and give the same tree.
func checkFast(t *testing.T, src []byte) (took bool) {
	t.Helper()
	fast, ok := parseFast(src)
	if !ok {
		return false
	}
	var lib yaml.Node
	if err := yaml.Unmarshal(src, &lib); err != nil {
		t.Fatalf("parseFast took a text the library refuses (%v):\n%s", err, src)
	}
	if err := sameTree(fast, &lib, "doc"); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return true
}

// realYAML is every YAML text of the real content: the data files and each
// note's front matter.
func realYAML(t testing.TB) map[string][]byte {
	texts := map[string][]byte{}
	for _, name := range []string{"codes.yaml", "stacks.yaml", "q850.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../content", name))
		if err != nil {
			t.Fatal(err)
		}
		texts[name] = data
	}
	notes, _ := filepath.Glob("../../content/codes/*.md")
	for _, name := range notes {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		parts := bytes.SplitN(data, []byte("---\n"), 3)
		if len(parts) != 3 {
			t.Fatalf("%s: no front matter", name)
		}
		texts[filepath.Base(name)] = parts[1]
	}
	return texts
}

// TestFastTakesRealContent checks that every YAML text of the real content
// takes the fast path and parses as the library parses it.
func TestFastTakesRealContent(t *testing.T) {
	for name, src := range realYAML(t) {
		if !checkFast(t, src) {
			t.Errorf("%s does not take the fast path", name)
		}
	}
}

// TestReusedParserParsesAlike parses every YAML text of the real content,
// the largest first, with one reused parser, whose slabs then hold the
// nodes of the texts before: each tree must be the one a new parser makes,
// and a failed parse must leave nothing behind either.
func TestReusedParserParsesAlike(t *testing.T) {
	texts := realYAML(t)
	names := slices.SortedFunc(maps.Keys(texts), func(a, b string) int {
		return cmp.Or(len(texts[b])-len(texts[a]), strings.Compare(a, b))
	})
	p := new(fastParser)
	for _, name := range names {
		for _, src := range [][]byte{texts[name], []byte("broken: [\n")} {
			want, wantOK := new(fastParser).parse(src)
			got, ok := p.parse(src)
			if ok != wantOK {
				t.Fatalf("%s: reused parser ok = %v, new parser %v", name, ok, wantOK)
			}
			if ok {
				if err := sameTree(got, want, name); err != nil {
					t.Fatalf("reused parser: %v", err)
				}
			}
			p.reset()
		}
	}
	if len(p.spare) > maxSpare {
		t.Errorf("the parser keeps %d slabs, more than %d", len(p.spare), maxSpare)
	}
}

// TestFastCases pins texts the fast path takes, and texts it must leave to
// the library because their meaning is not what it looks like, or because
// they are wrong.
func TestFastCases(t *testing.T) {
	take := []string{
		"code: 486\n",
		"# comment\n\ncode: 486 # trailing\nname: Busy Here\n",
		"requests: [INVITE, 'BYE', \"ACK\"]\nempty: []\n",
		"list:\n- a\n- b\nnext: 1\n",
		"list:\n  - name: x\n    why: y\n  - 600 claims that\n",
		"a: 'it''s'\nb: \"q\"   # c\nc: C# and F#\nd: (see below)\ne: 4xx Client Failure\nf: 0\n",
		"nested:\n  deeper:\n    deepest: [1, 2]\n",
		"k: ünïcödé\nl: [é, ü]\n",
		"usage: if (x == {name}) { return; }\n",
		"section: 21.4.24\nip: 192.0.2.1\n",
	}
	for _, src := range take {
		if !checkFast(t, []byte(src)) {
			t.Errorf("the fast path does not take:\n%s", src)
		}
	}
	leave := []string{
		"",
		"# only a comment\n",
		"a: true\n", "a: null\n", "a: ~\n", "a: 1.5\n", "a: 1e5\n", "a: 0x1F\n", "a: 012\n",
		"a: 2001-12-14\n", "a: 2001-12-14 21:59:43.10\n", "a: -5\n", "a: .inf\n",
		"a: 99999999999999999999\n",
		"a: \"esc\\n\"\n",
		"a: 'open\n  quote'\n",
		"a: plain\n  continued\n",
		"a:\n",
		"a: &x 1\nb: *x\n",
		"a: !!str 1\n",
		"a: |\n  block\n",
		"a: >\n  folded\n",
		"a: {b: 1}\n",
		"a: [b, [c]]\n",
		"a: [b,\n  c]\n",
		"a: b: c\n",
		"a: b:\n",
		"a:b\n",
		"- a\nb: 1\n",
		"a: 1\n b: 2\n",
		"? a\n: b\n",
		"---\na: 1\n",
		"a: 1\n...\n",
		"%YAML 1.2\n---\na: 1\n",
		"a:\t1\n",
		"a: 1\r\n",
		"\ufeffa: 1\n",
		"a: x\u2028b\n",
		"a: \xff\n",
		"-\n",
		"- \n",
		"-  a\n",
		"a: \"x\"y\n",
		"a: 'x'#c\n",
		"a: 3xx\n",
		"a: 1.5e3\n", "a: 1_0.5\n", "a: 21.4\n",
	}
	for _, src := range leave {
		if _, ok := parseFast([]byte(src)); ok {
			t.Errorf("the fast path takes, but should leave to the library:\n%q", src)
		}
	}
}

// FuzzParseFast compares the fast path with the library on any text.
func FuzzParseFast(f *testing.F) {
	for _, src := range realYAML(f) {
		f.Add(src)
	}
	for _, src := range []string{"a: [b, 'c''d', \"e\"]\n", "l:\n- k: v\n  m: 1\n- x\n", "a: 12 monkeys\nb: 2x\n"} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 || strings.Count(string(src), "\n") > 2000 {
			return
		}
		checkFast(t, src)
	})
}

// BenchmarkParse parses every YAML text of the real content into nodes,
// with the fast path and with the library.
func BenchmarkParse(b *testing.B) {
	texts := realYAML(b)
	size := 0
	for _, src := range texts {
		size += len(src)
	}
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, src := range texts {
				if _, ok := parseFast(src); !ok {
					b.Fatal("not on the fast path")
				}
			}
		}
	})
	b.Run("library", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, src := range texts {
				var n yaml.Node
				if err := yaml.Unmarshal(src, &n); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
