package build

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Timings records when each stage of a build started and how long it took,
// for `sipcodes build -timings`. A nil *Timings records nothing, so the
// pipeline calls it unconditionally.
type Timings struct {
	mu     sync.Mutex
	origin time.Time
	stages []Stage
}

// Stage is one timed step; Start is measured from NewTimings.
type Stage struct {
	Name       string
	Start, Dur time.Duration
}

// NewTimings starts the clock.
func NewTimings() *Timings { return &Timings{origin: time.Now()} }

// Start times the stage name until the returned function is called.
func (t *Timings) Start(name string) (stop func()) {
	if t == nil {
		return func() {}
	}
	begin := time.Now()
	return func() {
		end := time.Now()
		t.mu.Lock()
		t.stages = append(t.stages, Stage{name, begin.Sub(t.origin), end.Sub(begin)})
		t.mu.Unlock()
	}
}

// Stages lists the recorded stages in the order they ended.
func (t *Timings) Stages() []Stage {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]Stage(nil), t.stages...)
}

// Print writes one line per stage: when it started, how long it took.
func (t *Timings) Print(w io.Writer) {
	for _, s := range t.Stages() {
		fmt.Fprintf(w, "%8.1f ms  +%7.1f ms  %s\n", ms(s.Start), ms(s.Dur), s.Name)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
