package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
)

// fragments keeps the output of partials that many pages share: the head's
// links, the header of each class, each code's card on the home and class
// pages, the section headings. A partial called with {{cached "name" key}}
// sees only key, so its output is a function of the name and the key, and
// is made once per build instead of once per page. Keys must be comparable:
// pointers into the model, strings, small structs of those.
type fragments struct {
	mu   sync.RWMutex
	done map[fragmentKey]template.HTML
	// off renders every call afresh; tests compare the two ways.
	off bool
}

type fragmentKey struct {
	name string
	key  any
}

func (f *fragments) get(k fragmentKey) (template.HTML, bool) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	html, ok := f.done[k]
	return html, ok
}

func (f *fragments) put(k fragmentKey, html template.HTML) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done == nil {
		f.done = map[fragmentKey]template.HTML{}
	}
	f.done[k] = html
}

func (f *fragments) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.done = nil
}

// cached is the template function: it executes the partial name with key
// as its data, or returns what it gave before. Two pages that ask at once
// may both execute it; they get the same bytes.
func (r *Renderer) cached(name string, key any) (template.HTML, error) {
	if key != nil && !reflect.TypeOf(key).Comparable() {
		return "", fmt.Errorf("cached %q: a %T cannot be the key of a partial", name, key)
	}
	k := fragmentKey{name, key}
	if r.fragments.off {
		return r.partial(name, key)
	}
	if html, ok := r.fragments.get(k); ok {
		return html, nil
	}
	html, err := r.partial(name, key)
	if err == nil {
		r.fragments.put(k, html)
	}
	return html, err
}

// partial executes the partial name with data.
func (r *Renderer) partial(name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.partials.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
