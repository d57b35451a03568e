package highlight

// Address shapes shared by the SIP and SDP lexers. Each returns the end of
// the address at s[i], or -1; callers add their own boundary checks, since
// "192.0.2.1/127" and "192.0.2.1;rport" are both addresses followed by
// something.

// ipv4End matches a dotted quad, \d{1,3}(\.\d{1,3}){3}. Taking up to three
// digits per group and never fewer is all the regular expression's
// backtracking could do: a shorter group would leave a digit where a dot or
// the caller's boundary must be.
func ipv4End(s string, i int) int {
	for group := range 4 {
		if group > 0 {
			if !isByte(s, i, '.') {
				return -1
			}
			i++
		}
		if i = spanN(s, i, 3, isDigit); i < 0 {
			return -1
		}
	}
	return i
}

// ipv6RefEnd matches a bracketed IPv6 reference as SIP URIs and Via headers
// write it ("[2001:db8::1]").
func ipv6RefEnd(s string, i int) int {
	if !isByte(s, i, '[') {
		return -1
	}
	end := span1(s, i+1, isIPv6Char)
	if end < 0 || !isByte(s, end, ']') {
		return -1
	}
	return end + 1
}

// isIPv6Char is [0-9A-Fa-f:.].
func isIPv6Char(r rune) bool { return isHex(r) || r == ':' || r == '.' }

// ipv6End matches a bare IPv6 address as SDP writes it ("2001:db8::1"):
// two to seven groups of up to four hex digits each ending in a colon, then
// up to fifteen hex digits and dots, not touching a word character or colon
// on either side. Requiring two colons keeps it from matching "rtpmap:0".
//
// The tail may end early only just before a dot, because a hex digit or a
// colon after it would break the boundary; retrying with fewer groups never
// helps, since the tail would then stop at a colon.
func ipv6End(s string, i int) int {
	if after(s, i, isWordOrColonOrDot) {
		return -1
	}
	groups := 0
	for groups < 7 {
		end := i
		for end < len(s) && end-i < 4 && isHex(rune(s[end])) {
			end++
		}
		if !isByte(s, end, ':') {
			break
		}
		i, groups = end+1, groups+1
	}
	if groups < 2 {
		return -1
	}
	tail := i
	for tail < len(s) && tail-i < 15 && (isHex(rune(s[tail])) || s[tail] == '.') {
		tail++
	}
	for ; tail >= i; tail-- {
		if !is(s, tail, isWordOrColon) {
			return tail
		}
	}
	return -1
}
