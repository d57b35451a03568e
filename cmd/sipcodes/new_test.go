package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewWritesANoteThatPassesCheck(t *testing.T) {
	dir := tree(t, nil)
	contentDir := filepath.Join(dir, "content")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"new", "-content", contentDir, "480"}, &out, &errOut); err != nil {
		t.Fatalf("new 480: %v\n%s", err, errOut.String())
	}
	name := filepath.Join(contentDir, "codes", "480.md")
	if !strings.HasPrefix(out.String(), "wrote "+name+":") {
		t.Errorf("new printed %q", out.String())
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	note := string(data)
	for _, want := range []string{
		"---\ncode: 480\n# 480 Temporarily Unavailable: The callee is known but cannot be reached right now.\n# Defined in RFC 3261 §21.4.18.",
		"\n---\n## In practice {#meaning}\n",
		"It is defined in\n[RFC 3261 §21.4.18](rfc:3261#21.4.18).\n",
		"\n## Who sends it {#senders}\n",
		"\n## Requests it answers {#requests}\n",
		"\n## What the client does next {#next}\n",
		"\n## Common causes {#causes}\n",
		"\n## Troubleshooting {#troubleshooting}\n",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("the new note lacks %q:\n%s", want, note)
		}
	}
	stdout, _, err := runCheckIn(t, dir)
	if err != nil {
		t.Errorf("check after new: %v\n%s", err, stdout)
	}
}

func TestNewRefuses(t *testing.T) {
	dir := tree(t, nil)
	contentDir := filepath.Join(dir, "content")
	for _, tc := range []struct {
		args  []string
		want  string
		usage bool
	}{
		{[]string{"486"}, filepath.Join(contentDir, "codes", "486.md") + " already exists; edit it instead", false},
		{[]string{"499"}, "code 499 is not in the dataset (" + filepath.Join(contentDir, "codes.yaml") + "); register it there first", false},
		{[]string{"700"}, `new takes one SIP response code, 100 to 699, such as sipcodes new 486; got ["700"]`, true},
		{[]string{"999"}, `new takes one SIP response code, 100 to 699, such as sipcodes new 486; got ["999"]`, true},
		{[]string{"busy"}, `new takes one SIP response code, 100 to 699, such as sipcodes new 486; got ["busy"]`, true},
		{[]string{}, `new takes one SIP response code, 100 to 699, such as sipcodes new 486; got []`, true},
		{[]string{"480", "486"}, `new takes one SIP response code, 100 to 699, such as sipcodes new 486; got ["480" "486"]`, true},
	} {
		before, _ := os.ReadFile(filepath.Join(contentDir, "codes", "486.md"))
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"new", "-content", contentDir}, tc.args...), &out, &errOut)
		if err == nil || err.Error() != tc.want || errors.As(err, new(usageError)) != tc.usage {
			t.Errorf("new %v: %v, want %q (usage error: %v)", tc.args, err, tc.want, tc.usage)
		}
		after, _ := os.ReadFile(filepath.Join(contentDir, "codes", "486.md"))
		if !bytes.Equal(before, after) {
			t.Errorf("new %v changed the existing note", tc.args)
		}
		if _, err := os.Stat(filepath.Join(contentDir, "codes", "499.md")); err == nil {
			t.Errorf("new %v wrote a note for an unregistered code", tc.args)
		}
	}
}
