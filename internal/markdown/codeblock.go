package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// codeBlockRenderer hands fenced and indented code blocks to the
// highlighter, with the info string's first word as the language.
type codeBlockRenderer struct {
	h Highlighter
}

func (r *codeBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
	reg.Register(ast.KindCodeBlock, r.render)
}

func (r *codeBlockRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if fc, ok := node.(*ast.FencedCodeBlock); ok {
		lang = string(fc.Language(src))
	}
	var code bytes.Buffer
	lines := node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	if err := r.h.Highlight(w, lang, code.String()); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}
