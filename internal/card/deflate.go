package card

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// The fixed Huffman code of deflate (RFC 1951 §3.2.6) for literals, the
// end of block and lengths, bit-reversed since deflate sends Huffman codes
// most significant bit first into a stream packed least significant first.
var litCode, litLen = fixedCodes()

func fixedCodes() (code [288]uint64, length [288]uint) {
	for v := range 288 {
		var c, n int
		switch {
		case v < 144:
			c, n = 0x30+v, 8
		case v < 256:
			c, n = 0x190+v-144, 9
		case v < 280:
			c, n = v-256, 7
		default:
			c, n = 0xc0+v-280, 8
		}
		code[v] = uint64(bits.Reverse16(uint16(c)) >> (16 - n))
		length[v] = uint(n)
	}
	return code, length
}

// Match lengths: lengthCode[n] is the code (0 for symbol 257) of a match of
// n bytes, which sends n - lengthBase[code] in lengthExtra[code] bits.
var (
	lengthBase = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
		35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
		3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	lengthCode = lengthCodes()
)

func lengthCodes() (t [259]uint8) {
	code := 0
	for n := 3; n <= 258; n++ {
		for code+1 < len(lengthBase) && int(lengthBase[code+1]) <= n {
			code++
		}
		t[n] = uint8(code)
	}
	return t
}

// matchCode[n] holds the bits of a match of n bytes at distance 1, length
// code, extra bits and distance code together, and matchLen[n] their count.
var matchCode, matchLen = matchCodes()

func matchCodes() (code [259]uint64, length [259]uint) {
	for n := 3; n <= 258; n++ {
		c := lengthCode[n]
		sym := 257 + int(c)
		v, l := litCode[sym], litLen[sym]
		v |= uint64(n-int(lengthBase[c])) << l
		l += lengthExtra[c]
		l += 5 // distance code 0 (distance 1) has no extra bits
		code[n], length[n] = v, l
	}
	return code, length
}

// bitWriter packs deflate's bits, least significant first, four bytes at
// a time. It writes into buf by index and grows it only when full, since a
// slice header updated on every word costs a write barrier while the
// garbage collector runs.
type bitWriter struct {
	buf []byte
	pos int // bytes of buf written
	acc uint64
	n   uint // bits in acc, fewer than 32 between calls
}

// write adds the n low bits of v; n is at most 32.
func (w *bitWriter) write(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	if w.n >= 32 {
		if w.pos+4 > len(w.buf) {
			w.grow(4)
		}
		binary.LittleEndian.PutUint32(w.buf[w.pos:], uint32(w.acc))
		w.pos += 4
		w.acc >>= 32
		w.n -= 32
	}
}

func (w *bitWriter) grow(n int) {
	w.buf = slices.Grow(w.buf[:w.pos], max(n, w.pos, 16))
	w.buf = w.buf[:cap(w.buf)]
}

// writeAll adds the bits another writer holds, eight bytes at a time.
func (w *bitWriter) writeAll(o *bitWriter) {
	if w.pos+o.pos+8 > len(w.buf) {
		w.grow(o.pos + 8)
	}
	acc, n := w.acc, w.n // n < 32, as after every write
	src, dst := o.buf[:o.pos], w.buf[w.pos:]
	i := 0
	for ; i+8 <= len(src) && i+8 <= len(dst); i += 8 {
		v := binary.LittleEndian.Uint64(src[i:])
		binary.LittleEndian.PutUint64(dst[i:], acc|v<<n)
		acc = v >> (64 - n) // 0 when n is 0
	}
	w.pos += i
	w.acc = acc
	for ; i < len(src); i += 4 { // o.pos is a whole number of words
		w.write(uint64(binary.LittleEndian.Uint32(src[i:])), 32)
	}
	w.write(o.acc, o.n)
}

// bytes ends the stream on a byte boundary and returns it.
func (w *bitWriter) bytes() []byte {
	out := w.buf[:w.pos]
	for w.n > 0 {
		out = append(out, byte(w.acc))
		w.acc >>= 8
		w.n -= min(w.n, 8)
	}
	return out
}

// run writes n copies of v: a literal, then matches of 3 to 258 bytes at
// distance 1, or literals when fewer than 3 copies remain.
func (w *bitWriter) run(v byte, n int) {
	lc, ll := litCode[v], litLen[v]
	n--
	if n >= 3 && n <= 258 {
		// The common case in one write: 9 + 18 bits at most.
		w.write(lc|matchCode[n]<<ll, ll+matchLen[n])
		return
	}
	w.write(lc, ll)
	for n >= 3 {
		m := min(n, 258)
		if n-m > 0 && n-m < 3 {
			m = n - 3 // leave a rest that is itself a match
		}
		w.write(matchCode[m], matchLen[m])
		n -= m
	}
	for range n {
		w.write(lc, ll)
	}
}

// adler is the Adler-32 checksum that ends a zlib stream (RFC 1950),
// updated a run at a time in closed form. The zero value holds what a
// stretch of bytes adds to the sums; a whole stream starts from newAdler.
type adler struct {
	s1, s2 uint64
	n      uint64 // bytes added since the sums were reduced
}

const adlerMod = 65521

func newAdler() adler { return adler{s1: 1} }

// run adds n bytes of value v.
func (a *adler) run(v byte, n int) {
	m, b := uint64(n), uint64(v)
	a.s2 += m*a.s1 + b*m*(m+1)/2
	a.s1 += b * m
	// Reduced every MiB, s1 stays below 2^29 and s2 below 2^50.
	if a.n += m; a.n > 1<<20 {
		a.reduce()
	}
}

func (a *adler) reduce() {
	a.s1 %= adlerMod
	a.s2 %= adlerMod
	a.n = 0
}

// add appends a stretch of n bytes whose own sums are o, reduced.
func (a *adler) add(o adler, n int) {
	m := uint64(n)
	a.s2 += m*a.s1 + o.s2
	a.s1 += o.s1
	if a.n += m; a.n > 1<<20 {
		a.reduce()
	}
}

func (a *adler) value() uint32 {
	a.reduce()
	return uint32(a.s2<<16 | a.s1)
}
