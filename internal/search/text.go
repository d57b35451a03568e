package search

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words splits s into lower-case words of letters and digits, the way
// search.js does, so that what the index keeps is what the script finds.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Excerpt returns the start of text, at most limit bytes, cut at a word
// boundary and marked with an ellipsis when cut.
func Excerpt(text string, limit int) string {
	text = strings.Join(strings.Fields(text), " ")
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

// docFreq counts, for every word, how many texts contain it.
func docFreq(texts []string) map[string]int {
	df := map[string]int{}
	for _, t := range texts {
		seen := map[string]bool{}
		for _, w := range Words(t) {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	return df
}

// Distinctive returns up to limit words of text that say most about it: by
// tf-idf over the n texts that df counts, leaving out stop words, numbers,
// words shorter than three letters and the words of known. The words come
// in the order they first appear in text, which keeps a little context for
// the snippet the script shows.
func Distinctive(text string, known map[string]bool, df map[string]int, n, limit int) []string {
	tf := map[string]int{}
	var order []string
	for _, w := range Words(text) {
		if known[w] || stopWords[w] || len(w) < 3 || isNumber(w) {
			continue
		}
		if tf[w] == 0 {
			order = append(order, w)
		}
		tf[w]++
	}
	// Scores are computed once per word, not once per comparison.
	scores := make(map[string]float64, len(order))
	for _, w := range order {
		scores[w] = float64(tf[w]) * math.Log(float64(n+1)/float64(max(df[w], 1)))
	}
	ranked := slices.Clone(order)
	slices.SortStableFunc(ranked, func(a, b string) int {
		sa, sb := scores[a], scores[b]
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return strings.Compare(a, b)
	})
	keep := map[string]bool{}
	for _, w := range ranked[:min(limit, len(ranked))] {
		keep[w] = true
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
