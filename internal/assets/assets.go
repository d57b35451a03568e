package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/sipcodes/sipcodes/internal/output"
)

// Assets are the processed static files and the published name of each.
type Assets struct {
	Files output.Files
	names map[string]string
}

// Path returns the site path ("/style.3f2a9c1e.css") under which a static
// file ("style.css") is published.
func (a *Assets) Path(name string) (string, error) {
	p, ok := a.names[name]
	if !ok {
		return "", fmt.Errorf("assets: no static file %q", name)
	}
	return "/" + p, nil
}

// Build processes every file of static. Stylesheets and scripts are
// minified and fingerprinted; SVG is minified; other files are copied.
// static/search.css, when present, and appendCSS (the highlighter's rules)
// are added to the end of style.css, so that pages need one stylesheet.
func Build(static fs.FS, m *Minifier, appendCSS []byte) (*Assets, error) {
	a := &Assets{Files: output.Files{}, names: map[string]string{}}
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("static/%s: not a regular file (symbolic links are not published)", p)
		}
		data, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		switch p {
		case "search.css":
			// Published as part of style.css.
			return nil
		case "style.css":
			// The search box is on every page, so its rules join the one
			// stylesheet instead of costing a request of their own.
			if extra, err := fs.ReadFile(static, "search.css"); err == nil {
				data = append(append(data, '\n'), extra...)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			data = append(append(data, '\n'), appendCSS...)
		}
		return a.add(p, data, m)
	})
	if err != nil {
		return nil, err
	}
	if _, ok := a.names["style.css"]; !ok {
		return nil, fmt.Errorf("static/style.css is missing")
	}
	return a, nil
}

func (a *Assets) add(p string, data []byte, m *Minifier) error {
	ext := path.Ext(p)
	mediaType := map[string]string{".css": CSS, ".js": JS, ".svg": SVG}[ext]
	if mediaType != "" {
		min, err := m.Bytes(mediaType, data)
		if err != nil {
			return fmt.Errorf("static/%s: %w", p, err)
		}
		data = min
	}
	name := p
	if ext == ".css" || ext == ".js" {
		sum := sha256.Sum256(data)
		name = strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:4]) + ext
	}
	a.names[p] = name
	if err := a.Files.Add(name, data); err != nil {
		return fmt.Errorf("static/%s: %w", p, err)
	}
	return nil
}
