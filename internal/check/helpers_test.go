package check

import (
	"html"
	"io"

	"github.com/sipcodes/sipcodes/internal/sip"
)

type sipRef = sip.Ref

// plain is a highlighter that only escapes.
type plain struct{}

func (plain) Highlight(w io.Writer, _, code string) error {
	_, err := io.WriteString(w, "<pre>"+html.EscapeString(code)+"</pre>")
	return err
}
