package highlight

import "github.com/alecthomas/chroma/v2/lexers"

// init registers the SIP and SDP lexers with chroma's global registry, the
// one place chroma looks lexers up by name. It has to happen at package
// initialisation because the SIP lexer finds its XML delegate through that
// registry, and because other code may call lexers.Get("sip") directly.
func init() {
	lexers.Register(newSDPLexer())
	lexers.Register(newSIPLexer())
}
