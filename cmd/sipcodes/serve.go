package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/sipcodes/sipcodes/internal/build"
	"github.com/sipcodes/sipcodes/internal/highlight"
	"github.com/sipcodes/sipcodes/internal/output"
	"github.com/sipcodes/sipcodes/internal/serve"
)

// DefaultPort is where serve listens unless told otherwise.
const DefaultPort = 1313

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: sipcodes serve [flags]\n\nBuild the site into memory and serve it for preview. Every change under the\ncontent, templates and static folders rebuilds it and reloads open pages; a\nfailed build shows its problems over the page until they are fixed.\n\n")
		fs.PrintDefaults()
	}
	var src sources
	src.flags(fs)
	host := fs.String("host", "127.0.0.1", "address to listen on; the preview is for this machine, so change it only if you mean to share it")
	port := fs.Int("port", DefaultPort, "port to listen on; 0 picks a free one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments, got %q", fs.Args())}
	}
	if *port < 0 || *port > 65535 {
		return usageError{fmt.Sprintf("-port %d is not a port number", *port)}
	}
	if err := src.check(); err != nil {
		return err
	}
	cfg := src.config()
	cfg.Content = serve.HideEditorFiles(cfg.Content)
	cfg.Templates = serve.HideEditorFiles(cfg.Templates)
	cfg.Static = serve.HideEditorFiles(cfg.Static)
	cfg.Updated = contentDates(ctx, src.content, stderr)
	// One highlighter for every rebuild: it remembers what it highlighted.
	cfg.Highlighter = highlight.New()
	// The last good build's cards are reused when their text is unchanged.
	last := &lastBuild{}
	cfg.Previous = last
	preview := build.NewPreview(cfg)
	s := serve.New(serve.Config{
		Build: func(changed []string) (output.Files, error) {
			res, err := preview.Rebuild(serve.Within(src.content, changed))
			if err != nil {
				return nil, errors.New(compilerText(err))
			}
			last.files = res.Files
			return res.Files, nil
		},
		Watch: []string{src.content, src.templates, src.static},
		Hosts: boundHost(*host),
		Log:   stderr,
	})
	ln, err := net.Listen("tcp", net.JoinHostPort(*host, strconv.Itoa(*port)))
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%w; another preview may be running there: stop it, or give -port with another number (0 picks a free one)", err)
	}
	if err != nil {
		return err
	}
	// A failed first build is shown in the browser like any other.
	_ = s.Rebuild()
	fmt.Fprintf(stdout, "serving the site at %s (Ctrl-C to stop)\n", siteURL(*host, ln.Addr()))
	if err := s.Run(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "stopped")
	return nil
}

// compilerText is an error's text with diagnostics in the compiler format,
// as check prints them.
func compilerText(err error) string {
	var b strings.Builder
	printError(&b, err)
	return strings.TrimSuffix(b.String(), "\n")
}

// boundHost is the host name the server answers to besides the loopback
// names: the address it was told to bind, unless that means every address.
func boundHost(host string) []string {
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		return nil
	}
	return []string{host}
}

// siteURL is the address to open in a browser.
func siteURL(host string, addr net.Addr) string {
	_, port, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// lastBuild is the files of the last good build, for the next build to
// reuse (build.Config.Previous).
type lastBuild struct{ files output.Files }

func (l *lastBuild) Open(name string) (fs.File, error) { return l.files.Open(name) }
