package markdown

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/sipcodes/sipcodes/internal/sip"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkTransformer resolves rfc: citations to RFC Editor URLs, unwraps links
// and images whose scheme could run code, and keeps only the id attribute
// on headings.
type linkTransformer struct{}

func (linkTransformer) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	st := pc.Get(docKey).(*docState)
	var unsafe []ast.Node
	seen := map[string]bool{}
	for _, id := range st.reserved {
		seen[id] = true
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if rest, ok := strings.CutPrefix(string(n.Destination), "rfc:"); ok {
				cite(n, rest, st)
			} else if !SafeURL(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			if !SafeURL(string(n.Destination)) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			if !SafeURL(string(n.URL(st.src))) {
				unsafe = append(unsafe, n)
			}
		case *ast.Heading:
			// Attribute syntax ({#id .class key=value}) is for IDs only:
			// other attributes could carry styles or event handlers.
			id, ok := n.AttributeString("id")
			n.RemoveAttributes()
			if ok {
				n.SetAttributeString("id", uniqueID(n, id, seen, st))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		// Record the link before it goes, so that checks can name it.
		dest := ""
		switch n := n.(type) {
		case *ast.Link:
			dest = string(n.Destination)
		case *ast.Image:
			dest = string(n.Destination)
		case *ast.AutoLink:
			dest = string(n.URL(st.src))
		}
		_, image := n.(*ast.Image)
		st.doc.Links = append(st.doc.Links, Link{Dest: dest, Image: image, Line: nodeLine(n, st.lines), Unsafe: true})
		unwrap(n, st.src)
	}
}

// cite turns an rfc: link into a link to the RFC Editor and records the
// citation. An empty link text becomes the citation itself, "RFC 3261 §8.1".
func cite(n *ast.Link, rest string, st *docState) {
	line := nodeLine(n, st.lines)
	ref, err := sip.ParseCitation(rest)
	st.doc.Citations = append(st.doc.Citations, Citation{RFC: ref.RFC, Section: ref.Section, Line: line, Err: err})
	if err != nil {
		n.Destination = nil
		return
	}
	n.Destination = []byte(ref.URL())
	if n.ChildCount() == 0 {
		n.AppendChild(n, ast.NewString([]byte(ref.String())))
	}
}

// SafeURL reports whether a link destination may appear in a page: a
// relative reference, a fragment, or an http, https or mailto URL.
// Everything else (javascript:, vbscript:, data:, file:, and schemes hidden
// behind entities or odd case) is refused.
func SafeURL(dest string) bool {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		// A colon before the first slash would make browsers read a scheme
		// that url.Parse did not, as in "java\tscript:".
		first, _, _ := strings.Cut(dest, "/")
		return !strings.ContainsAny(first, ":\t\n\r\\") || strings.HasPrefix(dest, "#")
	case "http", "https", "mailto":
		return true
	}
	return false
}

// unwrap replaces a node by its children, so that the text stays and the
// link goes.
func unwrap(n ast.Node, src []byte) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if al, ok := n.(*ast.AutoLink); ok {
		parent.ReplaceChild(parent, n, ast.NewString(al.Label(src)))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// uniqueID keeps heading IDs unique on the page. Generated IDs always are;
// an explicit {#id} may repeat one the page or an earlier heading uses, and
// is then renamed and recorded, so that check can say so.
func uniqueID(n *ast.Heading, id any, seen map[string]bool, st *docState) []byte {
	b, _ := id.([]byte)
	want := string(b)
	got := want
	for i := 2; seen[got]; i++ {
		got = want + "-" + strconv.Itoa(i)
	}
	seen[got] = true
	if got != want {
		st.doc.TakenIDs = append(st.doc.TakenIDs, Heading{Level: n.Level, ID: want, Line: nodeLine(n, st.lines)})
	}
	return []byte(got)
}
