package highlight

import "github.com/alecthomas/chroma/v2"

// Page colours the palette is checked against (see palette_test.go). Light
// code blocks sit on #f6f8fa inside a #ffffff page; dark ones on #161b22
// inside #0d1117. Text colour is the base colour of every code block.
const (
	lightPageBg = "#ffffff"
	lightCodeBg = "#f6f8fa"
	lightText   = "#1f2328"
	darkPageBg  = "#0d1117"
	darkCodeBg  = "#161b22"
	darkText    = "#e6edf3"
)

// tokenStyle is how one token type looks in both colour schemes. Font
// attributes are shared between the schemes on purpose: the dark rules only
// override colours, so they never need to undo a weight or slant.
type tokenStyle struct {
	light, dark     string // foreground, "#rrggbb"; empty inherits the block's text colour
	lightBg, darkBg string // background, only for diff lines; empty means transparent
	bold            bool
	italic          bool
	underline       bool
}

// palette maps token types to styles. A token type absent from the map
// takes the style of its nearest listed ancestor (KeywordDeclaration from
// Keyword, LiteralStringDouble from LiteralString), or the block's text
// colour if none is listed. The colours derive from GitHub's Primer
// palette, and every one meets WCAG AA (4.5:1) against both the code and
// page background of its scheme, which palette_test.go enforces.
//
// It is a function, not a package variable, so callers cannot share and
// mutate one map.
func palette() map[chroma.TokenType]tokenStyle {
	var (
		red    = tokenStyle{light: "#cf222e", dark: "#ff7b72"}
		green  = tokenStyle{light: "#116329", dark: "#7ee787"}
		purple = tokenStyle{light: "#6639ba", dark: "#d2a8ff"}
		blue   = tokenStyle{light: "#0550ae", dark: "#79c0ff"}
		navy   = tokenStyle{light: "#0a3069", dark: "#a5d6ff"}
		orange = tokenStyle{light: "#953800", dark: "#ffa657"}
		grey   = tokenStyle{light: "#59636e", dark: "#8b949e"}
		alarm  = tokenStyle{light: "#a40e26", dark: "#f85149"}
	)
	bold := func(s tokenStyle) tokenStyle { s.bold = true; return s }
	italic := func(s tokenStyle) tokenStyle { s.italic = true; return s }
	underline := func(s tokenStyle) tokenStyle { s.underline = true; return s }

	return map[chroma.TokenType]tokenStyle{
		chroma.Error: underline(alarm),

		chroma.Keyword:         red,
		chroma.KeywordConstant: blue,

		chroma.NameAttribute: orange, // SIP/SDP parameter and attribute names
		chroma.NameBuiltin:   purple, // media types, transports
		chroma.NameClass:     orange,
		chroma.NameConstant:  blue, // hosts and addresses
		chroma.NameDecorator: purple,
		chroma.NameEntity:    orange,
		chroma.NameException: bold(purple), // SIP reason phrase
		chroma.NameFunction:  bold(purple), // SIP method
		chroma.NameLabel:     blue,
		chroma.NameNamespace: red,    // URI scheme
		chroma.NameTag:       green,  // SIP header name, SDP type letter
		chroma.NameVariable:  orange, // URI user part

		chroma.Literal:       navy,
		chroma.LiteralDate:   blue,
		chroma.LiteralString: navy,
		chroma.LiteralNumber: blue,

		chroma.Operator: red,

		chroma.Comment:        italic(grey),
		chroma.CommentPreproc: red,

		chroma.GenericDeleted:    {light: "#82071e", dark: "#ffa198", lightBg: "#ffebe9", darkBg: "#490202"},
		chroma.GenericInserted:   {light: "#116329", dark: "#7ee787", lightBg: "#dafbe1", darkBg: "#033a16"},
		chroma.GenericEmph:       {italic: true},
		chroma.GenericStrong:     {bold: true},
		chroma.GenericUnderline:  {underline: true},
		chroma.GenericHeading:    bold(blue),
		chroma.GenericSubheading: blue,
		chroma.GenericPrompt:     grey,
		chroma.GenericOutput:     grey,
		chroma.GenericError:      alarm,
		chroma.GenericTraceback:  alarm,
	}
}

// resolve returns the style for t: its own entry or its nearest ancestor's.
// ok is false when neither t nor any ancestor is styled.
func resolve(p map[chroma.TokenType]tokenStyle, t chroma.TokenType) (style tokenStyle, ok bool) {
	for {
		if s, found := p[t]; found {
			return s, true
		}
		if t == 0 {
			return tokenStyle{}, false
		}
		t = t.Parent()
	}
}
