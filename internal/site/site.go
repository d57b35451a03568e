// Package site is the model of the published site: every page, its URL and
// the links between pages, built from checked content. It is pure: no I/O,
// and every list in it is sorted, so the same content gives the same site.
package site

import (
	"html/template"
	"slices"
	"time"

	"github.com/sipcodes/sipcodes/internal/sip"
)

// Site is the whole published site.
type Site struct {
	BaseURL string // without a trailing slash
	Home    Page
	About   Page
	Classes []*Class
	Codes   []*Code
	Stacks  []*Stack
	Causes  []*Cause
	byCode  map[sip.Code]*Code
}

// Page is prose rendered from Markdown.
type Page struct {
	Title       string
	Description string
	HTML        template.HTML
	Headings    []Heading
	Text        string // the plain text without the headings, for search
}

// Heading is a section of rendered prose.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Class is a class page, /4xx/.
type Class struct {
	sip.Class
	Intro Page
	Codes []*Code
}

// URL is the class page's path.
func (c *Class) URL() string { return "/" + c.Slug() + "/" }

// Code is a code page, /486/.
type Code struct {
	sip.Response
	Class      *Class
	Prev, Next *Code
	Note       Page
	HasNote    bool
	Requests   []string
	Senders    []string // labels, such as "Proxy"
	Headers    []Header
	Related    []Related
	References []sip.Ref // defining references first, then those the note cites
	Constants  []Constant
	FromCauses []CauseLink // ISDN causes that map to this code (RFC 3398 §7.2.4.1)
	ToCauses   []CauseLink // causes this code maps to (RFC 3398 §8.2.6.1)
	EditURL    string      // where to edit the page's source; empty when no repository is set
	Updated    time.Time   // when the source last changed; zero when unknown
	exchange   func() (Exchange, error)
}

// Exchange is what a code page shows of the messages: the example
// exchange and the ladder diagram.
type Exchange struct {
	Example Example
	Flow    Flow
}

// SetExchange sets how the code's exchange is made. It is made each time
// the page renders rather than kept: a large site would hold thousands of
// them for the whole build, and making one takes microseconds.
func (c *Code) SetExchange(f func() (Exchange, error)) { c.exchange = f }

// Exchange makes the code's example exchange and ladder diagram; it is
// empty when SetExchange was not called.
func (c *Code) Exchange() (Exchange, error) {
	if c.exchange == nil {
		return Exchange{}, nil
	}
	return c.exchange()
}

// URL is the code page's path.
func (c *Code) URL() string { return "/" + c.Code.String() + "/" }

// Provisional reports whether the code is provisional.
func (c *Code) Provisional() bool { return c.Code.Provisional() }

// RetryAfter reports whether Retry-After applies to this code: whether the
// response may tell the client when to try again.
func (c *Code) RetryAfter() bool {
	return slices.ContainsFunc(c.Headers, func(h Header) bool { return h.Name == "Retry-After" })
}

// Defining returns the first defining reference.
func (c *Code) Defining() sip.Ref { return c.Refs[0] }

// Header is a header field the response carries.
type Header struct {
	Name        string
	Requirement sip.Requirement
	Ref         sip.Ref
	Why         string
}

// Related is another code and how it differs.
type Related struct {
	Code *Code
	How  string
}

// Stack is a SIP library that names the codes.
type Stack struct {
	ID, Name, Language, Kind, Source, URL, Usage string
}

// Constant is a library's name for a code.
type Constant struct {
	Stack  *Stack
	Name   string
	Value  int // non-zero when the constant's value is not the code
	Phrase string
	Note   string
	Source string
	URL    string
}

// Cause is a Q.850 cause value with the codes it maps to and from.
type Cause struct {
	Cause int
	Name  string
	ToSIP []CodeLink // RFC 3398 §7.2.4.1
	From  []CodeLink // SIP codes that map to this cause, §8.2.6.1
}

// CauseLink is one row of a mapping table seen from a code.
type CauseLink struct {
	Cause *Cause
	Note  string
}

// CodeLink is one row of a mapping table seen from a cause.
type CodeLink struct {
	Code *Code
	Note string
}

// Example is the example exchange shown on a code page.
type Example struct {
	Method   string
	Request  string
	Response string
}

// Flow is the ladder diagram of the code's typical call flow.
type Flow struct {
	Steps  []string // the flow as sentences, for screen readers
	Custom bool     // the note drew its own flow
	draw   func() template.HTML
}

// NewFlow makes a Flow whose diagram draw draws, escaping all text.
func NewFlow(steps []string, custom bool, draw func() template.HTML) Flow {
	return Flow{Steps: steps, Custom: custom, draw: draw}
}

// SVG draws the diagram. It is drawn when the page is rendered rather than
// kept in the model, which would hold thousands of them for a large site.
func (f Flow) SVG() template.HTML {
	if f.draw == nil {
		return ""
	}
	return f.draw()
}

// Code returns the page of a code, or nil.
func (s *Site) Code(c sip.Code) *Code { return s.byCode[c] }

// Class returns the page of a class.
func (s *Site) Class(c sip.Class) *Class { return s.Classes[c-1] }

// Nearest returns up to n registered codes nearest to c, in ascending
// order: what the 404 page offers for an unregistered code.
func (s *Site) Nearest(c sip.Code, n int) []*Code {
	codes := slices.Clone(s.Codes)
	slices.SortStableFunc(codes, func(a, b *Code) int { return abs(int(a.Code-c)) - abs(int(b.Code-c)) })
	codes = codes[:min(n, len(codes))]
	slices.SortFunc(codes, func(a, b *Code) int { return int(a.Code - b.Code) })
	return codes
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// SectionIDs lists the IDs of the sections the code page shows besides the
// note's own: the templates show a section exactly when its data exists.
func (c *Code) SectionIDs() []string {
	ids := []string{"facts", "flow", "example", "references"}
	if len(c.Headers) > 0 {
		ids = append(ids, "headers")
	}
	if len(c.Related) > 0 {
		ids = append(ids, "related")
	}
	if len(c.Constants) > 0 {
		ids = append(ids, "constants")
	}
	if len(c.FromCauses)+len(c.ToCauses) > 0 {
		ids = append(ids, "q850")
	}
	return ids
}

// LastUpdated is the date the code's note last changed, as YYYY-MM-DD, or
// "" when it is not known.
func (c *Code) LastUpdated() string {
	if c.Updated.IsZero() {
		return ""
	}
	return c.Updated.UTC().Format("2006-01-02")
}
