package search

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Words splits s into lower-case words of letters and digits, the way
// search.js does, so that what the index keeps is what the script finds.
// It is the same as splitting strings.ToLower(s) at every rune that is
// neither a letter nor a digit, without lower-casing all of s: an ASCII
// word that is already lower case is used as it is.
func Words(s string) []string {
	var words []string
	eachWord(s, func(w string) { words = append(words, w) })
	return words
}

// eachWord calls f with each word of s, as Words splits it.
func eachWord(s string, f func(word string)) {
	start, ascii, upper := -1, true, false
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var inWord bool
		if c < utf8.RuneSelf {
			inWord = isASCIIWordByte[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if inWord {
			if start < 0 {
				start, ascii, upper = i, true, false
			}
			ascii = ascii && c < utf8.RuneSelf
			upper = upper || 'A' <= c && c <= 'Z'
		} else if start >= 0 {
			lowerWord(s[start:i], ascii, upper, f)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		lowerWord(s[start:], ascii, upper, f)
	}
}

// lowerWord calls f with the lower case of word. Lower-casing a word with
// runes outside ASCII can yield a rune that is not a letter ("İ" gives "i"
// and a combining dot), so such a word is split again as a whole.
func lowerWord(word string, ascii, upper bool, f func(string)) {
	switch {
	case ascii && !upper:
		f(word)
	case ascii:
		f(strings.ToLower(word))
	default:
		for w := range strings.FieldsFuncSeq(strings.ToLower(word), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			f(w)
		}
	}
}

// isASCIIWordByte marks the ASCII letters and digits.
var isASCIIWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// Excerpt returns the start of text, at most limit bytes, cut at a word
// boundary and marked with an ellipsis when cut.
func Excerpt(text string, limit int) string {
	// Only the start of the text, with its runs of space made single, is
	// needed: words are taken until there are more than limit bytes.
	var b strings.Builder
	for w := range strings.FieldsSeq(text) {
		if b.Len() > limit {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	text = b.String()
	if len(text) <= limit {
		return text
	}
	cut := strings.LastIndexByte(text[:limit+1], ' ')
	if cut <= 0 {
		// One long word: cut it on a rune boundary.
		cut = limit
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:.(") + "…"
}

// termCounts counts how often each word occurs in text, and lists the
// words in the order they first appear.
type termCounts struct {
	tf    map[string]int
	order []string
}

func countTerms(text string) termCounts {
	// About one distinct word in every 25 bytes of a real note.
	t := termCounts{tf: make(map[string]int, len(text)/25)}
	t.add(text)
	return t
}

func (t *termCounts) add(text string) {
	eachWord(text, func(w string) {
		n := t.tf[w]
		if n == 0 {
			t.order = append(t.order, w)
		}
		t.tf[w] = n + 1
	})
}

// scratchCounts are counts to reuse: a large site counts each note's words
// twice without keeping them (see Build), and a new map for each note was
// a tenth of all that a build of 10,000 pages allocated.
var scratchCounts = sync.Pool{New: func() any { return &termCounts{tf: map[string]int{}} }}

// withTermCounts calls f with the counts of text, in counts that are
// reused once f returns; f must not keep them.
func withTermCounts(text string, f func(termCounts)) {
	t := scratchCounts.Get().(*termCounts)
	defer scratchCounts.Put(t)
	clear(t.tf)
	clear(t.order) // let go of the last text's words
	t.order = t.order[:0]
	t.add(text)
	f(*t)
}

// countIn adds one to the document frequency in df of each word of t.
func (t termCounts) countIn(df map[string]int) {
	for _, w := range t.order {
		df[w]++
	}
}

// Distinctive returns up to limit words of text that say most about it: by
// tf-idf over the n texts that df counts, leaving out stop words, numbers,
// words shorter than three letters and the words of known. The words come
// in the order they first appear in text, which keeps a little context for
// the snippet the script shows.
func Distinctive(text termCounts, known map[string]bool, df map[string]int, n, limit int) []string {
	if limit <= 0 {
		return nil
	}
	var order []string
	for _, w := range text.order {
		if !known[w] && !stopWords[w] && len(w) >= 3 && !isNumber(w) {
			order = append(order, w)
		}
	}
	// Only the best limit words are needed: they are kept in order of
	// score, ties broken by the word, while the others are passed over.
	type scored struct {
		word  string
		score float64
	}
	better := func(a, b scored) bool {
		return a.score > b.score || a.score == b.score && a.word < b.word
	}
	best := make([]scored, 0, limit+1)
	for _, w := range order {
		c := scored{w, float64(text.tf[w]) * math.Log(float64(n+1)/float64(max(df[w], 1)))}
		if len(best) == limit && !better(c, best[len(best)-1]) {
			continue
		}
		i := len(best)
		for i > 0 && better(c, best[i-1]) {
			i--
		}
		best = slices.Insert(best, i, c)
		if len(best) > limit {
			best = best[:limit]
		}
	}
	keep := make(map[string]bool, len(best))
	for _, c := range best {
		keep[c.word] = true
	}
	var out []string
	for _, w := range order {
		if keep[w] {
			out = append(out, w)
		}
	}
	return out
}

func isNumber(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// stopWords are English words too common to tell one note from another.
var stopWords = setOf(`a about above after again against all also an and any are as at be
because been before being below between both but by can could did do does doing done down
during each either else even ever every few for from further had has have having he her here
hers him his how however i if in into is it its itself just least less like made make many
may me might more most much must my neither never no nor not now of off often on once one
only or other others otherwise our out over own per rather same shall she should since so
some such than that the their theirs them then there these they this those though through
thus to too under until up upon us use used uses using very via was we were what when where
whether which while who whom whose why will with within without would yet you your`)

// stopList is stopWords sorted, space-separated.
func stopList() string {
	list := make([]string, 0, len(stopWords))
	for w := range stopWords {
		list = append(list, w)
	}
	slices.Sort(list)
	return strings.Join(list, " ")
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
