package gitinfo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// repo makes a repository with one commit of a.md on a fixed date, and an
// uncommitted b.md beside it.
func repo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	gitRun := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(),
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
			"GIT_AUTHOR_DATE=2024-03-05T10:00:00Z", "GIT_COMMITTER_DATE=2024-03-05T10:00:00Z",
		)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	gitRun("init", "-q")
	for _, name := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitRun("add", "a.md")
	gitRun("commit", "-q", "-m", "a")
	return dir
}

func TestLastCommit(t *testing.T) {
	dir := repo(t)
	ctx := context.Background()
	got, err := LastCommit(ctx, dir, "a.md")
	if want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("LastCommit(a.md) = %v, %v; want %v", got, err, want)
	}
	if got, err := LastCommit(ctx, dir, "b.md"); err != nil || !got.IsZero() {
		t.Errorf("LastCommit(uncommitted) = %v, %v; want no date", got, err)
	}
	dates, err := Dates(ctx, dir, []string{"a.md", "b.md", "missing.md"})
	if err != nil || len(dates) != 1 || dates["a.md"].IsZero() {
		t.Errorf("Dates = %v, %v; want only a.md", dates, err)
	}
}

func TestNoRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	// Keep git from finding a repository above the temporary folder.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if got, err := LastCommit(context.Background(), dir, "a.md"); err != nil || !got.IsZero() {
		t.Errorf("LastCommit outside a repository = %v, %v; want no date, no error", got, err)
	}
	if dates, err := Dates(context.Background(), dir, []string{"a.md"}); err != nil || len(dates) != 0 {
		t.Errorf("Dates outside a repository = %v, %v", dates, err)
	}
}

func TestNoGit(t *testing.T) {
	dir := repo(t)
	t.Setenv("PATH", t.TempDir())
	if got, err := LastCommit(context.Background(), dir, "a.md"); err != nil || !got.IsZero() {
		t.Errorf("LastCommit without git = %v, %v; want no date, no error", got, err)
	}
	if dates, err := Dates(context.Background(), dir, []string{"a.md"}); err != nil || len(dates) != 0 {
		t.Errorf("Dates without git = %v, %v", dates, err)
	}
}

func TestShallowCloneHasNoDates(t *testing.T) {
	dir := repo(t)
	clone := filepath.Join(t.TempDir(), "clone")
	cmd := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+dir, clone)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	if dates, err := Dates(context.Background(), clone, []string{"a.md"}); err != nil || len(dates) != 0 {
		t.Errorf("Dates in a shallow clone = %v, %v; want none", dates, err)
	}
}
