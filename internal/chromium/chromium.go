// Package chromium starts the headless Chromium that browser tests and the
// budget checks drive: Debian's build, with every flag that keeps it off
// the network, in a profile of its own that is removed afterwards.
package chromium

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds a Chromium binary: $CHROMIUM, or one on PATH; "" if none.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Flags keep Chromium headless and off the network: no first-run tasks,
// no background requests, no updates, no sync.
func Flags(profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile),
	}
}

// Start launches bin and returns a context for a tab in it, and a function
// that closes the browser and removes its profile.
func Start(ctx context.Context, bin string) (context.Context, func(), error) {
	if bin == "" {
		return nil, nil, fmt.Errorf("no Chromium found: apt-get install chromium, or set CHROMIUM")
	}
	// The profile is removed with retries: Chromium's helper processes may
	// still write to it for a moment after the browser exits.
	profile, err := os.MkdirTemp("", "chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(Flags(profile), chromedp.ExecPath(bin), chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tab, cancelTab := chromedp.NewContext(actx)
	done := func() {
		cancelTab()
		cancelAlloc()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if err := chromedp.Run(tab); err != nil {
		done()
		return nil, nil, fmt.Errorf("starting Chromium (%s): %w", bin, err)
	}
	return tab, done, nil
}
