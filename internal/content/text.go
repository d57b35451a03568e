package content

import (
	"strings"

	"github.com/sipcodes/sipcodes/internal/diag"
)

// Limits on the shape of Markdown. Markdown parsers have inputs whose cost
// grows much faster than their size (deeply nested lists and quotes, very
// wide tables, enormous lines); no real note comes near these numbers.
const (
	MaxLineLength   = 2000
	MaxNesting      = 10
	MaxTableColumns = 20
)

// bidiControls reorder how text is displayed, so that what a reviewer reads
// is not what the page says. They are refused outside code, where a trace
// might legitimately quote them.
var bidiControls = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"

// checkText checks a Markdown body line by line. first is the file's line
// number of the body's first line.
func checkText(body []byte, first int) diag.List {
	var diags diag.List
	fence := ""
	for i, line := range strings.Split(string(body), "\n") {
		n := first + i
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]+" ") == "" {
				fence = ""
			}
			continue
		}
		if f := fenceOpening(trimmed); f != "" {
			fence = f
			continue
		}
		if len(line) > MaxLineLength {
			diags.Addf("", n, MaxLineLength+1, "line is %d bytes long, over the limit of %d outside code blocks", len(line), MaxLineLength)
		}
		if depth := nesting(line); depth > MaxNesting {
			diags.Addf("", n, 1, "lists and quotes nested %d deep, over the limit of %d", depth, MaxNesting)
		}
		if strings.HasPrefix(trimmed, "|") {
			if cols := strings.Count(strings.ReplaceAll(trimmed, `\|`, ""), "|") - 1; cols > MaxTableColumns {
				diags.Addf("", n, 1, "table row has %d columns, over the limit of %d", cols, MaxTableColumns)
			}
		}
		if col := bidiOutsideCode(line); col > 0 {
			diags.Addf("", n, col, "invisible bidirectional control character; it can make text read differently from what it says")
		}
	}
	return diags
}

// fenceOpening returns the fence that opens a code block on this line.
func fenceOpening(line string) string {
	for _, c := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, c) {
			n := len(line) - len(strings.TrimLeft(line, c[:1]))
			return strings.Repeat(c[:1], n)
		}
	}
	return ""
}

// nesting counts the list and quote markers that open a line.
func nesting(line string) int {
	depth := 0
	for s := strings.TrimLeft(line, " \t"); s != ""; s = strings.TrimLeft(s, " \t") {
		switch {
		case s[0] == '>':
			s = s[1:]
		case (s[0] == '-' || s[0] == '*' || s[0] == '+') && (len(s) == 1 || s[1] == ' ' || s[1] == '\t'):
			s = s[1:]
		default:
			return depth
		}
		depth++
	}
	return depth
}

// bidiOutsideCode returns the 1-based column of a bidi control outside an
// inline code span, or 0.
func bidiOutsideCode(line string) int {
	// Every bidi control starts with one of these two bytes in UTF-8; most
	// lines hold neither.
	if strings.IndexByte(line, 0xE2) < 0 && strings.IndexByte(line, 0xD8) < 0 {
		return 0
	}
	inCode := false
	for i, r := range line {
		switch {
		case r == '`':
			inCode = !inCode
		case !inCode && strings.ContainsRune(bidiControls, r):
			return i + 1
		}
	}
	return 0
}

// checkFrontMatterText refuses bidi controls anywhere in front matter.
func checkFrontMatterText(front []byte) diag.List {
	var diags diag.List
	for i, line := range strings.Split(string(front), "\n") {
		if j := strings.IndexAny(line, bidiControls); j >= 0 {
			diags.Addf("", i+2, j+1, "invisible bidirectional control character in front matter")
		}
	}
	return diags
}
