package main

import "testing"

func TestCPUSlowdown(t *testing.T) {
	for _, tc := range []struct {
		benchmarkIndex float64
		want           float64
	}{
		{2400, 4},   // faster than Lighthouse assumes: its default
		{1500, 4},   // what the default assumes
		{840, 2.24}, // this project's shared machine: the same phone, simulated
		{375, 1},    // as slow as the phone itself: no slowdown
		{100, 1},    // slower still: never faster than the host
		{0, 4},      // not measured: the default
	} {
		if got := cpuSlowdown(tc.benchmarkIndex); got != tc.want {
			t.Errorf("cpuSlowdown(%v) = %v, want %v", tc.benchmarkIndex, got, tc.want)
		}
	}
}
