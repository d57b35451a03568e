// Package gitinfo asks git when files last changed, for the "Last updated"
// line of a page. Git is optional: where it is not installed, or the files
// are not in a repository, every answer is "no date" and never an error, so
// that a build from a tarball works and simply shows no dates.
package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// Timeout bounds one git command: a date is not worth a hung build.
const Timeout = 10 * time.Second

// LastCommit returns the date of the last commit that touched file, a path
// relative to dir (or absolute). It returns the zero time and a nil error
// when git is not installed, dir is not inside a repository, or the file
// has never been committed.
func LastCommit(ctx context.Context, dir, file string) (time.Time, error) {
	out, ok, err := git(ctx, dir, "log", "-1", "--format=%cs", "--", file)
	if !ok || err != nil {
		return time.Time{}, err
	}
	s := strings.TrimSpace(out)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("git log %s: unexpected date %q", file, s)
	}
	return t, nil
}

// Dates returns the last commit date of each file, keyed as given; files
// without a date are left out. It runs one git log for all of them, and
// returns an empty map without error when git or the repository is absent,
// or when the repository is a shallow clone.
func Dates(ctx context.Context, dir string, files []string) (map[string]time.Time, error) {
	// A shallow clone, as CI and hosts often make, has only the last
	// commits: every older file would seem to date from the oldest one it
	// has. No date is better than a wrong one.
	out, ok, err := git(ctx, dir, "rev-parse", "--is-shallow-repository")
	if !ok || err != nil || strings.TrimSpace(out) != "false" {
		return map[string]time.Time{}, err
	}
	return lastCommits(ctx, dir, files)
}

// git runs a git command in dir and returns its output. ok is false, with
// a nil error, when git is missing or refuses to work here (no repository,
// or one it does not trust); git reports both with exit status 128.
func git(ctx context.Context, dir string, args ...string) (out string, ok bool, err error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return "", false, nil
	}
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"-C", dir, "--no-pager"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return stdout.String(), true, nil
	case errors.As(err, &exit) && exit.ExitCode() == 128:
		return "", false, nil
	case ctx.Err() != nil:
		return "", false, fmt.Errorf("git %s: %w", args[0], ctx.Err())
	default:
		return "", false, fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
}
