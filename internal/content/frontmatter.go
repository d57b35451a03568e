package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/strictyaml"
)

// Limits on what one file may hold. They keep the work for any input
// bounded: a note far larger than any real one is refused before it is
// parsed.
const (
	MaxNoteBytes        = 128 << 10
	MaxFrontMatterBytes = 16 << 10
	MaxDataBytes        = 1 << 20
)

// normalize accepts a UTF-8 byte order mark and CRLF line endings, which
// editors on some systems write, and turns them into the plain form. It
// refuses text that is not UTF-8 or holds NUL bytes, naming the line.
func normalize(data []byte) ([]byte, diag.List) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return data, nil
	}
	// Find the line of the first problem.
	var diags diag.List
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			diags.Addf("", line, 0, "not valid UTF-8 text")
			return nil, diags
		case r == 0:
			diags.Addf("", line, 0, "NUL byte in text")
			return nil, diags
		case r == '\n':
			line++
		}
		i += size
	}
	return data, nil
}

// splitFrontMatter separates YAML front matter, fenced by lines of "---",
// from the Markdown body. It returns the body's first line number so that
// Markdown diagnostics point at the right line of the file.
func splitFrontMatter(data []byte) (front, body []byte, bodyLine int, diags diag.List) {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, data, 1, nil
	}
	rest := data[len("---\n"):]
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \t")) == "---" {
			front = rest[:off]
			if end < 0 {
				return front, nil, line + 1, nil
			}
			return front, rest[off+end+1:], line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	diags.Addf("", 1, 1, "front matter starts with --- but has no closing --- line")
	return nil, nil, 0, diags
}

// decodeFrontMatter decodes front into v, reporting lines of the whole file.
func decodeFrontMatter(front []byte, v any) diag.List {
	if len(front) > MaxFrontMatterBytes {
		return diag.List{{Line: 1, Message: "front matter is larger than the limit of 16 KiB"}}
	}
	// The front matter starts on the file's second line.
	return strictyaml.DecodeAt(front, v, 1)
}
