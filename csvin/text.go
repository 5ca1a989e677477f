package csvin

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Windows1251 is File.Encoding of a file read as Windows-1251.
const Windows1251 = "Windows-1251"

// plain reports whether text holds nothing but text: no NUL or other C0
// control (tab, CR and LF excepted), no DEL, no C1 control (U+0080–U+009F,
// two bytes in UTF-8: C2 80–9F). It is one pass over the bytes without a
// copy, one table look-up a byte: a clean file of any size costs only this
// and utf8.ValidString (BenchmarkTextCheck).
func plain(text string) bool {
	for i := 0; i < len(text); i++ {
		switch byteClass[text[i]] {
		case 0:
		case bad:
			return false
		case lead:
			if i+1 < len(text) && text[i+1] < 0xa0 {
				return false
			}
		}
	}
	return true
}

const (
	bad  = 1 // a control byte
	lead = 2 // C2, which leads the C1 controls
)

// byteClass sorts the bytes for plain.
var byteClass = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = bad
	}
	t['\t'], t['\n'], t['\r'], t[0x7f], t[0xc2] = 0, 0, 0, bad, lead
	return t
}()

// badText names what makes one value not text, or returns "" when it is
// text. It runs only on the values of a file plain or utf8 refused.
func badText(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				return "a NUL byte is not text (is the file UTF-16, or not a CSV file?)"
			case (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f:
				return fmt.Sprintf("the control character U+%04X is not text", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("byte 0x%02X is not UTF-8, and the file is not Windows-1251 either: save it as UTF-8", c)
		case r < 0xa0:
			return fmt.Sprintf("the control character U+%04X is not text", r)
		}
		i += size
	}
	return ""
}

// isWindows1251 decides whether text that is not valid UTF-8 is
// Windows-1251, the encoding of many Ukrainian government exports. It is, when
//
//   - it has no NUL byte and no byte 0x98 (unassigned in Windows-1251);
//   - it has more bytes that are not UTF-8 than well-formed UTF-8
//     sequences of two or more bytes: UTF-8 that is merely damaged (a cut
//     character) is refused, not read as garbage;
//   - at least 3/4 of its bytes above 0x7F are letters of the Ukrainian,
//     Russian or Belarusian alphabet (А–я, Ґґ Єє Іі Її Ёё Ўў), the rest
//     being signs such as « » № – —;
//   - at most a quarter of its words holding such letters also hold Latin
//     letters. Latin-1 or Windows-1252 text (German, French) decodes to
//     Cyrillic letters inside Latin words ("Mьller"), while Ukrainian text
//     only now and then has a Latin i typed for і.
func isWindows1251(text string) bool {
	var high, letters, cyrWords, mixedWords int
	cyr, latin := false, false
	endWord := func() {
		if cyr {
			cyrWords++
			if latin {
				mixedWords++
			}
		}
		cyr, latin = false, false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == 0 || c == 0x98:
			return false
		case c >= 0x80:
			high++
			if cp1251Letter(c) {
				letters++
				cyr = true
			} else {
				endWord()
			}
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			latin = true
		default:
			endWord()
		}
	}
	endWord()
	return high > 0 && letters*4 >= high*3 && mixedWords*4 <= cyrWords && utf8Share(text)
}

// utf8Share reports whether text has more bytes that are not UTF-8 than
// well-formed multi-byte UTF-8 sequences.
func utf8Share(text string) bool {
	var invalid, valid int
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		if size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return invalid > valid
}

// cp1251Letter reports whether a Windows-1251 byte is a letter of the
// Ukrainian, Russian or Belarusian alphabet.
func cp1251Letter(c byte) bool {
	switch c {
	case 0xa5, 0xb4, 0xaa, 0xba, 0xb2, 0xb3, 0xaf, 0xbf, 0xa8, 0xb8, 0xa1, 0xa2: // Ґґ Єє Іі Її Ёё Ўў
		return true
	}
	return c >= 0xc0
}

// decode1251 converts Windows-1251 text to UTF-8.
func decode1251(text string) string {
	out, err := charmap.Windows1251.NewDecoder().String(text)
	if err != nil { // the decoder maps every byte; an error is not expected
		return text
	}
	return out
}
