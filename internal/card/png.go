package card

import (
	"encoding/binary"
	"hash/crc32"
	"sync"
)

// encodePNG returns f as an 8-bit paletted PNG. It exists instead of
// image/png because a card is mostly runs of one colour: its image data is
// compressed as runs alone (zlibRuns), many times faster than image/png's
// fastest level, which looks for repeated strings everywhere, into a file
// about twice as large.
func encodePNG(f *frame, key string) []byte {
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], Width)
	binary.BigEndian.PutUint32(ihdr[4:], Height)
	ihdr[8] = 8 // bits per pixel
	ihdr[9] = 3 // paletted
	plte := make([]byte, 0, 3*len(f.palette))
	for _, c := range f.palette {
		plte = append(plte, c.R, c.G, c.B)
	}
	buf := streams.Get().(*[]byte)
	defer streams.Put(buf)
	idat := zlibRuns(f, (*buf)[:0])
	*buf = idat[:0]
	text := keyword + "\x00" + key
	out := make([]byte, 0, 8+5*12+len(ihdr)+len(text)+len(plte)+len(idat))
	out = append(out, "\x89PNG\r\n\x1a\n"...)
	out = chunk(out, "IHDR", ihdr[:])
	out = chunk(out, "tEXt", []byte(text))
	out = chunk(out, "PLTE", plte)
	out = chunk(out, "IDAT", idat)
	return chunk(out, "IEND", nil)
}

// chunk appends one PNG chunk to out: length, type, data and the CRC of
// type and data.
func chunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// streams are the buffers the zlib stream of a card is coded into before
// it is copied into the file. A stream grows to tens of kilobytes; grown
// afresh for every card, the streams took more memory than the cards.
var streams = sync.Pool{New: func() any { return new([]byte) }}

// zlibRuns is the zlib stream of f's image data, a filter byte (0, none)
// before each row: one deflate block with the fixed Huffman codes of
// RFC 1951 §3.2.6, in which a run of one byte is a literal followed by
// copies at distance 1. It is coded into buf's memory, which it grows as
// needed.
func zlibRuns(f *frame, buf []byte) []byte {
	e := runEncoder{sum: newAdler()}
	e.w.buf = buf[:cap(buf)]
	e.w.grow(32 << 10)
	e.w.write(0x0178, 16) // zlib: deflate, 32 KiB window, no dictionary
	e.w.write(1, 1)       // the final block
	e.w.write(1, 2)       // fixed Huffman codes
	y := 0
	for _, l := range f.lines {
		blankRows(&e, l.top-y)
		if l.coded != nil {
			e.splice(l.coded)
		} else {
			l.rows(&e)
		}
		y = l.bottom
	}
	blankRows(&e, Height-y)
	e.flush()
	e.w.write(litCode[256], litLen[256]) // end of block
	return binary.BigEndian.AppendUint32(e.w.bytes(), e.sum.value())
}

// runEncoder codes runs of bytes, joining consecutive runs of one value.
type runEncoder struct {
	w   bitWriter
	sum adler
	v   uint8
	n   int // bytes of value v not yet coded
	len int // bytes coded
}

// emit adds n bytes of value v.
func (e *runEncoder) emit(v uint8, n int) {
	if n <= 0 {
		return
	}
	if v != e.v {
		e.flush()
		e.v = v
	}
	e.n += n
}

func (e *runEncoder) flush() {
	if e.n == 0 {
		return
	}
	e.sum.run(e.v, e.n)
	e.w.run(e.v, e.n)
	e.len += e.n
	e.n = 0
}

// coded is a stretch of bytes coded on its own, to be spliced into a
// stream: its bits, and its length and sums for the checksum.
type coded struct {
	w   bitWriter
	sum adler
	len int
}

// done ends e, which was started from its zero value, as a coded stretch.
func (e *runEncoder) done() coded {
	e.flush()
	e.sum.reduce()
	e.w.buf = e.w.buf[:e.w.pos:e.w.pos]
	return coded{w: e.w, sum: e.sum, len: e.len}
}

// splice adds a coded stretch. Its first run is coded apart from the run
// before it, which costs a few bits at most.
func (e *runEncoder) splice(c *coded) {
	e.flush()
	e.w.writeAll(&c.w)
	e.sum.add(c.sum, c.len)
	e.len += c.len
}

// blank[k] is 2^k rows with no text, coded once: any number of them is
// then a few splices.
var blank = blankStretches()

func blankStretches() (b [10]coded) {
	for k := range b {
		var e runEncoder
		for range 1 << k {
			blankRow(&e)
		}
		b[k] = e.done()
	}
	return b
}

// blankRows sends n rows with no text.
func blankRows(e *runEncoder, n int) {
	for k := len(blank) - 1; k >= 0; k-- {
		for n >= 1<<k {
			e.splice(&blank[k])
			n -= 1 << k
		}
	}
}
