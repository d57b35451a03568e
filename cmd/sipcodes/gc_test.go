package main

import "testing"

// TestMemoryLimit holds the rule of collectGarbageLate: memory may reach
// half again the live heap, and never less than the floor.
func TestMemoryLimit(t *testing.T) {
	const MiB = 1 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, buildMemoryFloor},
		{40 * MiB, buildMemoryFloor},  // the real site never gets here
		{170 * MiB, buildMemoryFloor}, // 10,000 pages: 255 MiB is under the floor
		{172 * MiB, 258 * MiB},
		{400 * MiB, 600 * MiB},
		{4096 * MiB, 6144 * MiB},
	} {
		if got := memoryLimit(c.live); got != c.want {
			t.Errorf("memoryLimit(%d MiB) = %d MiB, want %d MiB", c.live/MiB, got/MiB, c.want/MiB)
		}
	}
}
