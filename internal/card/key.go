package card

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
)

// Version names the way cards are drawn. It changes whenever the same Card
// would be drawn differently, which TestDrawingIsVersioned enforces: a
// build reuses the previous build's card when its Key is unchanged.
const Version = 1

// keyword is the PNG tEXt keyword under which a card's Key is stored.
const keyword = "sipcodes-card"

// Key names everything a card's pixels depend on: the Card and Version.
func (c Card) Key() string {
	h := sha256.New()
	fmt.Fprintf(h, "v%d\x00%s\x00%s\x00%s\x00%s\x00%d,%d,%d,%d", Version,
		c.Number, c.Title, c.Label, c.Site, c.Accent.R, c.Accent.G, c.Accent.B, c.Accent.A)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// KeyReach is how many bytes from the start of a card hold its Key.
const KeyReach = 128

// KeyOf returns the Key stored in a card drawn by PNG, which sits in a
// tEXt chunk right after the header; head may be just the start of the
// file, its first KeyReach bytes.
func KeyOf(head []byte) (string, bool) {
	const sig = "\x89PNG\r\n\x1a\n"
	rest, ok := bytes.CutPrefix(head, []byte(sig))
	for n := 0; ok && n < 2 && len(rest) >= 8; n++ {
		size := int(binary.BigEndian.Uint32(rest))
		typ := string(rest[4:8])
		if len(rest) < 12+size {
			return "", false
		}
		if data := rest[8 : 8+size]; typ == "tEXt" {
			k, v, found := bytes.Cut(data, []byte{0})
			return string(v), found && string(k) == keyword
		}
		rest = rest[12+size:]
	}
	return "", false
}
