package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"text/template"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/sip"
)

//go:embed note.md.tmpl
var noteTemplate string

var noteTmpl = template.Must(template.New("note").Parse(noteTemplate))

var codeArg = regexp.MustCompile(`^[1-6][0-9][0-9]$`)

// noteFacts are the registered facts a new note starts from.
type noteFacts struct {
	Code     string
	Reason   string
	Summary  string
	Defining string
	Refs     []sip.Ref
}

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("new", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() {
		fmt.Fprint(stderr, "usage: sipcodes new [flags] <code>\n\nWrite content/codes/<code>.md for a registered code, with the sections a note has\nand the code's registered facts filled in. An existing note is never replaced.\n\n")
		fset.PrintDefaults()
	}
	dir := fset.String("content", "content", "folder with codes.yaml and the notes")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if fset.NArg() != 1 || !codeArg.MatchString(fset.Arg(0)) {
		return usageError{fmt.Sprintf("new takes one SIP response code, 100 to 699, such as sipcodes new 486; got %q", fset.Args())}
	}
	code, _ := strconv.Atoi(fset.Arg(0))
	facts, err := registered(os.DirFS(*dir), *dir, code)
	if err != nil {
		return err
	}
	name := filepath.Join(*dir, content.NotesDir, facts.Code+".md")
	if _, err := os.Lstat(name); err == nil {
		return fmt.Errorf("%s already exists; edit it instead", name)
	}
	var note bytes.Buffer
	if err := noteTmpl.Execute(&note, facts); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := writeNew(name, note.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: fill in the TODOs, then run sipcodes check (or sipcodes serve to preview)\n", name)
	return nil
}

// registered reads the dataset and returns the facts of code, or an error
// when the code is not in it. Problems elsewhere in the content, such as a
// note being written, do not matter here.
func registered(fsys fs.FS, dir string, code int) (noteFacts, error) {
	c, diags := content.Load(fsys, dir)
	var problems diag.List
	for _, d := range diags {
		if d.File == c.Dataset.File {
			problems = append(problems, d)
		}
	}
	if problems != nil {
		return noteFacts{}, problems.Err()
	}
	for _, row := range c.Dataset.Codes {
		if row.Code != code {
			continue
		}
		f := noteFacts{Code: sip.Code(code).String(), Reason: row.Reason, Summary: row.Summary}
		for _, r := range row.Refs {
			f.Refs = append(f.Refs, sip.Ref{RFC: r.RFC, Section: r.Section})
		}
		if len(f.Refs) > 0 {
			f.Defining = f.Refs[0].String()
		}
		return f, nil
	}
	return noteFacts{}, fmt.Errorf("code %d is not in the dataset (%s); register it there first", code, c.Dataset.File)
}

// writeNew creates a file that must not exist yet, even if another program
// creates it between our look and our write.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; edit it instead", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	return f.Close()
}
