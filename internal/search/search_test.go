package search

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func records() []Record {
	return []Record{{
		Code: "600", Reason: "Busy Everywhere", Class: "6xx Global Failure", Status: "active",
		Summary: "Every device of the callee is busy.", Aliases: []string{"busy", "user busy"},
		Constants: []string{"PJSIP_SC_BUSY_EVERYWHERE"}, ToCauses: []int{17},
		Text: "The callee is busy everywhere, and voicemail will not answer either.", URL: "/600/",
	}, {
		Code: "486", Reason: "Busy Here", Class: "4xx Client Failure", Status: "active",
		Summary: "The callee's device was reached but is busy.", Aliases: []string{"busy", "line busy"},
		Constants:  []string{"StatusBusyHere", "PJSIP_SC_BUSY_HERE", "BusyHere", "BusyHere"},
		FromCauses: []int{17}, ToCauses: []int{17},
		Text: "This is SIP's busy signal. A hunt group or a PBX may try another line; voicemail may still answer. Hunt groups hunt.",
		URL:  "/486/",
	}, {
		Code: "409", Reason: "Conflict", Class: "4xx Client Failure", Status: "historical",
		Summary: "Defined by RFC 2543 only.", URL: "/409/",
	}}
}

func causes() []Cause {
	return []Cause{
		{Cause: 17, Name: "User busy", URL: "/q850/#cause-17"},
		{Cause: 16, Name: "Normal call clearing", URL: "/q850/#cause-16"},
	}
}

// decode reads an index back, the way search.js does.
func decode(t *testing.T, data []byte) index {
	t.Helper()
	var ix index
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ix); err != nil {
		t.Fatalf("the index is not valid JSON: %v\n%s", err, data)
	}
	return ix
}

func TestBuild(t *testing.T) {
	data, err := Build(records(), causes(), Options{ExcerptChars: 40, Terms: 3})
	if err != nil {
		t.Fatal(err)
	}
	ix := decode(t, data)
	if ix.V != Version {
		t.Errorf("version %d, want %d", ix.V, Version)
	}
	var codes []string
	for _, c := range ix.Codes {
		codes = append(codes, c.Code)
	}
	if !slices.Equal(codes, []string{"409", "486", "600"}) {
		t.Errorf("codes %v, want them sorted", codes)
	}
	if ix.Causes[0].Cause != 16 || ix.Causes[1].Cause != 17 {
		t.Errorf("causes %v, want them sorted", ix.Causes)
	}
	c := ix.Codes[1]
	if !slices.Equal(c.Constants, []string{"BusyHere", "PJSIP_SC_BUSY_HERE", "StatusBusyHere"}) {
		t.Errorf("constants %v, want them sorted without duplicates", c.Constants)
	}
	if !slices.Equal(c.Aliases, []string{"busy", "line busy"}) {
		t.Errorf("aliases %v, want the dataset's order", c.Aliases)
	}
	if c.Status != "" || ix.Codes[0].Status != "historical" {
		t.Errorf("status %q and %q: want it only when not active", c.Status, ix.Codes[0].Status)
	}
	if c.Excerpt != "This is SIP's busy signal. A hunt group…" {
		t.Errorf("excerpt %q", c.Excerpt)
	}
	// "hunt" is in the excerpt, "line" an alias and "voicemail" in the
	// other note too. Of the words found in this note alone, the first
	// three by name are kept, in the note's order.
	if c.Terms != "pbx another groups" {
		t.Errorf("terms %q", c.Terms)
	}
	if c.URL != "/486/" || c.Reason != "Busy Here" || c.Class != "4xx Client Failure" || !slices.Equal(c.From, []int{17}) {
		t.Errorf("entry %+v", c)
	}
	if !strings.Contains(ix.Stop, " the ") {
		t.Errorf("stop words %q", ix.Stop)
	}
}

// TestDeterministic builds from the same records in another order and
// expects the same bytes.
func TestDeterministic(t *testing.T) {
	a, err := Build(records(), causes(), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	r := records()
	slices.Reverse(r)
	for i := range r {
		slices.Reverse(r[i].Constants)
	}
	c := causes()
	slices.Reverse(c)
	b, err := Build(r, c, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("the index depends on the input order:\n%s\n%s", a, b)
	}
	if bytes.Contains(a, []byte("\n")) || bytes.Contains(a, []byte(`\u003c`)) {
		t.Errorf("the index is not compact:\n%s", a)
	}
}

func TestBuildErrors(t *testing.T) {
	dup := append(records(), records()[0])
	if _, err := Build(dup, nil, DefaultOptions); err == nil || !strings.Contains(err.Error(), "600 appears twice") {
		t.Errorf("duplicate code: err = %v", err)
	}
	if _, err := Build([]Record{{Code: "486"}}, nil, DefaultOptions); err == nil {
		t.Error("a record without URL was accepted")
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"short  text\n here", 40, "short text here"},
		{"one two three four", 9, "one two…"},
		{"one two, three", 8, "one two…"},
		{"Supercalifragilistic", 5, "Super…"},
		{"été été", 3, "ét…"},
		{"été été", 2, "é…"},
		{"", 10, ""},
	} {
		if got := Excerpt(tc.in, tc.limit); got != tc.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := Words("Call/Transaction Does-Not Exist: SIP_486, “Time-out” été")
	want := []string{"call", "transaction", "does", "not", "exist", "sip", "486", "time", "out", "été"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

// TestWordsAgreesWithFieldsFunc compares the byte scanner with the plain
// definition it replaces, on text that mixes scripts, digits and marks.
func TestWordsAgreesWithFieldsFunc(t *testing.T) {
	reference := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
	}
	for _, s := range []string{
		"", " ", "a", "A1", "İstanbul ÇALL", "e\u0301te", "٣٤٥ digits", "x\xffy", "日本語のテキスト",
		"SIP/2.0 486 Busy Here", "ΣΊΣΥΦΟΣ", "tab\there", "end.", "ﬁne ligature", "\u00a0nbsp\u00a0",
	} {
		if got, want := Words(s), reference(s); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestDistinctive(t *testing.T) {
	notes := []string{
		"glare happens when both sides send a re-INVITE",
		"the proxy rejects the request when both sides disagree",
		"the proxy loops the request",
	}
	counts := make([]termCounts, len(notes))
	df := map[string]int{}
	for i, n := range notes {
		counts[i] = countTerms(n)
		counts[i].countIn(df)
	}
	got := Distinctive(counts[0], map[string]bool{"send": true}, df, len(notes), 3)
	// "both" and "sides" occur in another note, "send" is known, "when" is
	// a stop word: the rare words of this note come first.
	want := []string{"glare", "happens", "invite"}
	if !slices.Equal(got, want) {
		t.Errorf("Distinctive = %q, want %q", got, want)
	}
	if got := Distinctive(countTerms("the 3261 of an a"), nil, df, len(notes), 5); len(got) != 0 {
		t.Errorf("stop words and numbers kept: %q", got)
	}
}

// TestCountsKeptOrNot builds the same index with every note's word counts
// kept between their two uses, and with each note split again, as a large
// site does: the bytes must be the same.
func TestCountsKeptOrNot(t *testing.T) {
	kept, err := Build(records(), nil, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { keepCountsBelow = n }(keepCountsBelow)
	keepCountsBelow = 0
	split, err := Build(records(), nil, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(kept, split) {
		t.Errorf("the index differs:\n%s\n%s", kept, split)
	}
}

// TestCountsChangeNothing builds with remembered word counts, changes one
// note, and builds again: each index must be the one Build makes afresh.
func TestCountsChangeNothing(t *testing.T) {
	opt := DefaultOptions
	opt.Counts = new(Counts)
	r := records()
	for round := range 3 {
		if round == 2 {
			r[1].Text = "Hunt groups hunt again; the PBX tries another line."
		}
		got, err := Build(r, causes(), opt)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(r, causes(), DefaultOptions)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("round %d: with remembered counts\n%s\nafresh\n%s", round, got, want)
		}
	}
	if len(opt.Counts.last) != len(r) {
		t.Errorf("%d texts remembered, want %d", len(opt.Counts.last), len(r))
	}
}
