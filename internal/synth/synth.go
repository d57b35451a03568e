// Package synth writes the synthetic content folders that the scaling
// benchmarks build: the real content plus generated codes of four and five
// digits, so that a site of 1,000 or 10,000 code pages can be timed through
// the same pipeline as the real one. Folders are written at run time into
// temporary folders and never committed.
package synth

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v4"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/sip"
)

// Write writes a content folder of pages code pages into dir, which
// must not hold its files yet, made from the real content in src. It keeps every real file (the dataset's
// codes, their notes, the stacks, the Q.850 mapping, the class and home
// pages) and adds codes of four and five digits until the dataset lists
// pages codes. Each added code copies the row and the note of a real code
// of the same class (2xx to 6xx), taken in turn, with the real code's number replaced by
// its own wherever it appears as a word: the note keeps its length, its
// headings, its links to other codes and its code blocks, whose SIP status
// lines then differ from page to page, so that the highlighter cannot
// answer them from its memo. The added codes have no stack constants, as
// a code no library names has none.
//
// The result passes every check of a real build once the command admits
// longer codes (SIPCODES_BENCH_SYNTHETIC=1, content.Options.Synthetic).
func Write(src, dir string, pages int) error {
	real, diags := content.Load(os.DirFS(src), "content")
	if diags != nil {
		return fmt.Errorf("loading %s: %w", src, diags.Err())
	}
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		return err
	}
	notes := map[int][]byte{}
	for _, n := range real.Notes {
		data, err := os.ReadFile(filepath.Join(src, content.NotesDir, path.Base(n.File)))
		if err != nil {
			return err
		}
		notes[n.Meta.Code] = data
	}
	byClass := map[sip.Class][]content.Code{}
	for _, c := range real.Dataset.Codes {
		if notes[c.Code] != nil {
			byClass[sip.Code(c.Code).Class()] = append(byClass[sip.Code(c.Code).Class()], c)
		}
	}
	// Provisional codes are left out: the example generator compares code
	// numbers with 200 to tell provisional from final, so a 1xx note's
	// example (RSeq, reliable provisional responses) fails for 1000.
	classes := sip.Classes[1:]
	codes := slices.Clone(real.Dataset.Codes)
	for i := 0; len(codes) < pages; i++ {
		class := classes[i%len(classes)]
		templates := byClass[class]
		if len(templates) == 0 {
			continue
		}
		tmpl := templates[(i/len(classes))%len(templates)]
		code := syntheticCode(class, i/len(classes))
		row := tmpl
		row.Code = code
		row.Reason = fmt.Sprintf("%s %d", tmpl.Reason, code)
		row.Aliases = nil
		codes = append(codes, row)
		note := renumber(notes[tmpl.Code], tmpl.Code, code)
		if err := os.WriteFile(filepath.Join(dir, content.NotesDir, strconv.Itoa(code)+".md"), note, 0o644); err != nil {
			return err
		}
	}
	slices.SortFunc(codes, func(a, b content.Code) int { return a.Code - b.Code })
	data, err := yaml.Marshal(content.Dataset{Codes: codes})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, content.DatasetFile), data, 0o644)
}

// syntheticCode is the n-th added code of a class: 4000 to 4999 for the
// first thousand 4xx codes, then 40000 to 49999.
func syntheticCode(class sip.Class, n int) int {
	if n < 1000 {
		return int(class)*1000 + n
	}
	return int(class)*10000 + n - 1000
}

// renumber replaces the number from with to wherever it stands as a word.
func renumber(note []byte, from, to int) []byte {
	word := regexp.MustCompile(`\b` + strconv.Itoa(from) + `\b`)
	return word.ReplaceAll(note, []byte(strconv.Itoa(to)))
}
