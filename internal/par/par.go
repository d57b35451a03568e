// Package par runs independent pieces of a build on every processor while
// keeping results in a fixed order, so that a parallel build gives the same
// bytes as a build on one processor: each piece writes only to its own slot
// of a slice, and callers read the slots in order afterwards.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) to f(n-1), on up to GOMAXPROCS goroutines, and returns
// when every call has returned. The calls may run in any order and at the
// same time; f must only write to data that belongs to index i.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// Start runs f on its own goroutine now and returns a function that waits
// for f and returns its results, as often as it is called: for a step
// that needs less than the steps beside it and can start sooner.
func Start[T any](f func() (T, error)) (wait func() (T, error)) {
	done := make(chan struct{})
	var v T
	var err error
	go func() {
		defer close(done)
		v, err = f()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}
