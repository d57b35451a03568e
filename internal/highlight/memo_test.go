package highlight

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestMemoConcurrent highlights the same blocks from many goroutines, as
// the renderer does, and expects the bytes of a fresh highlighter.
func TestMemoConcurrent(t *testing.T) {
	var blocks [][2]string
	for i := range 20 {
		blocks = append(blocks,
			[2]string{"go", fmt.Sprintf("if res.StatusCode == sip.Status%d {", i%5)},
			[2]string{"SIP", "SIP/2.0 486 Busy Here\r\nCall-ID: a84b4c76e66710\r\n\r\n"},
			[2]string{"", "plain <text> & more"},
		)
	}
	want := make([]string, len(blocks))
	for i, b := range blocks {
		var buf bytes.Buffer
		if err := New().Highlight(&buf, b[0], b[1]); err != nil {
			t.Fatal(err)
		}
		want[i] = buf.String()
	}
	h := New()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i, b := range blocks {
				var sb strings.Builder
				if err := h.Highlight(&sb, b[0], b[1]); err != nil {
					t.Error(err)
					return
				}
				if sb.String() != want[i] {
					t.Errorf("block %d: memoised HTML differs:\n%s\nwant\n%s", i, sb.String(), want[i])
				}
			}
		})
	}
	wg.Wait()
}

// TestMemoBound empties the memo when it is full instead of growing.
func TestMemoBound(t *testing.T) {
	var m memo
	big := make([]byte, maxMemoBytes/3)
	for i := range 10 {
		m.put(memoKey{"go", fmt.Sprint(i)}, big)
	}
	if m.bytes > maxMemoBytes {
		t.Errorf("memo holds %d bytes, over %d", m.bytes, maxMemoBytes)
	}
	if _, ok := m.get(memoKey{"go", "9"}); !ok {
		t.Error("the last block put is not in the memo")
	}
}
