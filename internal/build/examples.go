package build

import (
	"fmt"
	"html/template"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/example"
	"github.com/sipcodes/sipcodes/internal/ladder"
	"github.com/sipcodes/sipcodes/internal/site"
)

// addExamples gives every code its example exchange and its ladder
// diagram: generated from the code's data, or as the note overrides them
// in its front matter (example: and flow:).
func addExamples(s *site.Site, notes []content.Note) diag.List {
	var diags diag.List
	byCode := map[int]content.Note{}
	for _, n := range notes {
		byCode[n.Meta.Code] = n
	}
	for _, c := range s.Codes {
		note, hasNote := byCode[int(c.Code)]
		spec := example.Spec{Code: int(c.Code), Reason: c.Reason}
		for _, h := range c.Headers {
			spec.Headers = append(spec.Headers, h.Name)
		}
		if ex := note.Meta.Example; ex != nil {
			spec.Method, spec.Extra, spec.Body = ex.Method, ex.Headers, ex.Body
		}
		if spec.Method == "" {
			spec.Method = example.DefaultMethod(int(c.Code))
		}
		ex, err := example.Generate(spec)
		if err != nil {
			where := note.Meta.At.Of("example")
			diags.Addf(note.File, where.Line, where.Col, "example: %v", err)
			continue
		}
		c.Example = site.Example{Method: spec.Method, Request: ex.Request, Response: ex.Response}

		flow := ladder.Default(int(c.Code), c.Reason, spec.Method)
		custom := hasNote && len(note.Meta.Flow) > 0
		if custom {
			flow, err = ladder.Parse(note.Meta.Flow)
			if err != nil {
				where := note.Meta.At.Of("flow")
				diags.Addf(note.File, where.Line, where.Col, "flow: %v", err)
				continue
			}
		}
		title := fmt.Sprintf("Typical flow of %s %s", c.Code, c.Reason)
		desc := fmt.Sprintf("A ladder diagram with %d messages between %d parties; the same steps are listed below it.", len(flow.Steps), len(flow.Parties))
		id := "flow-" + c.Code.String()
		c.Flow = site.NewFlow(flow.Text(), custom, func() template.HTML {
			return template.HTML(ladder.SVG(flow, id, title, desc))
		})
	}
	return diags
}
