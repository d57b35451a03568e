// Package search builds the index that the site's search box loads: one
// compact JSON document listing what each code page can be found by. The
// index is a pure function of its input, so the same site always gives the
// same bytes (and the same fingerprinted file name).
package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/sipcodes/sipcodes/internal/par"
)

// Record is one code page as search sees it.
type Record struct {
	Code       string // "486"
	Reason     string
	Class      string // "4xx Client Failure"
	Status     string // "active", "deprecated" or "historical"
	Summary    string
	Aliases    []string // the words people search for, most useful first
	Constants  []string // names SIP stacks give the code
	FromCauses []int    // Q.850 causes a gateway turns into this code
	ToCauses   []int    // Q.850 causes this code turns into
	Text       string   // the note, as plain text
	URL        string
}

// Cause is a Q.850 cause value; it is found by number and name.
type Cause struct {
	Cause int
	Name  string
	URL   string
}

// Options bound how much of each note the index keeps. The notes are much
// larger than everything else together, so these decide the index size.
type Options struct {
	// ExcerptChars is how much of the start of a note is kept verbatim,
	// cut at a word boundary; it gives search results a readable snippet.
	ExcerptChars int
	// Terms is how many distinctive words of the rest of a note are kept,
	// chosen by how rare they are in the other notes.
	Terms int
	// Counts, when set, keeps the word counts of each note from one Build
	// to the next, for the live preview, which builds the index again
	// after one note changed. It changes the time a build takes, not the
	// index.
	Counts *Counts
}

// Counts remembers the word counts of the notes of the last Build that
// used it, by their text.
type Counts struct {
	mu   sync.Mutex
	last map[string]termCounts
}

// count returns the word counts of text, from the last build when it had
// the same text.
func (c *Counts) count(text string) termCounts {
	if c == nil {
		return countTerms(text)
	}
	c.mu.Lock()
	t, ok := c.last[text]
	c.mu.Unlock()
	if !ok {
		t = countTerms(text)
	}
	return t
}

// keep makes texts and their counts those of the last build.
func (c *Counts) keep(codes []Record, counts []termCounts) {
	if c == nil {
		return
	}
	last := make(map[string]termCounts, len(codes))
	for i, r := range codes {
		last[r.Text] = counts[i]
	}
	c.mu.Lock()
	c.last = last
	c.mu.Unlock()
}

// DefaultOptions keeps the real site's index far below 25 KB gzipped.
var DefaultOptions = Options{ExcerptChars: 140, Terms: 16}

// Version changes whenever the script must read the index differently.
const Version = 1

// index is the JSON document. Keys are one letter because the file is
// downloaded by every reader who searches; search.js documents them too.
type index struct {
	V      int         `json:"v"`
	Codes  []codeEntry `json:"codes"`
	Causes []causeEnt  `json:"causes"`
	// Stop lists, space-separated, the words the script leaves out of
	// prose, so that "the" does not match every note.
	Stop string `json:"stop"`
}

type codeEntry struct {
	Code      string   `json:"c"`
	Reason    string   `json:"r"`
	Class     string   `json:"k"`
	Status    string   `json:"s,omitempty"` // omitted when active
	URL       string   `json:"u"`
	Summary   string   `json:"m,omitempty"`
	Aliases   []string `json:"a,omitempty"`
	Constants []string `json:"n,omitempty"`
	From      []int    `json:"f,omitempty"`
	To        []int    `json:"t,omitempty"`
	Excerpt   string   `json:"x,omitempty"`
	Terms     string   `json:"w,omitempty"` // space-separated
}

type causeEnt struct {
	Cause int    `json:"q"`
	Name  string `json:"r"`
	URL   string `json:"u"`
}

// Build returns the index of codes and causes as compact JSON. Codes and
// causes are sorted, constants and causes deduplicated; aliases keep their
// order, which the dataset chooses.
func Build(codes []Record, causes []Cause, opt Options) ([]byte, error) {
	codes = slices.Clone(codes)
	slices.SortFunc(codes, func(a, b Record) int { return strings.Compare(a.Code, b.Code) })
	for i := 1; i < len(codes); i++ {
		if codes[i].Code == codes[i-1].Code {
			return nil, fmt.Errorf("search: code %s appears twice", codes[i].Code)
		}
	}
	// The notes are split into words on every processor, to count in how
	// many notes each word occurs and then to pick each note's terms. The
	// counts of every note are kept in between unless the notes are large
	// together: a site of thousands of notes splits each twice rather than
	// hold hundreds of megabytes of counts.
	keep := textBytes(codes) <= keepCountsBelow || opt.Counts != nil
	var kept []termCounts
	if keep {
		kept = make([]termCounts, len(codes))
	}
	var mu sync.Mutex
	df := map[string]int{}
	par.For(len(codes), func(i int) {
		countIn := func(t termCounts) {
			mu.Lock()
			defer mu.Unlock()
			t.countIn(df)
		}
		if !keep {
			withTermCounts(codes[i].Text, countIn)
			return
		}
		kept[i] = opt.Counts.count(codes[i].Text)
		countIn(kept[i])
	})
	ix := index{V: Version, Codes: make([]codeEntry, 0, len(codes)), Causes: make([]causeEnt, 0, len(causes)), Stop: stopList()}
	for _, r := range codes {
		if r.Code == "" || r.URL == "" {
			return nil, fmt.Errorf("search: record %q has no code or URL", r.Code)
		}
		e := codeEntry{
			Code: r.Code, Reason: r.Reason, Class: r.Class, URL: r.URL,
			Summary: r.Summary, Aliases: r.Aliases,
			Constants: sortedUnique(r.Constants), From: sortedUnique(r.FromCauses), To: sortedUnique(r.ToCauses),
		}
		if r.Status != "active" {
			e.Status = r.Status
		}
		ix.Codes = append(ix.Codes, e)
	}
	par.For(len(codes), func(i int) {
		fields := func(t termCounts) {
			ix.Codes[i].Excerpt, ix.Codes[i].Terms = noteFields(codes[i], t, df, len(codes), opt)
		}
		if !keep {
			withTermCounts(codes[i].Text, fields)
			return
		}
		fields(kept[i])
	})
	opt.Counts.keep(codes, kept)
	for _, c := range causes {
		ix.Causes = append(ix.Causes, causeEnt{Cause: c.Cause, Name: c.Name, URL: c.URL})
	}
	slices.SortStableFunc(ix.Causes, func(a, b causeEnt) int { return a.Cause - b.Cause })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ix); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// keepCountsBelow is the size of all notes' text up to which their word
// counts are kept between the two uses (about 20 times as much memory).
var keepCountsBelow = 8 << 20

func textBytes(codes []Record) int {
	n := 0
	for _, r := range codes {
		n += len(r.Text)
	}
	return n
}

// noteFields splits a note into the excerpt kept verbatim and the
// distinctive words of the rest that the record does not already contain.
func noteFields(r Record, note termCounts, df map[string]int, n int, opt Options) (excerpt, terms string) {
	excerpt = Excerpt(r.Text, opt.ExcerptChars)
	known := map[string]bool{}
	for _, s := range append([]string{r.Reason, r.Summary, excerpt}, r.Aliases...) {
		for _, w := range Words(s) {
			known[w] = true
		}
	}
	return excerpt, strings.Join(Distinctive(note, known, df, n, opt.Terms), " ")
}

func sortedUnique[T string | int](s []T) []T {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}
