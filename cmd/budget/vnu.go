package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// checkVnu runs the Nu HTML Checker over every page of the site.
func checkVnu(ctx context.Context, o options, s *servedSite, out io.Writer) ([]string, error) {
	jar := filepath.Join(o.tools, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	cmd := exec.CommandContext(ctx, "java", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", s.dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr // vnu writes its JSON report to standard error
	err := cmd.Run()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		return nil, fmt.Errorf("%v (npm ci --prefix %s installs it; it needs Java)", err, o.tools)
	}
	var report struct {
		Messages []struct {
			Type, SubType, Message, URL, Extract string
			LastLine                             int
		}
	}
	if err := json.Unmarshal([]byte(stderr.String()), &report); err != nil {
		return nil, fmt.Errorf("reading its report: %v\n%s", err, stderr.String())
	}
	pages := 0
	filepath.WalkDir(s.dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	var broken []string
	for _, m := range report.Messages {
		if m.Type != "error" && m.SubType != "fatal" {
			continue
		}
		page := "/" + strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"+s.dir), "/")
		broken = append(broken, fmt.Sprintf("vnu: %s:%d: %s", page, m.LastLine, m.Message))
	}
	fmt.Fprintf(out, "Nu HTML Checker: %d errors in %d pages (budget 0)\n", len(broken), pages)
	for _, b := range broken {
		fmt.Fprintln(out, "  "+b)
	}
	return broken, nil
}
