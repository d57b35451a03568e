package card

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// iconBlue is the site's accent, the background of static/favicon.svg.
var iconBlue = color.RGBA{0x0b, 0x5c, 0xad, 0xff}

// Icon draws the site's icon as a size×size PNG: "SIP" in white on the
// accent, as static/favicon.svg has it. Rounded, its corners are
// transparent, as a browser tab shows it; square, it fills the image, as
// home screens want it (they round the corners themselves). It is drawn
// once by cmd/icons and committed, not at build time.
func Icon(size int, rounded bool) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float32(size)
	r := float32(0)
	if rounded {
		r = s * 12 / 64
	}
	// The rounded square as a path; corners are quarter circles made of
	// cubic Béziers (k is the usual circle constant).
	const k = 0.5523
	z := vector.NewRasterizer(size, size)
	z.MoveTo(r, 0)
	z.LineTo(s-r, 0)
	z.CubeTo(s-r+k*r, 0, s, r-k*r, s, r)
	z.LineTo(s, s-r)
	z.CubeTo(s, s-r+k*r, s-r+k*r, s, s-r, s)
	z.LineTo(r, s)
	z.CubeTo(r-k*r, s, 0, s-r+k*r, 0, s-r)
	z.LineTo(0, r)
	z.CubeTo(0, r-k*r, r-k*r, 0, r, 0)
	z.ClosePath()
	z.Draw(img, img.Bounds(), image.NewUniform(iconBlue), image.Point{})

	f, err := opentype.Parse(gomonobold.TTF)
	if err != nil {
		return nil, err
	}
	// The SVG sets "SIP" at 26/64 of the icon; the Go Mono letters are
	// wider, so a little smaller keeps the same margins.
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size) * 24 / 64, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.White), Face: face}
	width := d.MeasureString("SIP")
	bounds, _ := d.BoundString("SIP")
	height := bounds.Max.Y - bounds.Min.Y
	d.Dot = fixed.Point26_6{
		X: (fixed.I(size) - width) / 2,
		Y: (fixed.I(size)+height)/2 - bounds.Max.Y,
	}
	d.DrawString("SIP")

	var out image.Image = img
	if !rounded {
		// Home-screen icons must be opaque.
		opaque := image.NewRGBA(img.Bounds())
		draw.Draw(opaque, opaque.Bounds(), image.NewUniform(iconBlue), image.Point{}, draw.Src)
		draw.Draw(opaque, opaque.Bounds(), img, image.Point{}, draw.Over)
		out = opaque
	}
	var buf bytes.Buffer
	e := png.Encoder{CompressionLevel: png.BestCompression}
	if err := e.Encode(&buf, out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
