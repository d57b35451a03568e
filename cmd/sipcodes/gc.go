package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// buildMemoryFloor is how much memory a build may hold before it first
// collects garbage; see collectGarbageLate.
const buildMemoryFloor = 256 << 20

// collectGarbageLate sets how a build collects garbage. A build is a short
// process whose memory is freed at exit, so the collector stays off until
// the program holds buildMemoryFloor: the real site never does, and spends
// no time collecting. From then on, memory may grow to half again the live
// heap, but never below the floor. A site of 10,000 pages then keeps its
// memory near the floor instead of letting it double, for about a fifth
// more time, and a larger site still leaves the collector room to work (a
// fixed limit close to its live heap would have it run without pause).
// GOGC or GOMEMLIMIT in the environment win.
func collectGarbageLate() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(buildMemoryFloor)
	afterEachCollection(func(live uint64) {
		debug.SetMemoryLimit(memoryLimit(live))
	})
}

// memoryLimit is the memory a build may hold while live bytes of its heap
// are in use.
func memoryLimit(live uint64) int64 {
	return max(buildMemoryFloor, int64(live+live/2))
}

// afterEachCollection calls f with the size of the live heap after each
// collection, on the goroutine that runs cleanups. It may miss a
// collection that follows another closely.
func afterEachCollection(f func(live uint64)) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		// A cleanup runs once the collector finds its object unreachable,
		// which this one is from the start.
		sentinel := new(struct{ _ *int })
		runtime.AddCleanup(sentinel, func(int) {
			metrics.Read(sample)
			f(sample[0].Value.Uint64())
			arm()
		}, 0)
	}
	arm()
}
