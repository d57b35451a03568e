package highlight

import "sync"

// maxMemoBytes bounds the memo of highlighted blocks. A site shows the same
// block on many pages (a stack's usage line, a request shared by several
// examples); past the bound the memo is emptied, which costs a second
// highlighting and never a wrong answer. The real site's blocks take less
// than half a MiB; a site of thousands of codes has thousands of responses that are
// never shown twice, which a larger bound would only hold in memory.
const maxMemoBytes = 8 << 20

// memoKey names a block: the language as normalised for the lexer cache
// and the code exactly as given.
type memoKey struct{ lang, code string }

// memo holds the HTML of blocks already highlighted. It is safe for
// concurrent use; two goroutines that miss on the same block both
// highlight it and store the same bytes.
type memo struct {
	mu    sync.RWMutex
	html  map[memoKey][]byte
	bytes int
}

func (m *memo) get(k memoKey) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.html[k]
	return b, ok
}

// put stores html, which must not be changed afterwards.
func (m *memo) put(k memoKey, html []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.html == nil || m.bytes+len(html)+len(k.code) > maxMemoBytes {
		m.html, m.bytes = map[memoKey][]byte{}, 0
	}
	if _, ok := m.html[k]; !ok {
		m.html[k] = html
		m.bytes += len(html) + len(k.code)
	}
}
