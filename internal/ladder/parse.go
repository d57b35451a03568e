package ladder

import (
	"fmt"
	"strings"
	"unicode"
)

// Parse reads the short syntax a note's front matter uses: a list of lines,
// each "Alice -> Bob: INVITE" or "Bob -> Alice: 486 Busy Here (note text)".
// A trailing parenthesised part is the step's note. Parties are taken in
// order of first appearance. Errors name the 1-based line and what is wrong.
func Parse(lines []string) (Flow, error) {
	if len(lines) == 0 {
		return Flow{}, fmt.Errorf("flow has no steps")
	}
	var f Flow
	index := map[string]int{}
	party := func(name string) (int, bool) {
		if i, ok := index[name]; ok {
			return i, true
		}
		if len(f.Parties) == maxParties {
			return 0, false
		}
		index[name] = len(f.Parties)
		f.Parties = append(f.Parties, name)
		return index[name], true
	}
	for i, line := range lines {
		n := i + 1
		if n > maxSteps {
			return Flow{}, fmt.Errorf("line %d: more than %d steps", n, maxSteps)
		}
		from, to, label, note, err := parseLine(line)
		if err != nil {
			return Flow{}, fmt.Errorf("line %d: %w", n, err)
		}
		var s Step
		var ok1, ok2 bool
		s.From, ok1 = party(from)
		s.To, ok2 = party(to)
		if !ok1 || !ok2 {
			return Flow{}, fmt.Errorf("line %d: more than %d parties", n, maxParties)
		}
		s.Label, s.Note = label, note
		f.Steps = append(f.Steps, s)
	}
	return f, nil
}

// parseLine splits one line into its sender, receiver, label and note.
func parseLine(line string) (from, to, label, note string, err error) {
	line = strings.TrimSpace(line)
	if line == "" {
		return "", "", "", "", fmt.Errorf("empty line")
	}
	from, rest, ok := strings.Cut(line, "->")
	if !ok {
		return "", "", "", "", fmt.Errorf(`missing "->" between sender and receiver in %q`, line)
	}
	to, label, ok = strings.Cut(rest, ":")
	if !ok {
		return "", "", "", "", fmt.Errorf(`missing ":" between receiver and label in %q`, line)
	}
	from, to, label = strings.TrimSpace(from), strings.TrimSpace(to), strings.TrimSpace(label)
	if strings.Contains(to, "->") {
		return "", "", "", "", fmt.Errorf(`unknown syntax %q: a step has one arrow, "A -> B: label"`, line)
	}
	for _, p := range []string{from, to} {
		if err := checkParty(p); err != nil {
			return "", "", "", "", err
		}
	}
	if from == to {
		return "", "", "", "", fmt.Errorf("%s sends to itself; a step joins two parties", from)
	}
	label, note, err = splitNote(label)
	if err != nil {
		return "", "", "", "", err
	}
	if label == "" {
		return "", "", "", "", fmt.Errorf("empty label")
	}
	if len([]rune(label)) > maxLabel || len([]rune(note)) > maxLabel {
		return "", "", "", "", fmt.Errorf("label or note longer than %d characters", maxLabel)
	}
	return from, to, label, note, nil
}

// splitNote separates a trailing "(note)" from the label.
func splitNote(label string) (string, string, error) {
	if !strings.HasSuffix(label, ")") {
		if strings.Contains(label, "(") {
			return "", "", fmt.Errorf("unknown syntax %q: a note goes in parentheses at the end", label)
		}
		return label, "", nil
	}
	open := strings.LastIndex(label, "(")
	if open < 0 {
		return "", "", fmt.Errorf("unknown syntax %q: \")\" without \"(\"", label)
	}
	note := strings.TrimSpace(label[open+1 : len(label)-1])
	if note == "" {
		return "", "", fmt.Errorf("empty note in %q", label)
	}
	return strings.TrimSpace(label[:open]), note, nil
}

// checkParty accepts lane names that fit in a lane's box and cannot be
// confused with the arrow or the label separator.
func checkParty(name string) error {
	if name == "" {
		return fmt.Errorf("missing party name before or after the arrow")
	}
	if len([]rune(name)) > 20 {
		return fmt.Errorf("party name %q is longer than 20 characters", name)
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" ._'-", r) {
			return fmt.Errorf("unknown syntax: party name %q may hold only letters, digits, spaces and . _ ' -", name)
		}
	}
	return nil
}
