package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/sipcodes/sipcodes/internal/build"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/par"
)

// DefaultBaseURL is where the site is published.
const DefaultBaseURL = "https://sipcodes.netlify.app"

// DefaultEditURL is where the repository's files are edited on the web;
// a content file's name is appended for each page's "Edit this page" link.
const DefaultEditURL = "https://github.com/sipcodes/sipcodes/edit/main/"

// sources are the folders a build reads, shared by every command.
type sources struct {
	content, templates, static string
	baseURL, editURL           string
}

func (s *sources) flags(fs *flag.FlagSet) {
	fs.StringVar(&s.content, "content", "content", "folder with codes.yaml and the notes")
	fs.StringVar(&s.templates, "templates", "templates", "folder with the HTML templates")
	fs.StringVar(&s.static, "static", "static", "folder with static files")
	fs.StringVar(&s.baseURL, "base-url", DefaultBaseURL, "published address of the site, for canonical links")
	fs.StringVar(&s.editURL, "edit-url", DefaultEditURL, `where content files are edited, for "Edit this page" links; empty leaves them out`)
}

// check refuses addresses that links could not be made of, and says which
// of the folders is missing before anything reads them, so that a command
// run from the wrong directory names the folder and its flag rather than
// failing deep in the build.
func (s *sources) check() error {
	if !webAddress(s.baseURL) {
		return usageError{fmt.Sprintf("-base-url %q: want the site's address, starting with https:// or http://, such as %s", s.baseURL, DefaultBaseURL)}
	}
	if s.editURL != "" && !webAddress(s.editURL) {
		return usageError{fmt.Sprintf("-edit-url %q: want an address starting with https:// or http://, to which a file's path is added, such as %s; or \"\" to leave the links out", s.editURL, DefaultEditURL)}
	}
	for _, f := range []struct{ flag, dir string }{
		{"content", s.content}, {"templates", s.templates}, {"static", s.static},
	} {
		info, err := os.Stat(f.dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return usageError{fmt.Sprintf("%s folder %q does not exist; run sipcodes from the repository's root or give -%s", f.flag, f.dir, f.flag)}
		case err != nil:
			return usageError{fmt.Sprintf("-%s: %v", f.flag, err)}
		case !info.IsDir():
			return usageError{fmt.Sprintf("-%s %q is not a folder", f.flag, f.dir)}
		}
	}
	return nil
}

// webAddress reports whether s is an absolute http or https address with
// a host, and nothing after its path.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		u.User == nil && u.RawQuery == "" && u.Fragment == "" && !strings.ContainsAny(s, " \t\n")
}

func (s *sources) config() build.Config {
	return build.Config{
		Content:       os.DirFS(s.content),
		Templates:     os.DirFS(s.templates),
		Static:        os.DirFS(s.static),
		ContentName:   s.content,
		TemplatesName: s.templates,
		RepoURL:       s.editURL,
		BaseURL:       s.baseURL,
		Minify:        true,
		Synthetic:     benchSynthetic(),
	}
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src sources
	src.flags(fs)
	out := fs.String("out", "site", "folder to write the site into; it is replaced whole")
	quiet := fs.Bool("q", false, "print nothing on success")
	timings := fs.Bool("timings", false, "print when each stage of the build started and how long it took, to stderr")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file, for go tool pprof")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("build takes no arguments, got %q", fs.Args())}
	}
	if err := src.check(); err != nil {
		return err
	}
	if err := output.SafeTarget(*out, src.content, src.templates, src.static); err != nil {
		return usageError{err.Error()}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	collectGarbageLate()
	cfg := src.config()
	if *timings {
		cfg.Timings = build.NewTimings()
		defer cfg.Timings.Print(stderr)
	}
	dates := par.Start(func() (map[string]time.Time, error) {
		defer cfg.Timings.Start("dates from git")()
		return contentDates(ctx, src.content, stderr), nil
	})
	cfg.UpdatedLater = func() map[string]time.Time { d, _ := dates(); return d }
	// Files stream into a staging folder as the build makes them (only
	// those that differ from out's); out changes only once all is well.
	stager, err := output.NewStager(*out)
	if err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	cfg.Out = stager
	cfg.Previous = os.DirFS(*out)
	res, err := build.Build(cfg)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		stager.Abort()
		return err
	}
	stop := cfg.Timings.Start("commit")
	err = stager.Commit()
	stop()
	if err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "built %d codes, %d files, %.1f KiB into %s/ in %s\n",
			len(res.Site.Codes), res.Count, float64(res.Size)/1024, *out, time.Since(start).Round(time.Millisecond))
	}
	return nil
}
