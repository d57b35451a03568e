// Command sipcodes builds the SIP response code reference site.
//
//	sipcodes build [flags]    write the site into site/
//	sipcodes check [flags]    check the content and templates, write nothing
//	sipcodes new <code>       start the note for a code
//	sipcodes serve [flags]    preview the site, rebuilding on every change
//
// Run "sipcodes help" for every command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.As(err, new(usageError)):
		fmt.Fprintln(os.Stderr, "sipcodes:", err)
		os.Exit(2)
	default:
		printError(os.Stderr, err)
		os.Exit(1)
	}
}

// commands maps each subcommand to its function.
var commands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) error{
	"build": runBuild,
	"check": runCheck,
	"new":   runNew,
	"serve": runServe,
}

const usage = `usage: sipcodes <command> [flags]

Commands:
  build   build the site into site/ (see sipcodes build -h)
  check   check the content and templates; print every problem as path:line:col: message
  new     start content/codes/<code>.md for a registered code: sipcodes new 486
  serve   preview the site on http://127.0.0.1:1313/, rebuilding and reloading on every change
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprint(stderr, usage)
		return usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	return cmd(ctx, args[1:], stdout, stderr)
}
