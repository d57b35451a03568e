package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
)

// builderVersion changes whenever Build writes different bytes for the
// same input; TestBuilderIsVersioned fails until it does.
const builderVersion = 1

// Name returns the file name the index of codes and causes is published
// under, "search.<8 hex digits>.json". The digits are a hash of what
// Build reads, with the version of the code that builds it, rather than
// of what it writes: equal names still mean equal files, and the pages,
// which name the index, need not wait for it to be built.
func Name(codes []Record, causes []Cause, opt Options) string {
	h := inputHash{h: sha256.New()}
	h.int(Version)
	h.int(builderVersion)
	h.int(opt.ExcerptChars)
	h.int(opt.Terms)
	h.int(len(codes))
	for _, r := range codes {
		h.str(r.Code)
		h.str(r.Reason)
		h.str(r.Class)
		h.str(r.Status)
		h.str(r.Summary)
		h.strs(r.Aliases)
		h.strs(r.Constants)
		h.ints(r.FromCauses)
		h.ints(r.ToCauses)
		h.str(r.Text)
		h.str(r.URL)
	}
	h.int(len(causes))
	for _, c := range causes {
		h.int(c.Cause)
		h.str(c.Name)
		h.str(c.URL)
	}
	return "search." + hex.EncodeToString(h.h.Sum(nil)[:4]) + ".json"
}

// inputHash hashes values with their lengths, so that no two different
// inputs run together into the same bytes ("ab","c" and "a","bc").
// A scratch buffer carries each value to the hash, which takes only
// byte slices: the notes are megabytes on a large site.
type inputHash struct {
	h   hash.Hash
	buf []byte
}

func (h *inputHash) int(v int) {
	h.buf = binary.AppendVarint(h.buf[:0], int64(v))
	h.h.Write(h.buf)
}

func (h *inputHash) str(s string) {
	h.buf = binary.AppendVarint(h.buf[:0], int64(len(s)))
	h.buf = append(h.buf, s...)
	h.h.Write(h.buf)
}

func (h *inputHash) strs(s []string) {
	h.int(len(s))
	for _, v := range s {
		h.str(v)
	}
}

func (h *inputHash) ints(s []int) {
	h.int(len(s))
	for _, v := range s {
		h.int(v)
	}
}
