package highlight

import (
	"math"
	"strconv"
	"testing"
)

// wcagAA is the minimum contrast ratio WCAG 2.x level AA asks of body text.
const wcagAA = 4.5

// luminance is the WCAG relative luminance of a "#rrggbb" colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var l float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += weight * c
	}
	return l
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestContrastRatioKnownValues(t *testing.T) {
	if got := contrast(t, "#000000", "#ffffff"); math.Abs(got-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	if got := contrast(t, "#777777", "#ffffff"); math.Abs(got-4.48) > 0.01 {
		t.Errorf("#777 on white = %.2f, want 4.48", got)
	}
}

func TestPaletteContrast(t *testing.T) {
	check := func(scheme, fg, ownBg string, pageBgs ...string) {
		t.Helper()
		bgs := pageBgs
		if ownBg != "" {
			bgs = []string{ownBg}
		}
		for _, bg := range bgs {
			if r := contrast(t, fg, bg); r < wcagAA {
				t.Errorf("%s: %s on %s has contrast %.2f, below %.1f", scheme, fg, bg, r, wcagAA)
			}
		}
	}
	check("light text", lightText, "", lightCodeBg, lightPageBg)
	check("dark text", darkText, "", darkCodeBg, darkPageBg)
	for tt, s := range palette() {
		light, dark := s.light, s.dark
		if light == "" {
			light = lightText
		}
		if dark == "" {
			dark = darkText
		}
		check("light "+tt.String(), light, s.lightBg, lightCodeBg, lightPageBg)
		check("dark "+tt.String(), dark, s.darkBg, darkCodeBg, darkPageBg)
	}
}

// TestPaletteSchemesAgree makes sure no token type is coloured in one
// scheme and left to the text colour in the other, which would make it
// look like plain text in one theme only.
func TestPaletteSchemesAgree(t *testing.T) {
	for tt, s := range palette() {
		if (s.light == "") != (s.dark == "") || (s.lightBg == "") != (s.darkBg == "") {
			t.Errorf("%s: styled in one colour scheme only: %+v", tt, s)
		}
	}
}
