package search

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"testing"
)

// TestNameFollowsEveryInput changes each thing Build reads, one at a time,
// and checks that the name changes with it: two builds whose indexes
// differ must never share a name, or a cached index would be stale.
func TestNameFollowsEveryInput(t *testing.T) {
	base := Name(records(), causes(), DefaultOptions)
	if !regexp.MustCompile(`^search\.[0-9a-f]{8}\.json$`).MatchString(base) {
		t.Fatalf("Name = %q, want search.<8 hex digits>.json", base)
	}
	if again := Name(records(), causes(), DefaultOptions); again != base {
		t.Errorf("the same input is named %s, then %s", base, again)
	}
	type input struct {
		r []Record
		c []Cause
		o Options
	}
	changes := map[string]func(in *input){
		"code":          func(in *input) { in.r[0].Code = "601" },
		"reason":        func(in *input) { in.r[0].Reason += "!" },
		"class":         func(in *input) { in.r[1].Class = "4xx" },
		"status":        func(in *input) { in.r[1].Status = "deprecated" },
		"summary":       func(in *input) { in.r[2].Summary = "" },
		"alias":         func(in *input) { in.r[0].Aliases[1] = "busy user" },
		"alias order":   func(in *input) { slices.Reverse(in.r[0].Aliases) },
		"constant":      func(in *input) { in.r[0].Constants = nil },
		"from cause":    func(in *input) { in.r[1].FromCauses = []int{18} },
		"to cause":      func(in *input) { in.r[1].ToCauses = append(in.r[1].ToCauses, 21) },
		"text":          func(in *input) { in.r[1].Text += " More." },
		"url":           func(in *input) { in.r[2].URL = "/409/#x" },
		"one code less": func(in *input) { in.r = in.r[:2] },
		"cause number":  func(in *input) { in.c[0].Cause = 21 },
		"cause name":    func(in *input) { in.c[1].Name = "Normal" },
		"cause url":     func(in *input) { in.c[1].URL = "/q850/" },
		"no causes":     func(in *input) { in.c = nil },
		"excerpt":       func(in *input) { in.o.ExcerptChars = 80 },
		"terms":         func(in *input) { in.o.Terms = 8 },
		// The same characters split differently between two values.
		"split moved": func(in *input) {
			r := &in.r[0]
			r.Reason, r.Class = r.Reason+r.Class[:1], r.Class[1:]
		},
	}
	for what, change := range changes {
		in := input{records(), causes(), DefaultOptions}
		change(&in)
		if got := Name(in.r, in.c, in.o); got == base {
			t.Errorf("changing the %s keeps the name %s", what, got)
		}
	}
}

// indexedWith pins, for each builderVersion, a hash of the index Build
// writes for the test records. The name covers Build's input and the
// version, so when the code writes different bytes for the same input the
// version must change too, or browsers would keep an index of the old kind
// under a name they already hold.
var indexedWith = map[int]string{
	1: "6419a35abb036273a2898b87c3ecac0d7786d2ba5653096c12e1be54592223b8",
}

func TestBuilderIsVersioned(t *testing.T) {
	data, err := Build(records(), causes(), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != indexedWith[builderVersion] {
		t.Errorf("Build writes different bytes from builderVersion %d (%s): bump builderVersion and record the hash", builderVersion, got)
	}
}
