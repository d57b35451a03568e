package check

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/strictyaml"
)

var stackID = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// Stacks checks content/stacks.yaml: each stack says where its names were
// found, and every constant names a registered code.
func Stacks(s content.Stacks, d content.Dataset) diag.List {
	var diags diag.List
	r := reporter{s.File, &diags}
	registered := codeSet(d)
	ids := map[string]bool{}
	for _, st := range s.Stacks {
		if !stackID.MatchString(st.ID) {
			r.at(st.At.Of("id"), "stack id %q must be lowercase letters, digits and hyphens", st.ID)
		} else if ids[st.ID] {
			r.at(st.At.Of("id"), "stack id %q is used twice", st.ID)
		}
		ids[st.ID] = true
		for _, f := range []struct{ key, val string }{{"name", st.Name}, {"language", st.Language}, {"kind", st.Kind}, {"source", st.Source}} {
			if strings.TrimSpace(f.val) == "" {
				r.at(st.At.Of(f.key), "stack %s has no %s", st.ID, f.key)
			}
		}
		if st.Language != "" && !highlight.Supports(st.Language) {
			r.at(st.At.Of("language"), "language %s", notHighlighted(st.Language))
		}
		checkURL(r, st.At.Of("url"), st.URL, true)
		if !strings.Contains(st.Usage, "{name}") {
			r.at(st.At.Of("usage"), "usage must show the constant as {name}")
		}
		names := map[string]bool{}
		for _, c := range st.Constants {
			switch {
			case strings.TrimSpace(c.Name) == "":
				r.at(c.At.Pos, "constant for %d has no name", c.Code)
			case names[c.Name]:
				r.at(c.At.Of("name"), "%s is listed twice in %s", c.Name, st.ID)
			}
			names[c.Name] = true
			if !registered[c.Code] && c.Note == "" {
				r.at(c.At.Of("code"), "%s stands for %d, which is not in the dataset; say why in a note", c.Name, c.Code)
			}
			if c.URL != "" {
				checkURL(r, c.At.Of("url"), c.URL, false)
			}
			if (c.Value != 0 || c.Phrase != "") && c.Note == "" {
				r.at(c.At.Pos, "%s differs from the registry; explain it in a note", c.Name)
			}
		}
	}
	return diags
}

// notHighlighted says that lang is not a language the site colours, and
// which ones are.
func notHighlighted(lang string) string {
	return fmt.Sprintf("%q is not one the site highlights (%s)", lang, strings.Join(highlight.Languages(), ", "))
}

// checkURL requires an absolute https URL.
func checkURL(r reporter, p strictyaml.Pos, raw string, required bool) {
	if raw == "" && !required {
		return
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		r.at(p, "want an https URL, got %q", raw)
	}
}

// Q850 checks content/q850.yaml: every cause has one name, and every
// mapping names a known cause and a registered code.
func Q850(q content.Q850, d content.Dataset) diag.List {
	var diags diag.List
	r := reporter{q.File, &diags}
	registered := codeSet(d)
	causes := map[int]bool{}
	for _, c := range q.Causes {
		if c.Cause < 1 || c.Cause > 127 {
			r.at(c.At.Of("cause"), "cause %d is outside 1-127", c.Cause)
		} else if causes[c.Cause] {
			r.at(c.At.Of("cause"), "cause %d is named twice", c.Cause)
		}
		causes[c.Cause] = true
		if strings.TrimSpace(c.Name) == "" {
			r.at(c.At.Pos, "cause %d has no name", c.Cause)
		}
	}
	for _, table := range [][]content.CauseMapping{q.ISDNToSIP, q.SIPToISDN} {
		for _, m := range table {
			if m.Cause != 0 && !causes[m.Cause] {
				r.at(m.At.Of("cause"), "cause %d has no name in causes", m.Cause)
			}
			if m.Code != 0 && !registered[m.Code] {
				r.at(m.At.Of("code"), "code %d is not in the dataset", m.Code)
			}
			if (m.Cause == 0 || m.Code == 0) && m.Note == "" {
				r.at(m.At.Pos, "a row without a cause or a code needs a note saying why")
			}
		}
	}
	return diags
}

func codeSet(d content.Dataset) map[int]bool {
	set := map[int]bool{}
	for _, c := range d.Codes {
		set[c.Code] = true
	}
	return set
}
