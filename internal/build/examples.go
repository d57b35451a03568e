package build

import (
	"errors"
	"fmt"
	"html/template"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/example"
	"github.com/sipcodes/sipcodes/internal/ladder"
	"github.com/sipcodes/sipcodes/internal/par"
	"github.com/sipcodes/sipcodes/internal/site"
)

// addExamples checks that every code's example exchange and ladder
// diagram can be made, generated from the code's data or as the note
// overrides them in its front matter (example: and flow:), and tells the
// code how to make them again when its page renders.
func addExamples(s *site.Site, notes []content.Note) diag.List {
	var diags diag.List
	byCode := map[int]content.Note{}
	for _, n := range notes {
		byCode[n.Meta.Code] = n
	}
	// Every code's exchange is made once here, so that a bad example or
	// flow stops the build before anything is written. The work is spread
	// across the cores; the problems are reported in the codes' order all
	// the same.
	errs := make([]*exchangeError, len(s.Codes))
	par.For(len(s.Codes), func(i int) {
		c := s.Codes[i]
		note := byCode[int(c.Code)]
		x := exchangeSpec{code: c, example: note.Meta.Example, flow: note.Meta.Flow}
		if _, errs[i] = x.make(); errs[i] != nil {
			return
		}
		c.SetExchange(func() (site.Exchange, error) {
			ex, err := x.make()
			if err != nil {
				return ex, err
			}
			return ex, nil // not err: a nil *exchangeError is a non-nil error
		})
	})
	for i, err := range errs {
		if err != nil {
			note := byCode[int(s.Codes[i].Code)]
			where := note.Meta.At.Of(err.key)
			// The position names the note and the key; the generator's own
			// "example: code 486:" prefix would say it twice.
			msg := err.err
			if inner := errors.Unwrap(msg); inner != nil && err.key == "example" {
				msg = inner
			}
			diags.Addf(note.File, where.Line, where.Col, "%s: %v", err.key, msg)
		}
	}
	return diags
}

// exchangeSpec is what a code's exchange is made from: the code, and what
// its note's front matter says, if anything.
type exchangeSpec struct {
	code    *site.Code
	example *content.Example
	flow    []string
}

// exchangeError is a problem with the example (key "example") or the flow
// (key "flow") of a note.
type exchangeError struct {
	key string
	err error
}

func (e *exchangeError) Error() string { return e.key + ": " + e.err.Error() }

func (x exchangeSpec) make() (site.Exchange, *exchangeError) {
	c := x.code
	spec := example.Spec{Code: int(c.Code), Reason: c.Reason}
	for _, h := range c.Headers {
		spec.Headers = append(spec.Headers, h.Name)
	}
	if ex := x.example; ex != nil {
		spec.Method, spec.Extra, spec.Body = ex.Method, ex.Headers, ex.Body
	}
	if spec.Method == "" {
		spec.Method = example.DefaultMethod(int(c.Code))
	}
	ex, err := example.Generate(spec)
	if err != nil {
		return site.Exchange{}, &exchangeError{"example", err}
	}
	flow := ladder.Default(int(c.Code), c.Reason, spec.Method)
	custom := len(x.flow) > 0
	if custom {
		if flow, err = ladder.Parse(x.flow); err != nil {
			return site.Exchange{}, &exchangeError{"flow", err}
		}
	}
	title := fmt.Sprintf("Typical flow of %s %s", c.Code, c.Reason)
	desc := fmt.Sprintf("A ladder diagram with %d messages between %d parties; the same steps are listed below it.", len(flow.Steps), len(flow.Parties))
	id := "flow-" + c.Code.String()
	return site.Exchange{
		Example: site.Example{Method: spec.Method, Request: ex.Request, Response: ex.Response},
		Flow: site.NewFlow(flow.Text(), custom, func() template.HTML {
			return template.HTML(ladder.SVG(flow, id, title, desc))
		}),
	}, nil
}
