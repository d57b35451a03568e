package par

import (
	"runtime"
	"testing"
)

func TestFor(t *testing.T) {
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 3, 1000} {
			got := make([]int, n)
			For(n, func(i int) { got[i] += i + 1 })
			for i, v := range got {
				if v != i+1 {
					t.Fatalf("GOMAXPROCS=%d n=%d: slot %d = %d, want %d", procs, n, i, v, i+1)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

func TestStart(t *testing.T) {
	release := make(chan struct{})
	wait := Start(func() (int, error) { <-release; return 42, nil })
	close(release)
	for range 2 {
		if v, err := wait(); v != 42 || err != nil {
			t.Errorf("wait() = %d, %v; want 42, nil", v, err)
		}
	}
}
