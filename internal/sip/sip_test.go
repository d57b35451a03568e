package sip

import "testing"

func TestCodeRules(t *testing.T) {
	for _, tc := range []struct {
		code        Code
		valid       bool
		class       Class
		provisional bool
		name        string
	}{
		{100, true, 1, true, "Provisional"},
		{199, true, 1, true, "Provisional"},
		{200, true, 2, false, "Successful"},
		{380, true, 3, false, "Redirection"},
		{486, true, 4, false, "Client Failure"},
		{503, true, 5, false, "Server Failure"},
		{699, true, 6, false, "Global Failure"},
		{99, false, 0, false, ""},
		{700, false, 7, false, ""},
	} {
		if got := tc.code.Valid(); got != tc.valid {
			t.Errorf("%d.Valid() = %v", tc.code, got)
		}
		if !tc.valid {
			continue
		}
		if got := tc.code.Class(); got != tc.class {
			t.Errorf("%d.Class() = %d, want %d", tc.code, got, tc.class)
		}
		if got := tc.code.Provisional(); got != tc.provisional {
			t.Errorf("%d.Provisional() = %v", tc.code, got)
		}
		if got := tc.code.Class().Name(); got != tc.name {
			t.Errorf("%d class name %q, want %q", tc.code, got, tc.name)
		}
	}
	if got := Class(4).Slug(); got != "4xx" {
		t.Errorf("Slug = %q", got)
	}
	if Class(1).Kind() != "provisional" || Class(6).Kind() != "final" {
		t.Error("Kind")
	}
}

func TestRefs(t *testing.T) {
	r := Ref{RFC: 3261, Section: "21.4.24"}
	if r.String() != "RFC 3261 §21.4.24" || r.URL() != "https://www.rfc-editor.org/rfc/rfc3261#section-21.4.24" {
		t.Errorf("%s %s", r, r.URL())
	}
	whole := Ref{RFC: 6665}
	if whole.String() != "RFC 6665" || whole.URL() != "https://www.rfc-editor.org/rfc/rfc6665" {
		t.Errorf("%s %s", whole, whole.URL())
	}
	if !r.Covers(Ref{RFC: 3261}) || !r.Covers(r) || r.Covers(Ref{RFC: 3261, Section: "8.1"}) || r.Covers(Ref{RFC: 3262}) {
		t.Error("Covers")
	}
	for s, want := range map[string]bool{"21.4.24": true, "6": true, "A": true, "B.2": true, "": false, "21.": false, "x.1": false, "-1": false, "AB": false, "1.a": false} {
		if ValidSection(s) != want {
			t.Errorf("ValidSection(%q) = %v", s, !want)
		}
	}
	for in, want := range map[string]string{"3261#21.4.24": "RFC 3261 §21.4.24", "6665": "RFC 6665"} {
		got, err := ParseCitation(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseCitation(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "abc", "0", "03261", "+3261", "3261#", "3261#x"} {
		if _, err := ParseCitation(in); err == nil {
			t.Errorf("ParseCitation(%q) accepted it", in)
		}
	}
}

func TestVocabulary(t *testing.T) {
	if h, ok := CanonicalHeader("www-authenticate"); !ok || h != "WWW-Authenticate" {
		t.Errorf("CanonicalHeader = %q, %v", h, ok)
	}
	if _, ok := CanonicalHeader("Retry-Later"); ok {
		t.Error("Retry-Later accepted")
	}
	if !ValidMethod("INVITE") || !ValidMethod(AnyMethod) || ValidMethod("invite") || ValidMethod("CALL") {
		t.Error("ValidMethod")
	}
}
