package output

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := Update(dir, Files{"old.html": []byte("old"), "a/index.html": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	if err := Update(dir, Files{"index.html": []byte("new"), "b/index.html": []byte("b")}); err != nil {
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
	if err := Update(dir, Files{"index.html": []byte("good")}); err != nil {
		t.Fatal(err)
	}
	err := Update(dir, Files{"a": []byte("file"), "a/index.html": []byte("needs a folder"), "index.html": []byte("bad")})
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

// TestUpdate rebuilds over a previous site, with the changes a rebuild
// makes: an unchanged file, a changed one, a new one, a removed one, a file
// that becomes a folder and a folder that becomes a file.
func TestUpdate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	old := Files{
		"index.html":       []byte("home"),
		"486/index.html":   []byte("busy"),
		"499/index.html":   []byte("removed"),
		"499/card.png":     []byte("removed too"),
		"becomes-dir":      []byte("file"),
		"becomes-file/a":   []byte("in a folder"),
		"deep/er/x/y.html": []byte("removed"),
	}
	if err := Update(dir, old); err != nil { // no site yet: Write
		t.Fatal(err)
	}
	unchanged := watchFile(t, filepath.Join(dir, "index.html"))
	next := Files{
		"index.html":             []byte("home"),
		"486/index.html":         []byte("busy here"),
		"600/index.html":         []byte("busy everywhere"),
		"becomes-dir/index.html": []byte("now a folder"),
		"becomes-file":           []byte("now a file"),
	}
	if err := Update(dir, next); err != nil {
		t.Fatal(err)
	}
	got := listFiles(t, dir)
	if want := "486/index.html,600/index.html,becomes-dir/index.html,becomes-file,index.html"; strings.Join(got, ",") != want {
		t.Errorf("site holds %v, want %s", got, want)
	}
	for name, data := range next {
		if have, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(have) != string(data) {
			t.Errorf("%s = %q, %v; want %q", name, have, err, data)
		}
	}
	for _, gone := range []string{"499", "deep"} {
		if _, err := os.Lstat(filepath.Join(dir, gone)); err == nil {
			t.Errorf("stale folder %s is still there", gone)
		}
	}
	unchanged("an unchanged file")
	if siblings, _ := os.ReadDir(filepath.Dir(dir)); len(siblings) != 1 {
		t.Errorf("staging folders left beside the site: %v", siblings)
	}
}

// TestFailedUpdateKeepsPreviousSite injects a failure while the changed
// files are staged: the previous site must be untouched.
func TestFailedUpdateKeepsPreviousSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := Update(dir, Files{"index.html": []byte("good"), "old.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	err := Update(dir, Files{"a": []byte("file"), "a/index.html": []byte("needs a folder"), "index.html": []byte("bad")})
	if err == nil {
		t.Fatal("Update succeeded where it could not")
	}
	if got := strings.Join(listFiles(t, dir), ","); got != "index.html,old.html" {
		t.Errorf("previous site holds %s", got)
	}
	data, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil || string(data) != "good" {
		t.Errorf("previous site damaged: %q, %v", data, err)
	}
	if siblings, _ := os.ReadDir(filepath.Dir(dir)); len(siblings) != 1 {
		t.Errorf("staging folders left beside the site: %v", siblings)
	}
}

// TestKeep stages one file, keeps another as the folder holds it, and
// leaves out a third: the kept file stays untouched and the third goes.
func TestKeep(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := Update(dir, Files{"486/card.png": []byte("card"), "index.html": []byte("old"), "499/card.png": []byte("gone")}); err != nil {
		t.Fatal(err)
	}
	kept := watchFile(t, filepath.Join(dir, "486", "card.png"))
	s, err := NewStager(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := s.Keep("486/card.png"); err != nil {
		t.Fatal(err)
	}
	if err := s.Keep("486/card.png"); err == nil {
		t.Error("a file kept twice was accepted")
	}
	if err := s.Keep("../card.png"); err == nil {
		t.Error("a path outside the site was kept")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(listFiles(t, dir), ","); got != "486/card.png,index.html" {
		t.Errorf("site holds %s, want 486/card.png,index.html", got)
	}
	kept("the kept file")

	fresh, err := NewStager(filepath.Join(t.TempDir(), "new"))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Abort()
	if err := fresh.Keep("index.html"); err == nil {
		t.Error("a file was kept in a folder that does not exist yet")
	}
}

// TestHolds compares files with data as a rebuild does, across the chunks
// a large file is read in.
func TestHolds(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789abcdef"), compareChunk/16*2+3) // two chunks and a bit
	changed := func(i int) []byte {
		b := bytes.Clone(big)
		b[i] ^= 1
		return b
	}
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		file, data []byte // file nil: no such file
		want       bool
	}{
		{"same small file", []byte("<p>hi</p>"), []byte("<p>hi</p>"), true},
		{"same large file", big, bytes.Clone(big), true},
		{"both empty", []byte{}, []byte{}, true},
		{"no file", nil, []byte("x"), false},
		{"no file, no data", nil, []byte{}, false},
		{"shorter", big[:len(big)-1], big, false},
		{"longer", big, big[:len(big)-1], false},
		{"first byte", changed(0), big, false},
		{"last byte of the first chunk", changed(compareChunk - 1), big, false},
		{"first byte of the second chunk", changed(compareChunk), big, false},
		{"last byte", changed(len(big) - 1), big, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			if tc.file != nil {
				if err := os.WriteFile(p, tc.file, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := holds(p, tc.data); got != tc.want {
				t.Errorf("holds = %v, want %v", got, tc.want)
			}
		})
	}
	if holds(filepath.Join(dir, "folder"), []byte{}) {
		t.Error("a folder holds no file's data")
	}
}

// watchFile notes a file as it is now and returns a check, for later, that
// it was neither replaced nor written since.
func watchFile(t *testing.T, name string) func(what string) {
	t.Helper()
	before, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return func(what string) {
		t.Helper()
		after, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
			t.Errorf("%s was written again", what)
		}
	}
}
