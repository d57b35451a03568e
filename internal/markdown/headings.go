package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// ids generates heading IDs from heading text, lowercase words joined by
// hyphens, unique within the page and never equal to an ID the page's
// template uses itself.
type ids struct {
	used map[string]bool
}

func newIDs(reserved []string) *ids {
	i := &ids{used: map[string]bool{}}
	for _, r := range reserved {
		i.used[r] = true
	}
	return i
}

func (i *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for n := 2; i.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	i.used[id] = true
	return []byte(id)
}

func (i *ids) Put(value []byte) { i.used[string(value)] = true }

// Slug lowercases ASCII letters and digits and joins runs of anything else
// with a single hyphen: "Common causes" becomes "common-causes".
func Slug(s string) string {
	out := make([]byte, 0, len(s))
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			out = append(out, byte(r))
			dash = false
		case r >= 'A' && r <= 'Z':
			out = append(out, byte(r-'A'+'a'))
			dash = false
		default:
			if !dash && len(out) > 0 {
				out = append(out, '-')
				dash = true
			}
		}
	}
	if dash {
		out = out[:len(out)-1]
	}
	return string(out)
}

// headingRenderer writes headings with a self-link, so that a reader can
// copy the address of any section.
type headingRenderer struct{}

func (headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, renderHeading)
}

func renderHeading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	tag := "h" + strconv.Itoa(n.Level)
	id, _ := n.AttributeString("id")
	idBytes, _ := id.([]byte)
	if entering {
		_, _ = w.WriteString("<" + tag)
		if len(idBytes) > 0 {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(idBytes))
			_, _ = w.WriteString(`"`)
		}
		_, _ = w.WriteString(">")
		return ast.WalkContinue, nil
	}
	if len(idBytes) > 0 {
		_, _ = w.WriteString(`<a class="anchor" href="#`)
		_, _ = w.Write(util.EscapeHTML(idBytes))
		_, _ = w.WriteString(`" aria-label="Link to this section">#</a>`)
	}
	_, _ = w.WriteString("</" + tag + ">\n")
	return ast.WalkContinue, nil
}
