package strictyaml

import (
	"strings"
	"testing"
)

type item struct {
	At   Where  `yaml:"-"`
	Name string `yaml:"name"`
	N    int    `yaml:"n"`
	On   bool   `yaml:"on"`
}

type doc struct {
	Items []item `yaml:"items"`
	Title string `yaml:"title"`
	Extra *item  `yaml:"extra"`
}

func TestDecode(t *testing.T) {
	var d doc
	diags := Decode([]byte("title: Hello\nitems:\n  - name: a\n    n: 3\n    on: true\n"), &d)
	if diags != nil {
		t.Fatalf("Decode: %v", diags)
	}
	if d.Title != "Hello" || len(d.Items) != 1 || d.Items[0].N != 3 || !d.Items[0].On {
		t.Errorf("decoded %+v", d)
	}
	if got := d.Items[0].At.Of("n"); got != (Pos{4, 8}) {
		t.Errorf("position of n = %v, want 4:8", got)
	}
}

// TestDecodeOptionalSection checks a pointer field: nil when the key is
// absent or empty, decoded with its positions when given.
func TestDecodeOptionalSection(t *testing.T) {
	for in, want := range map[string]*item{
		"title: a\n":                    nil,
		"extra:\n":                      nil,
		"extra: ~\n":                    nil,
		"title: a\nextra:\n  name: b\n": {Name: "b"},
		"extra: {n: 2, on: false}\n":    {N: 2},
	} {
		var d doc
		if diags := Decode([]byte(in), &d); diags != nil {
			t.Errorf("Decode(%q): %v", in, diags)
			continue
		}
		if (d.Extra == nil) != (want == nil) || d.Extra != nil && (d.Extra.Name != want.Name || d.Extra.N != want.N || d.Extra.On != want.On) {
			t.Errorf("Decode(%q): extra = %+v, want %+v", in, d.Extra, want)
		}
	}
	var d doc
	if diags := Decode([]byte("title: a\nextra:\n  name: b\n  n: 4\n"), &d); diags != nil || d.Extra.At.Of("n") != (Pos{4, 6}) {
		t.Errorf("extra = %+v, %v; want n at 4:6", d.Extra, diags)
	}
}

func TestDecodeRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"unknown key", "titel: x\n", `1:1: unknown key "titel"; did you mean "title"?`},
		{"unknown key far from any", "zzzzzzzz: x\n", `1:1: unknown key "zzzzzzzz" (known keys: [items title extra])`},
		{"string for int", "items:\n  - n: three\n", `2:8: want a whole number, got "three"`},
		{"int for string", "title: 42\n", `1:8: want a string, got a number "42"; quote it`},
		{"list for string", "title: [a]\n", `1:8: want a string, got a list`},
		{"mapping for list", "items: {a: 1}\n", `1:8: want a list, got a mapping`},
		{"bool spelled yes", "items:\n  - on: yes\n", `2:9: want true or false, got "yes"`},
		{"anchor", "title: &a x\n", `1:8: anchors (&a) are not allowed`},
		{"alias", "items:\n  - &x {name: a}\n  - *x\n", `anchors (&x) are not allowed`},
		{"merge key", "items:\n  - <<: {name: a}\n", `2:5: merge keys (<<) are not allowed`},
		{"duplicate key", "title: a\ntitle: b\n", `title`},
		{"syntax", "title: [\n", `YAML syntax`},
		{"float for int", "items:\n  - n: 1.5\n", `want a whole number, got "1.5"`},
		{"string for section", "extra: x\n", `1:8: want a mapping of keys to values, got a string`},
		{"unknown key in section", "extra:\n  nmae: x\n", `2:3: unknown key "nmae"; did you mean "name"?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			diags := Decode([]byte(tc.in), &d)
			if diags == nil {
				t.Fatalf("Decode(%q) accepted it", tc.in)
			}
			if !strings.Contains(diags.Error(), tc.want) {
				t.Errorf("Decode(%q) = %q, want it to contain %q", tc.in, diags.Error(), tc.want)
			}
		})
	}
}

func TestDecodeDepthLimit(t *testing.T) {
	type deep struct {
		Items [][][][][][][][][][][][][][][][][][][]string `yaml:"items"`
	}
	in := "items: " + strings.Repeat("[", 19) + strings.Repeat("]", 19) + "\n"
	var d deep
	if diags := Decode([]byte(in), &d); diags == nil || !strings.Contains(diags.Error(), "nesting deeper") {
		t.Errorf("Decode of 19 levels = %v, want a nesting error", diags)
	}
}

func TestAliasBombIsRefusedQuickly(t *testing.T) {
	var b strings.Builder
	// Thirty levels of ten aliases each would expand to 10^30 strings.
	b.WriteString("items:\n  - &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 30; i++ {
		b.WriteString("  - &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	var d doc
	diags := Decode([]byte(b.String()), &d)
	if diags == nil || !strings.Contains(diags.Error(), "anchors (&a0) are not allowed") {
		t.Fatalf("alias bomb: got %v, want anchors refused", diags)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"reason", "reason", 0}, {"reson", "reason", 1}, {"sumary", "summary", 1}, {"", "abc", 3}, {"abc", "", 3}} {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
