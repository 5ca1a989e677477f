package understand

import (
	"strings"
	"unicode"

	"github.com/transparentcities/nazar/translit"
)

// minStem is the shortest stem an ending may be cut down to: "муль" stays
// "mul", and "кава" becomes "kav" but never "ka".
const minStem = 3

// endings are Ukrainian case and number endings as the official
// transliteration writes them (я → ia, ю → iu, є → ie, ї/й → i), with the
// English plural "s"/"ies"; longest first, and one is cut at most. Cutting
// the same way on both sides (trigger words and what the user typed) is
// what matters, not linguistic accuracy: «Мулем», «Муля», «Муль» and "Mul"
// all become "mul".
var endings = []string{
	"iieiu", "iiakh", "iamy", "ieiu", "iiam", "amy", "iia", "iiu", "iakh", "ovi", "evi", "oiu", "eiu", "omu", "oho", "iam", "iem", "ies", "ii",
	"akh", "om", "em", "iv", "am", "yi", "oi", "ei", "ia", "iu", "ie",
	"a", "u", "i", "y", "e", "o", "s",
}

// Fold is a word in the key space every lookup uses: lower-case Latin by
// the official transliteration, apostrophes dropped.
func Fold(word string) string {
	return translit.Fold(word)
}

// Stem cuts one ending off a folded word, keeping at least minStem letters.
func Stem(folded string) string {
	for _, e := range endings {
		if strings.HasSuffix(folded, e) && len(folded)-len(e) >= minStem {
			return folded[:len(folded)-len(e)]
		}
	}
	return folded
}

// Key is Stem(Fold(word)).
func Key(word string) string { return Stem(Fold(word)) }

// letters counts the letters of a word as typed (Cyrillic letters count
// once, whatever their Latin spelling), for the "typos from 5 letters" rule.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
