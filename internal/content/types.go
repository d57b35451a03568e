// Package content reads the site's sources from an fs.FS: the code dataset,
// the stack constants, the Q.850 mapping and the Markdown notes with their
// front matter. It keeps the position of every value so that later checks
// can name the file, line and column of a problem. It does not judge the
// values beyond their shape; package check does that.
package content

import "github.com/sipcodes/sipcodes/internal/strictyaml"

// Content is everything the site is built from.
type Content struct {
	Dataset Dataset
	Stacks  Stacks
	Q850    Q850
	Notes   []Note // sorted by file name
	Classes []Page // class introductions, sorted by file name
	Home    Page
	About   Page
}

// DropSources lets go of the text of every note and page, Front and Body,
// once the build has decoded them and taken the bodies to render: on a
// large site they are tens of megabytes that would stay in memory while
// the pages render.
func (c *Content) DropSources() {
	for i := range c.Notes {
		c.Notes[i].Front, c.Notes[i].Body = nil, nil
	}
	for i := range c.Classes {
		c.Classes[i].Body = nil
	}
	c.Home.Body, c.About.Body = nil, nil
}

// Dataset is content/codes.yaml: one entry per registered code.
type Dataset struct {
	File  string `yaml:"-"`
	Codes []Code `yaml:"codes"`
	// Synthetic marks generated benchmark content; see Options.
	Synthetic bool `yaml:"-"`
}

// Code is one row of the dataset.
type Code struct {
	At      strictyaml.Where `yaml:"-"`
	Code    int              `yaml:"code"`
	Reason  string           `yaml:"reason"`
	Status  string           `yaml:"status"`
	Refs    []Ref            `yaml:"refs"`
	Summary string           `yaml:"summary"`
	Aliases []string         `yaml:"aliases"`
}

// Ref names an RFC section.
type Ref struct {
	At      strictyaml.Where `yaml:"-"`
	RFC     int              `yaml:"rfc"`
	Section string           `yaml:"section"`
	Title   string           `yaml:"title"`
}

// Stacks is content/stacks.yaml: the names SIP libraries give the codes.
type Stacks struct {
	File   string  `yaml:"-"`
	Stacks []Stack `yaml:"stacks"`
}

// Stack is one SIP library and where its names were found.
type Stack struct {
	At        strictyaml.Where `yaml:"-"`
	ID        string           `yaml:"id"`
	Name      string           `yaml:"name"`
	Language  string           `yaml:"language"`
	Kind      string           `yaml:"kind"`
	Source    string           `yaml:"source"`
	URL       string           `yaml:"url"`
	Usage     string           `yaml:"usage"`
	Constants []Constant       `yaml:"constants"`
}

// Constant is one library's name for one code.
type Constant struct {
	At     strictyaml.Where `yaml:"-"`
	Code   int              `yaml:"code"`
	Name   string           `yaml:"name"`
	Value  int              `yaml:"value"`
	Phrase string           `yaml:"phrase"`
	Note   string           `yaml:"note"`
	Source string           `yaml:"source"`
	URL    string           `yaml:"url"`
}

// Q850 is content/q850.yaml: the mapping between ISDN cause values and SIP
// codes of RFC 3398.
type Q850 struct {
	File            string           `yaml:"-"`
	At              strictyaml.Where `yaml:"-"`
	Causes          []Cause          `yaml:"causes"`
	ISDNToSIP       []CauseMapping   `yaml:"isdn_to_sip"`
	SIPToISDN       []CauseMapping   `yaml:"sip_to_isdn"`
	ISDNDefaultNote string           `yaml:"isdn_default_note"`
	SIPDefaultCause int              `yaml:"sip_default_cause"`
}

// Cause is a Q.850 cause value and its name.
type Cause struct {
	At    strictyaml.Where `yaml:"-"`
	Cause int              `yaml:"cause"`
	Name  string           `yaml:"name"`
}

// CauseMapping is one row of either mapping table.
type CauseMapping struct {
	At    strictyaml.Where `yaml:"-"`
	Cause int              `yaml:"cause"`
	Code  int              `yaml:"code"`
	Note  string           `yaml:"note"`
}

// Note is content/codes/<code>.md.
type Note struct {
	File     string
	Meta     NoteMeta
	Front    []byte // the front matter as written, which Meta decodes
	Body     []byte
	BodyLine int // line of the file on which Body starts
}

// NoteMeta is a note's front matter.
type NoteMeta struct {
	At         strictyaml.Where `yaml:"-"`
	Code       int              `yaml:"code"`
	Requests   []string         `yaml:"requests"`
	Senders    []string         `yaml:"senders"`
	Headers    []Header         `yaml:"headers"`
	Related    []Related        `yaml:"related"`
	References []Ref            `yaml:"references"`
	Example    *Example         `yaml:"example"`
	Flow       []string         `yaml:"flow"`
}

// Header is a header field a response must, should or may carry.
type Header struct {
	At          strictyaml.Where `yaml:"-"`
	Name        string           `yaml:"name"`
	Requirement string           `yaml:"requirement"`
	RFC         int              `yaml:"rfc"`
	Section     string           `yaml:"section"`
	Why         string           `yaml:"why"`
}

// Related is another code and how it differs from the note's.
type Related struct {
	At   strictyaml.Where `yaml:"-"`
	Code int              `yaml:"code"`
	How  string           `yaml:"how"`
}

// Example overrides parts of the generated example exchange.
type Example struct {
	At      strictyaml.Where `yaml:"-"`
	Method  string           `yaml:"method"`
	Headers []string         `yaml:"headers"`
	Body    string           `yaml:"body"`
}

// Page is a Markdown page with optional front matter: the home page's and
// each class's introduction.
type Page struct {
	File     string
	Meta     PageMeta
	Body     []byte
	BodyLine int
}

// PageMeta is the front matter of a page.
type PageMeta struct {
	At          strictyaml.Where `yaml:"-"`
	Title       string           `yaml:"title"`
	Description string           `yaml:"description"`
}
