package store

import (
	"fmt"
)

// What a resident typed is kept sealed (AES-256-GCM) where it must be read
// back, and as a keyed hash (HMAC-SHA256) where it is only looked up; see
// docs/RELIABILITY.md, "No personal data readable on disk". The names below
// are the purposes the values are sealed or hashed for: a sealed value opens
// only for its own column.
const (
	sealUpdate       = "seen_updates.body"
	sealConversation = "conversations.data"
	sealAnswers      = "submissions.answers"
	sealOutbox       = "outbox_bodies.text"
	sealCardLink     = "card_links.number"
	sealWatchBirth   = "card_watches.birth_date"
)

const (
	hashCard   = "card"   // card numbers: card_links, card_cards, card_operations
	hashBirth  = "birth"  // dates of birth of the card exports, bound to their card or application
	hashTax    = "tax"    // tax ids of the voucher register
	hashOutbox = "outbox" // outbox texts, to store each text once
	hashLookup = "lookup" // lookup_failures.subject_hash: the card or application number tried (lookupHash)
)

func (s *Store) seal(purpose string, plain []byte) []byte { return s.keys.Seal(purpose, plain) }

func (s *Store) sealString(purpose, plain string) []byte { return s.keys.Seal(purpose, []byte(plain)) }

// open opens a sealed value; the error names the column, never the value.
func (s *Store) open(purpose string, sealed []byte) ([]byte, error) {
	plain, err := s.keys.Open(purpose, sealed)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", purpose, err)
	}
	return plain, nil
}

func (s *Store) hash(purpose, value string) string { return s.keys.Hash(purpose, value) }

// birthHash hashes a date of birth together with the card or application it
// belongs to, so that two people born the same day do not share a hash.
func (s *Store) birthHash(owner, birth string) string { return s.hash(hashBirth, owner+"\x00"+birth) }
