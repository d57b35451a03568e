package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sipcodes/sipcodes/internal/content"
	"github.com/sipcodes/sipcodes/internal/site"
)

// realSite models the repository's dataset without notes, enough for the
// exports.
func realSite(t *testing.T) *site.Site {
	t.Helper()
	c, diags := content.Load(os.DirFS("../../content"), "content")
	if diags != nil {
		t.Skipf("content does not load: %v", diags)
	}
	return site.New(site.Input{Content: c, BaseURL: "https://example.com"})
}

// objects is Object of every code of s.
func objects(t *testing.T, s *site.Site) [][]byte {
	t.Helper()
	var all [][]byte
	for _, c := range s.Codes {
		o, err := Object(s, c)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, o)
	}
	return all
}

func TestJSON(t *testing.T) {
	s := realSite(t)
	data, err := JSON(s, objects(t, s))
	if err != nil {
		t.Fatal(err)
	}
	var doc Codes
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != SchemaVersion || len(doc.Codes) != len(s.Codes) {
		t.Fatalf("version %d, %d codes; want %d, %d", doc.Version, len(doc.Codes), SchemaVersion, len(s.Codes))
	}
	for _, c := range doc.Codes {
		if c.Class != c.Code/100 || c.Provisional != (c.Class == 1) || c.Reason == "" || len(c.Refs) == 0 {
			t.Errorf("code %d: class %d provisional %v reason %q refs %v", c.Code, c.Class, c.Provisional, c.Reason, c.Refs)
		}
	}
	one, err := CodeJSON(s, objects(t, s)[0])
	if err != nil || !bytes.Contains(one, []byte(`"code": 100`)) {
		t.Errorf("CodeJSON: %s, %v", one, err)
	}
}

// TestJSONIsMarshalIndent holds the files made from the shared objects to
// what json.MarshalIndent writes for the whole documents, byte for byte,
// with a base URL that needs escaping.
func TestJSONIsMarshalIndent(t *testing.T) {
	s := realSite(t)
	s.BaseURL = "https://example.com/a&b<c>"
	all := objects(t, s)
	want := Codes{Schema: s.BaseURL + SchemaPath, Version: SchemaVersion, Codes: []Code{}}
	for i, c := range s.Codes {
		doc := code(s, c)
		want.Codes = append(want.Codes, doc)
		doc.Schema, doc.Version = s.BaseURL+SchemaPath+"#/$defs/code", SchemaVersion
		wantOne, _ := json.MarshalIndent(doc, "", " ")
		if got, err := CodeJSON(s, all[i]); err != nil || !bytes.Equal(got, wantOne) {
			t.Fatalf("%s.json differs from MarshalIndent (%v):\n%s\nwant\n%s", c.Code, err, got, wantOne)
		}
	}
	wantAll, _ := json.MarshalIndent(want, "", " ")
	if got, err := JSON(s, all); err != nil || !bytes.Equal(got, wantAll) {
		t.Errorf("codes.json differs from MarshalIndent (%v)", err)
	}
	want.Codes = want.Codes[:1]
	wantOne, _ := json.MarshalIndent(want, "", " ")
	if got, err := JSON(s, all[:1]); err != nil || !bytes.Equal(got, wantOne) {
		t.Errorf("codes.json of one code differs from MarshalIndent (%v):\n%s\nwant\n%s", err, got, wantOne)
	}
	if got, err := JSON(s, nil); err != nil || !bytes.Contains(got, []byte(`"codes": []`)) {
		t.Errorf("no codes: %s, %v", got, err)
	}
}

func TestCSV(t *testing.T) {
	s := realSite(t)
	data, err := CSV(s)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(s.Codes)+1 || rows[0][0] != "code" {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	for i, c := range s.Codes {
		if rows[i+1][0] != c.Code.String() || rows[i+1][1] != c.Reason {
			t.Errorf("row %d = %v, want %s %s", i+1, rows[i+1][:2], c.Code, c.Reason)
		}
	}
}

// TestSQLLoadsInSQLite runs the script in a real SQLite database and reads
// the table back. CI installs Debian's sqlite3; elsewhere the test skips.
func TestSQLLoadsInSQLite(t *testing.T) {
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 not installed (apt-get install sqlite3)")
	}
	s := realSite(t)
	db := filepath.Join(t.TempDir(), "lync.db")
	cmd := exec.Command(sqlite, "-bail", db)
	cmd.Stdin = bytes.NewReader(SQL(s))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("loading the script: %v\n%s", err, out)
	}
	out, err := exec.Command(sqlite, db, "SELECT count(*), min(ResponseCode), max(ResponseCode), sum(Class = ResponseCode / 100) FROM SIPResponseMetaData; SELECT Description FROM SIPResponseMetaData WHERE ResponseCode = 481;").Output()
	if err != nil {
		t.Fatal(err)
	}
	n := len(s.Codes)
	want := strings.Join([]string{
		strconv.Itoa(n) + "|" + s.Codes[0].Code.String() + "|" + s.Codes[n-1].Code.String() + "|" + strconv.Itoa(n),
		"Call/Transaction Does Not Exist",
	}, "\n") + "\n"
	if string(out) != want {
		t.Errorf("table holds:\n%s\nwant:\n%s", out, want)
	}
	// The primary key refuses a second row for a code.
	dup := exec.Command(sqlite, db, "INSERT INTO SIPResponseMetaData VALUES (486, 4, 'again');")
	if err := dup.Run(); err == nil {
		t.Error("a duplicate ResponseCode was accepted")
	}
}
