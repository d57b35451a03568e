package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/sipcodes/sipcodes/internal/build"
	"github.com/sipcodes/sipcodes/internal/diag"
)

// problems is the error of a check that found some; the problems
// themselves are already printed.
type problems int

func (n problems) Error() string {
	if n == 1 {
		return "check: 1 problem"
	}
	return fmt.Sprintf("check: %d problems", int(n))
}

// formats are the ways check prints problems.
var formats = map[string]func(diag.Diagnostic) string{
	"text":   compilerLine,
	"github": githubLine,
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: sipcodes check [flags]\n\nCheck the dataset, every note and the templates without writing the site.\nEach problem is printed as path:line:col: message; the status is 1 when there is any.\n\n")
		fs.PrintDefaults()
	}
	var src sources
	src.flags(fs)
	format := fs.String("format", "text", "how to print problems: text (path:line:col: message) or github (workflow annotations)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("check takes no arguments, got %q", fs.Args())}
	}
	if err := src.check(); err != nil {
		return err
	}
	line, ok := formats[*format]
	if !ok {
		return usageError{fmt.Sprintf("-format %q: want text or github", *format)}
	}
	err := build.Check(src.config())
	if err == nil {
		if *format == "text" {
			fmt.Fprintln(stdout, "no problems found")
		}
		return ctx.Err()
	}
	list := diagnostics(err)
	for _, d := range list {
		fmt.Fprintln(stdout, line(d))
	}
	return problems(len(list))
}

// parseFlags parses a subcommand's flags. -h is not a mistake: it returns
// flag.ErrHelp as it is, which exits with status 0; anything else wrong is
// a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return usageError{err.Error()}
}

// diagnostics turns a build error into diagnostics. A diag.List is taken
// as it is; any other error becomes one diagnostic per line, at the file
// its text starts with when it names one ("static/x.svg: ...").
func diagnostics(err error) diag.List {
	var list diag.List
	if errors.As(err, &list) {
		return unique(list)
	}
	for l := range strings.SplitSeq(err.Error(), "\n") {
		d := diag.Diagnostic{Message: l}
		if file, msg, ok := strings.Cut(l, ": "); ok && strings.Contains(file, "/") && !strings.ContainsAny(file, " \t") {
			d.File, d.Message = file, msg
		}
		list = append(list, d)
	}
	return list
}

// unique drops repeats of a diagnostic, such as two raw HTML tags on one
// line; the list is sorted, so repeats are neighbours.
func unique(list diag.List) diag.List {
	var out diag.List
	for i, d := range list {
		if i == 0 || d != list[i-1] {
			out = append(out, d)
		}
	}
	return out
}

// compilerLine prints a diagnostic as compilers do, path:line:col:
// message, which editors and CI turn into links. A problem with a whole
// file, or a whole line, points at its first line or column.
func compilerLine(d diag.Diagnostic) string {
	if d.File == "" {
		return d.Message
	}
	return fmt.Sprintf("%s:%d:%d: %s", d.File, max(d.Line, 1), max(d.Col, 1), d.Message)
}

// githubLine prints a diagnostic as a GitHub Actions workflow command, which
// shows it as an annotation on the line of the pull request it names.
func githubLine(d diag.Diagnostic) string {
	if d.File == "" {
		return "::error::" + escapeData(d.Message)
	}
	return fmt.Sprintf("::error file=%s,line=%d,col=%d::%s",
		escapeProperty(d.File), max(d.Line, 1), max(d.Col, 1), escapeData(d.Message))
}

// escapeData and escapeProperty escape what workflow commands give meaning
// to: newlines and %, and in properties also : and ,.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// printError prints a command's error once: diagnostics one a line in the
// compiler format, anything else as it is.
func printError(w io.Writer, err error) {
	var list diag.List
	if !errors.As(err, &list) {
		fmt.Fprintln(w, err)
		return
	}
	for _, d := range unique(list) {
		fmt.Fprintln(w, compilerLine(d))
	}
}
