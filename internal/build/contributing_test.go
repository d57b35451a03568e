package build

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestContributingSnippetsBuild builds the real site with the note for 486
// given the front matter CONTRIBUTING.md shows, every key of it, so that
// the guide never documents a key the build refuses or cannot handle. The
// note keeps its own text, and so its own references, which the text cites
// and other pages link into.
func TestContributingSnippetsBuild(t *testing.T) {
	guide, err := os.ReadFile("../../CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	var frontMatter, overrides string
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(guide), -1) {
		switch block := m[1]; {
		case strings.HasPrefix(block, "---\ncode: 486"):
			frontMatter = strings.TrimSuffix(block, "---\n")
		case strings.HasPrefix(block, "example:"):
			overrides = block
		}
	}
	if frontMatter == "" || overrides == "" {
		t.Fatal("CONTRIBUTING.md no longer shows the front matter of 486 and the example and flow overrides")
	}
	fsys := fstest.MapFS{}
	if err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("../../content/" + p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	own := string(fsys["codes/486.md"].Data)
	ownRefs, body, ok := strings.Cut(own[strings.Index(own, "\nreferences:")+1:], "---\n")
	guideHead, _, found := strings.Cut(frontMatter, "references:")
	if !ok || !found {
		t.Fatal("the note of 486 or the guide's front matter has no references")
	}
	note := guideHead + ownRefs + overrides + "---\n" + body
	fsys["codes/486.md"] = &fstest.MapFile{Data: []byte(note)}
	cfg := config("../../content", true)
	cfg.Content = fsys
	res, err := Build(cfg)
	if err != nil {
		t.Fatalf("the note of CONTRIBUTING.md does not build:\n%s\n%v", note, err)
	}
	page := string(res.Files["486/index.html"])
	for _, want := range []string{"SUBSCRIBE", "No common codec", "hop by hop"} {
		if !strings.Contains(page, want) {
			t.Errorf("486/index.html does not show %q from the overrides", want)
		}
	}
}
