// Package understand reads what a resident types outside any flow and says
// what they most likely want: an intent ("card.balance", "council.deputy",
// "business.near" …) with its entities (a deputy, a business category, an
// EDRPOU, an application or card number, words to search).
//
// It is deterministic and offline: no network, no language model. A message
// is normalised (lower case, one apostrophe, Cyrillic folded to Latin with
// the official transliteration so Latin input meets Cyrillic words), each
// word is cut to a light stem (Ukrainian case endings and English plurals),
// and stems are looked up in the trigger words of every intent, exactly, as
// a declared prefix ("голосу*"), or with one typo for words of five letters
// or more. Every intent's score is the sum of what matched, so the result
// can be explained word by word (Candidate.Why).
//
// Trigger words live in locales/intents.<lang>.yaml (see docs/understand.md);
// deputies' and businesses' names come from a Names snapshot the bot loads
// from the store and swaps in after imports.
package understand
