// Command icons draws the site's PNG icons from the same design as
// static/favicon.svg: favicon.png (32×32, for browsers without SVG icons)
// and apple-touch-icon.png (180×180, for home screens). They are drawn
// once and committed; run it again after changing the design:
//
//	go run ./cmd/icons            # writes static/favicon.png and static/apple-touch-icon.png
//	go run ./cmd/icons -out dir
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sipcodes/sipcodes/internal/card"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("icons", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "static", "folder to write the icons into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, icon := range []struct {
		name    string
		size    int
		rounded bool
	}{
		{"favicon.png", 32, true},
		{"apple-touch-icon.png", 180, false},
	} {
		data, err := card.Icon(icon.size, icon.rounded)
		if err != nil {
			return err
		}
		name := filepath.Join(*out, icon.name)
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d×%d, %d bytes)\n", name, icon.size, icon.size, len(data))
	}
	return nil
}
