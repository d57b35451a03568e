package site

import (
	"path"
	"slices"
	"time"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/sip"
)

// Input is what the model is built from: checked content and its prose
// rendered to HTML, keyed by the Markdown file's name.
type Input struct {
	Content *content.Content
	Pages   map[string]Page
	BaseURL string
	// RepoURL, when set, is where a content file is edited: the file's
	// name, such as "content/codes/486.md", is appended to it.
	RepoURL string
	// Updated holds when each content file last changed, keyed by its
	// name; a file without an entry shows no date.
	Updated map[string]time.Time
}

// New builds the site model. The content must have passed the checks: New
// trusts that codes are registered and references well formed.
func New(in Input) *Site {
	c := in.Content
	s := &Site{BaseURL: in.BaseURL, byCode: map[sip.Code]*Code{}, Home: in.Pages[c.Home.File], About: in.Pages[c.About.File]}
	for _, n := range sip.Classes {
		s.Classes = append(s.Classes, &Class{Class: n})
	}
	for _, p := range c.Classes {
		// The loader admits only the names 1xx.md to 6xx.md.
		n := path.Base(p.File)[0] - '0'
		s.Classes[n-1].Intro = in.Pages[p.File]
	}
	for _, row := range c.Dataset.Codes {
		code := &Code{Response: response(row)}
		code.Class = s.Classes[code.Code.Class()-1]
		code.Class.Codes = append(code.Class.Codes, code)
		s.Codes = append(s.Codes, code)
		s.byCode[code.Code] = code
	}
	slices.SortFunc(s.Codes, func(a, b *Code) int { return int(a.Code - b.Code) })
	for i, code := range s.Codes {
		if i > 0 {
			code.Prev = s.Codes[i-1]
		}
		if i+1 < len(s.Codes) {
			code.Next = s.Codes[i+1]
		}
		code.References = slices.Clone(code.Refs)
	}
	for _, n := range c.Notes {
		s.addNote(n, in.Pages[n.File])
	}
	s.addSources(c, in.RepoURL, in.Updated)
	s.addStacks(c.Stacks)
	s.addCauses(c.Q850)
	return s
}

func response(row content.Code) sip.Response {
	r := sip.Response{
		Code:    sip.Code(row.Code),
		Reason:  row.Reason,
		Status:  sip.Status(row.Status),
		Summary: row.Summary,
		Aliases: row.Aliases,
	}
	for _, ref := range row.Refs {
		r.Refs = append(r.Refs, sip.Ref{RFC: ref.RFC, Section: ref.Section, Title: ref.Title})
	}
	return r
}

func (s *Site) addNote(n content.Note, page Page) {
	code := s.byCode[sip.Code(n.Meta.Code)]
	if code == nil {
		return
	}
	m := n.Meta
	code.Note, code.HasNote = page, true
	code.Requests = m.Requests
	for _, id := range m.Senders {
		code.Senders = append(code.Senders, sip.Senders[id])
	}
	for _, h := range m.Headers {
		code.Headers = append(code.Headers, Header{
			Name: h.Name, Requirement: sip.Requirement(h.Requirement),
			Ref: sip.Ref{RFC: h.RFC, Section: h.Section}, Why: h.Why,
		})
	}
	for _, r := range m.Related {
		if other := s.byCode[sip.Code(r.Code)]; other != nil {
			code.Related = append(code.Related, Related{Code: other, How: r.How})
		}
	}
	for _, r := range m.References {
		ref := sip.Ref{RFC: r.RFC, Section: r.Section, Title: r.Title}
		if !slices.ContainsFunc(code.References, func(have sip.Ref) bool { return have.RFC == ref.RFC && have.Section == ref.Section }) {
			code.References = append(code.References, ref)
		}
	}
}

// addSources says where each code page comes from: its note, or the
// dataset for a code without one.
func (s *Site) addSources(c *content.Content, repoURL string, updated map[string]time.Time) {
	files := map[sip.Code]string{}
	for _, n := range c.Notes {
		files[sip.Code(n.Meta.Code)] = n.File
	}
	for _, code := range s.Codes {
		file := cmpOr(files[code.Code], c.Dataset.File)
		if repoURL != "" {
			code.EditURL = repoURL + file
		}
		code.Updated = updated[file]
	}
}

func (s *Site) addStacks(in content.Stacks) {
	for _, st := range in.Stacks {
		stack := &Stack{ID: st.ID, Name: st.Name, Language: st.Language, Kind: st.Kind, Source: st.Source, URL: st.URL, Usage: st.Usage}
		s.Stacks = append(s.Stacks, stack)
		for _, k := range st.Constants {
			code := s.byCode[sip.Code(k.Code)]
			if code == nil {
				continue
			}
			code.Constants = append(code.Constants, Constant{
				Stack: stack, Name: k.Name, Value: k.Value, Phrase: k.Phrase, Note: k.Note,
				Source: cmpOr(k.Source, st.Source), URL: cmpOr(k.URL, st.URL),
			})
		}
	}
}

func (s *Site) addCauses(q content.Q850) {
	byCause := map[int]*Cause{}
	for _, c := range q.Causes {
		cause := &Cause{Cause: c.Cause, Name: c.Name}
		s.Causes = append(s.Causes, cause)
		byCause[c.Cause] = cause
	}
	slices.SortFunc(s.Causes, func(a, b *Cause) int { return a.Cause - b.Cause })
	for _, m := range q.ISDNToSIP {
		cause, code := byCause[m.Cause], s.byCode[sip.Code(m.Code)]
		if cause == nil {
			continue
		}
		cause.ToSIP = append(cause.ToSIP, CodeLink{Code: code, Note: m.Note})
		if code != nil {
			code.FromCauses = append(code.FromCauses, CauseLink{Cause: cause, Note: m.Note})
		}
	}
	for _, m := range q.SIPToISDN {
		cause, code := byCause[m.Cause], s.byCode[sip.Code(m.Code)]
		if code == nil {
			continue
		}
		code.ToCauses = append(code.ToCauses, CauseLink{Cause: cause, Note: m.Note})
		if cause != nil {
			cause.From = append(cause.From, CodeLink{Code: code, Note: m.Note})
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
