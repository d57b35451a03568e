package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir, Files{"old.html": []byte("old"), "a/index.html": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Files{"index.html": []byte("new"), "b/index.html": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	got := listFiles(t, dir)
	if strings.Join(got, ",") != "b/index.html,index.html" {
		t.Errorf("site holds %v, want only the new files", got)
	}
	if siblings, _ := os.ReadDir(filepath.Dir(dir)); len(siblings) != 1 {
		t.Errorf("temporary folders left beside the site: %v", siblings)
	}
}

// TestFailedWriteKeepsPreviousSite injects a failure part-way through the
// write: a file and a folder of the same name.
func TestFailedWriteKeepsPreviousSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir, Files{"index.html": []byte("good")}); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, Files{"a": []byte("file"), "a/index.html": []byte("needs a folder"), "index.html": []byte("bad")})
	if err == nil {
		t.Fatal("Write succeeded where it could not")
	}
	data, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil || string(data) != "good" {
		t.Errorf("previous site damaged: %q, %v", data, err)
	}
	if siblings, _ := os.ReadDir(filepath.Dir(dir)); len(siblings) != 1 {
		t.Errorf("temporary folders left beside the site: %v", siblings)
	}
}

func TestValidPath(t *testing.T) {
	for _, p := range []string{"index.html", "486/index.html", "style.3f2a9c1e.css"} {
		if err := ValidPath(p); err != nil {
			t.Errorf("ValidPath(%q) = %v", p, err)
		}
	}
	for _, p := range []string{"", "/etc/passwd", "../x", "a/../../x", "a//b", ".htaccess", "a/.git/config", "_x\\y", "a/./b"} {
		if err := ValidPath(p); err == nil {
			t.Errorf("ValidPath(%q) accepted it", p)
		}
	}
}

func TestSafeTarget(t *testing.T) {
	wd, _ := os.Getwd()
	for _, tc := range []struct {
		dir  string
		ok   bool
		srcs []string
	}{
		{filepath.Join(t.TempDir(), "site"), true, nil},
		{"", false, nil},
		{"/", false, nil},
		{".", false, nil},
		{"..", false, nil},
		{wd, false, nil},
		{"content", false, []string{"content"}},
		{"content/codes", false, []string{"content"}},
		{"out", false, []string{"out/content"}},
	} {
		err := SafeTarget(tc.dir, tc.srcs...)
		if (err == nil) != tc.ok {
			t.Errorf("SafeTarget(%q, %v) = %v, want ok=%v", tc.dir, tc.srcs, err, tc.ok)
		}
	}
}

func listFiles(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
