package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// codeLanguage is one of the C-family languages the SIP stacks in the
// dataset are written in. The site shows them in one-line usage examples
// ("if (code == PJSIP_SC_BUSY_HERE)"), and a contributor may show a few
// lines in a note. For that, the languages differ only in their keywords,
// their constants and their quotes; one scanner serves them all, and the
// same construct gets the same colour whatever the stack.
type codeLanguage struct {
	name    string
	aliases []string
	// keywords and constants are space-separated words.
	keywords, constants string
	// quotes open strings with backslash escapes; raw opens a string that
	// has none (Go's back-quoted strings), or is 0.
	quotes string
	raw    byte
	// dollar is whether "$" may be part of a name; preproc is whether a
	// line starting with "#" is a preprocessor directive.
	dollar, preproc bool
}

// codeLanguages are the languages of the stacks: C (PJSIP, Sofia-SIP), Go,
// Java (JAIN SIP), C# (SIPSorcery) and JavaScript (JsSIP, SIP.js).
var codeLanguages = []codeLanguage{
	{
		name: "C", aliases: []string{"c", "h"},
		keywords: "auto break case char const continue default do double else enum extern float for goto if " +
			"inline int long register restrict return short signed sizeof static struct switch typedef union " +
			"unsigned void volatile while",
		constants: "NULL true false",
		quotes:    `"'`, preproc: true,
	},
	{
		name: "Go", aliases: []string{"go", "golang"},
		keywords: "break case chan const continue default defer else fallthrough for func go goto if import " +
			"interface map package range return select struct switch type var",
		constants: "true false nil iota",
		quotes:    `"'`, raw: '`',
	},
	{
		name: "Java", aliases: []string{"java"},
		keywords: "abstract assert boolean break byte case catch char class const continue default do double " +
			"else enum extends final finally float for goto if implements import instanceof int interface long " +
			"native new package private protected public return short static strictfp super switch " +
			"synchronized this throw throws transient try var void volatile while",
		constants: "true false null",
		quotes:    `"'`, dollar: true,
	},
	{
		name: "C#", aliases: []string{"csharp", "c#", "cs"},
		keywords: "abstract as async await base bool break byte case catch char checked class const continue " +
			"decimal default delegate do double else enum event explicit extern finally fixed float for foreach " +
			"goto if implicit in int interface internal is lock long namespace new object operator out override " +
			"params private protected public readonly ref return sbyte sealed short sizeof stackalloc static " +
			"string struct switch this throw try typeof uint ulong unchecked unsafe ushort using var virtual " +
			"void volatile while",
		constants: "true false null",
		quotes:    `"'`, preproc: true,
	},
	{
		name: "JavaScript", aliases: []string{"javascript", "js"},
		keywords: "async await break case catch class const continue debugger default delete do else export " +
			"extends finally for function if import in instanceof let new of return super switch this throw " +
			"try typeof var void while with yield",
		constants: "true false null undefined NaN Infinity",
		quotes:    "\"'`", dollar: true,
	},
}

// newCodeLexer builds the lexer for one of the codeLanguages.
func newCodeLexer(lang codeLanguage) chroma.Lexer {
	words := map[string]chroma.TokenType{}
	for _, w := range strings.Fields(lang.keywords) {
		words[w] = chroma.Keyword
	}
	for _, w := range strings.Fields(lang.constants) {
		words[w] = chroma.KeywordConstant
	}
	return &handLexer{
		config: &chroma.Config{Name: lang.name, Aliases: lang.aliases},
		scan: func(_ *handLexer, text string, out []chroma.Token) []chroma.Token {
			z := codeScanner{tokens: tokens{src: text, out: out}, lang: &lang, words: words}
			for z.pos < len(z.src) {
				z.next()
			}
			return z.out
		},
	}
}

// codeScanner lexes C-family code token by token. Every character belongs
// to some token, and none is an Error: a usage example is code the site
// shows, not code it checks.
type codeScanner struct {
	tokens
	lang  *codeLanguage
	words map[string]chroma.TokenType
}

// operatorChars may make up an operator; a run of them is one token ("==",
// "->", "&&", "!==").
const operatorChars = "+-*/%=!<>&|^~?:"

func (z *codeScanner) next() {
	s, i := z.src, z.pos
	c := s[i]
	switch {
	case strings.HasPrefix(s[i:], "//"):
		z.emit(chroma.CommentSingle, span(s, i, isNotNewline))
	case strings.HasPrefix(s[i:], "/*"):
		end := strings.Index(s[i+2:], "*/")
		if end < 0 {
			z.emit(chroma.CommentMultiline, len(s))
			return
		}
		z.emit(chroma.CommentMultiline, i+2+end+2)
	case c == '#' && z.lang.preproc && z.atLineStart():
		z.emit(chroma.CommentPreproc, span(s, i, isNotNewline))
	case c == z.lang.raw && c != 0:
		end := strings.IndexByte(s[i+1:], c)
		if end < 0 {
			z.emit(chroma.LiteralString, len(s))
			return
		}
		z.emit(chroma.LiteralString, i+1+end+1)
	case strings.IndexByte(z.lang.quotes, c) >= 0:
		z.emit(chroma.LiteralString, literalEnd(s, i))
	case '0' <= c && c <= '9' || c == '.' && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9':
		// Digits, then whatever letters, digits, "_" and "." follow: hex,
		// exponents, suffixes and separators alike ("0x1F", "1e5", "2.5f").
		z.emit(chroma.LiteralNumber, span(s, i+1, func(r rune) bool { return isAlnum(r) || r == '_' || r == '.' }))
	case strings.IndexByte(operatorChars, c) >= 0:
		end := i + 1
		for end < len(s) && strings.IndexByte(operatorChars, s[end]) >= 0 && !isCommentStart(s, end) {
			end++
		}
		z.emit(chroma.Operator, end)
	case strings.IndexByte("()[]{}.,;", c) >= 0:
		z.emit(chroma.Punctuation, i+1)
	default:
		if end := span1(s, i, isSpace); end >= 0 {
			z.emit(chroma.Text, end)
			return
		}
		if end := z.nameEnd(i); end >= 0 {
			z.emit(z.nameType(s[i:end], end), end)
			return
		}
		z.emitRune(chroma.Text)
	}
}

// atLineStart reports whether only blanks come before pos on its line.
func (z *codeScanner) atLineStart() bool {
	line := strings.LastIndexByte(z.src[:z.pos], '\n') + 1
	return strings.TrimLeft(z.src[line:z.pos], " \t") == ""
}

// nameEnd returns the end of the name that starts at s[i], or -1 if none
// does: a letter, "_" (or "$" where the language allows it), then those
// and digits.
func (z *codeScanner) nameEnd(i int) int {
	if r, _ := runeAt(z.src, i); isDigit(r) || !isWord(r) && !(r == '$' && z.lang.dollar) {
		return -1
	}
	return span(z.src, i, func(r rune) bool { return isWord(r) || r == '$' && z.lang.dollar })
}

// nameType is the token type of a name: a keyword, a constant, a function
// when a call's "(" follows it, or else a plain name.
func (z *codeScanner) nameType(name string, end int) chroma.TokenType {
	if t, ok := z.words[name]; ok {
		return t
	}
	if isByte(z.src, span(z.src, end, isBlank), '(') {
		return chroma.NameFunction
	}
	return chroma.Name
}

// literalEnd returns the end of the string or character literal whose quote
// is at s[i]: just past the closing quote, skipping escaped characters, or
// the end of the line when the literal is not closed on it.
func literalEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case q:
			return j + 1
		case '\\':
			if j+1 < len(s) && s[j+1] != '\n' {
				j++
			}
		case '\n':
			if q != '`' { // a JavaScript template may span lines
				return j
			}
		}
	}
	return len(s)
}

// isCommentStart reports whether a comment starts at s[i].
func isCommentStart(s string, i int) bool {
	return strings.HasPrefix(s[i:], "//") || strings.HasPrefix(s[i:], "/*")
}
