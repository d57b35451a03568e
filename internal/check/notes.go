package check

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/sip"
	"github.com/sipcodes/sipcodes/internal/strictyaml"
)

// Notes checks each note's front matter against the dataset: the code must
// match the file name and be registered, and every header, related code,
// method, sender and reference must be one we know.
func Notes(notes []content.Note, d content.Dataset) diag.List {
	var diags diag.List
	registered := map[int]bool{}
	for _, c := range d.Codes {
		registered[c.Code] = true
	}
	for _, n := range notes {
		r := reporter{n.File, &diags}
		m := n.Meta
		want, _ := strconv.Atoi(strings.TrimSuffix(path.Base(n.File), ".md"))
		switch {
		case !m.At.Has("code"):
			r.at(strictyaml.Pos{Line: 2, Col: 1}, "front matter has no code; add code: %d", want)
		case m.Code != want:
			r.at(m.At.Of("code"), "code %d does not match the file name %s", m.Code, path.Base(n.File))
		case !registered[m.Code]:
			r.at(m.At.Of("code"), "code %d is not in the dataset (%s)", m.Code, d.File)
		}
		if strings.TrimSpace(string(n.Body)) == "" {
			r.at(strictyaml.Pos{Line: n.BodyLine}, "the note has no text after its front matter")
		}
		for _, req := range m.Requests {
			if !sip.ValidMethod(req) {
				r.at(m.At.Of("requests"), "request %q is not a SIP method (%s, or any)", req, strings.Join(sip.Methods, ", "))
			}
		}
		for _, s := range m.Senders {
			if _, ok := sip.Senders[s]; !ok {
				r.at(m.At.Of("senders"), "sender %q is not one of %s", s, strings.Join(sortedKeys(sip.Senders), ", "))
			}
		}
		checkHeaders(r, m.Headers)
		checkRelated(r, m, registered)
		for _, ref := range m.References {
			checkRef(r, ref, false)
		}
	}
	return diags
}

func checkHeaders(r reporter, headers []content.Header) {
	seen := map[string]bool{}
	for _, h := range headers {
		canon, ok := sip.CanonicalHeader(h.Name)
		switch {
		case !ok:
			r.at(h.At.Of("name"), "%q is not a registered SIP header field", h.Name)
		case canon != h.Name:
			r.at(h.At.Of("name"), "write the header field as %q", canon)
		case seen[canon]:
			r.at(h.At.Of("name"), "header field %s is listed twice", canon)
		}
		seen[canon] = true
		if !slices.Contains(sip.Requirements, sip.Requirement(h.Requirement)) {
			r.at(h.At.Of("requirement"), "requirement %q is not one of %s", h.Requirement, join(sip.Requirements))
		}
		checkRef(r, content.Ref{At: h.At, RFC: h.RFC, Section: h.Section}, true)
		checkSentence(r, h.At.Of("why"), "why", h.Why, MaxLine)
	}
}

func checkRelated(r reporter, m content.NoteMeta, registered map[int]bool) {
	seen := map[int]bool{}
	for _, rel := range m.Related {
		switch {
		case !registered[rel.Code]:
			r.at(rel.At.Of("code"), "related code %d is not in the dataset", rel.Code)
		case rel.Code == m.Code:
			r.at(rel.At.Of("code"), "a code is not related to itself")
		case seen[rel.Code]:
			r.at(rel.At.Of("code"), "related code %d is listed twice", rel.Code)
		}
		seen[rel.Code] = true
		checkSentence(r, rel.At.Of("how"), "how", rel.How, MaxLine)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
