package build

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strconv"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/diag"
	"github.com/sipcodes/sipcodes/internal/render"
)

// Check runs every check of Build, on the same code path, and keeps only
// the verdict: nil, or a diag.List with every problem found. It writes
// nothing, as Build writes nothing.
func Check(cfg Config) error {
	_, err := Build(cfg)
	return err
}

// datasetBroken reports whether diags name the dataset: the model is built
// from it, so no later step can run, and what they would report is noise.
func datasetBroken(c *content.Content, diags diag.List) bool {
	for _, d := range diags {
		if d.File == c.Dataset.File {
			return true
		}
	}
	return false
}

// checkTemplates parses the templates, so that a run that stops at content
// problems reports template problems as well.
func checkTemplates(cfg Config) diag.List {
	if _, err := render.New(cfg.Templates, render.Env{}); err != nil {
		return templateDiags(cfg, err)
	}
	return nil
}

// templateErr matches the position in an error from text/template or
// html/template, such as `template: code.html:12:5: executing "main" ...`
// or `html/template:code.html:3: ...`.
var templateErr = regexp.MustCompile(`(?:html/)?template: ?([^:\s"]+\.html):([0-9]+)(?::([0-9]+))?: (.*)$`)

// templateDiags turns an error from parsing or executing the templates
// into a diagnostic at the template's file, line and column. Other errors
// are returned as they are.
func templateDiags(cfg Config, err error) diag.List {
	var diags diag.List
	if errors.As(err, &diags) {
		return diags
	}
	m := templateErr.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.List{{Message: err.Error()}}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	msg := m[4]
	if prefix := err.Error()[:len(err.Error())-len(m[0])]; prefix != "" && prefix != "templates: " {
		// Say which page was being rendered: "rendering 486/index.html: ".
		msg += " (" + trimColon(prefix) + ")"
	}
	dir := cfg.TemplatesName
	if dir == "" {
		dir = "templates"
	}
	// Templates are named by their base name; partials live in a folder.
	file := m[1]
	if _, err := fs.Stat(cfg.Templates, file); err != nil {
		if _, err := fs.Stat(cfg.Templates, "partials/"+file); err == nil {
			file = "partials/" + file
		}
	}
	return diag.List{{File: path.Join(dir, file), Line: line, Col: col, Message: msg}}
}

func trimColon(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == ':') {
		s = s[:len(s)-1]
	}
	return s
}
