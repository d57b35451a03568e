package example

import (
	"fmt"
	"slices"
	"strings"
)

// applyExtra applies a note's override lines and body to res. Each line
// replaces every generated field of the same name at the place of the first
// one, so that a note can correct a value without reordering the message;
// several lines of one name all go there, in the note's order. Content-Length
// cannot be overridden because it is computed from the body.
func applyExtra(res *message, extra []string, body string) error {
	var lines []field
	for _, line := range extra {
		f, err := parseField(line)
		if err != nil {
			return err
		}
		lines = append(lines, f)
	}
	done := map[string]bool{}
	for _, f := range lines {
		key := strings.ToLower(fullName(f.name))
		if done[key] {
			continue
		}
		done[key] = true
		var same []field
		for _, g := range lines {
			if sameName(g.name, f.name) {
				same = append(same, g)
			}
		}
		replace(res, same)
	}
	if body == "" {
		return nil
	}
	if !slices.ContainsFunc(lines, func(f field) bool { return sameName(f.name, "Content-Type") }) {
		return fmt.Errorf("a body needs a Content-Type line among the overrides")
	}
	body = strings.ReplaceAll(body, "\r\n", "\n")
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	res.body = body
	return nil
}

// replace puts fields where the first field of their name is, or at the
// end, and drops the other fields of that name.
func replace(m *message, fields []field) {
	at := slices.IndexFunc(m.fields, func(f field) bool { return sameName(f.name, fields[0].name) })
	if at < 0 {
		m.fields = append(m.fields, fields...)
		return
	}
	m.remove(fields[0].name)
	m.fields = slices.Insert(m.fields, at, fields...)
}

// parseField reads an override line "Name: value".
func parseField(line string) (field, error) {
	name, value, ok := strings.Cut(line, ":")
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if !ok || !isToken(name) {
		return field{}, fmt.Errorf("override %q is not a \"Name: value\" line", line)
	}
	if strings.ContainsAny(value, "\r\n") {
		return field{}, fmt.Errorf("override %q spans more than one line", name)
	}
	if sameName(name, "Content-Length") {
		return field{}, fmt.Errorf("an override cannot set Content-Length, which is computed from the body")
	}
	return field{name, value}, nil
}

// isToken reports whether s is a header field name, a token of RFC 3261 §25.1.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		ok := r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-.!%*_+`'~", r))
		if !ok {
			return false
		}
	}
	return true
}
