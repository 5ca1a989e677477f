// Package dbkey keeps what a resident typed unreadable on disk: it seals
// values with AES-256-GCM and hashes lookup values with HMAC-SHA256, both
// under keys derived from one 32-byte database key (docs/RELIABILITY.md,
// "No personal data readable on disk").
package dbkey

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"
	"sync"
)

// Size is the length of a database key in bytes.
const Size = 32

// sealVersion is the first byte of every sealed value, so that a later
// format can be told apart from this one.
const sealVersion = 1

// ErrOpen means a sealed value could not be opened: another key sealed it,
// or it was changed on disk.
var ErrOpen = errors.New("sealed value cannot be opened: wrong database key or damaged data")

// Parse reads a key written as 64 hex digits or as standard base64 of 32
// bytes (44 characters). Surrounding spaces and newlines are ignored. The
// error never repeats the value: it is a secret.
func Parse(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == Size {
		return b, nil
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) == Size {
		return b, nil
	}
	return nil, fmt.Errorf("want %d bytes as %d hex digits or %d base64 characters, got %d characters (value not shown)",
		Size, 2*Size, base64.StdEncoding.EncodedLen(Size), len(s))
}

// Format writes a key the way key files hold it: hex and a newline.
func Format(key []byte) string { return hex.EncodeToString(key) + "\n" }

// New returns a fresh random key.
func New() []byte {
	key := make([]byte, Size)
	_, _ = rand.Read(key) // never fails (crypto/rand panics instead)
	return key
}

// Keys are the working keys derived from a database key: one to seal, one
// to hash. Deriving them keeps a hash from ever revealing anything about the
// sealing key, and the reverse.
type Keys struct {
	aead cipher.AEAD
	macs sync.Pool // of keyed HMAC states: an import hashes millions of values
}

// Derive makes the working keys of a database key.
func Derive(key []byte) (*Keys, error) {
	if len(key) != Size {
		return nil, fmt.Errorf("database key: want %d bytes, got %d", Size, len(key))
	}
	sealKey, err := hkdf.Key(sha256.New, key, nil, "nazar seal v1", 32)
	if err != nil {
		return nil, err
	}
	macKey, err := hkdf.Key(sha256.New, key, nil, "nazar hash v1", 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(sealKey)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	k := &Keys{aead: aead}
	k.macs.New = func() any { return hmac.New(sha256.New, macKey) }
	return k, nil
}

// Seal encrypts plain. purpose names where the value is kept (such as
// "conversations.data") and is authenticated with it, so that a value
// copied into another column does not open there.
func (k *Keys) Seal(purpose string, plain []byte) []byte {
	nonce := make([]byte, k.aead.NonceSize(), 1+k.aead.NonceSize()+len(plain)+k.aead.Overhead())
	_, _ = rand.Read(nonce)
	out := append([]byte{sealVersion}, nonce...)
	return k.aead.Seal(out, nonce, plain, []byte(purpose))
}

// Open decrypts what Seal made for the same purpose; ErrOpen otherwise.
func (k *Keys) Open(purpose string, sealed []byte) ([]byte, error) {
	n := k.aead.NonceSize()
	if len(sealed) < 1+n+k.aead.Overhead() || sealed[0] != sealVersion {
		return nil, ErrOpen
	}
	plain, err := k.aead.Open(nil, sealed[1:1+n], sealed[1+n:], []byte(purpose))
	if err != nil {
		return nil, ErrOpen
	}
	return plain, nil
}

// Hash is the keyed hash (HMAC-SHA256, 64 hex digits) a value is looked up
// by where it need not be readable. Without the key, a guess (a card number
// with a known prefix, a date of birth) cannot be checked against it.
func (k *Keys) Hash(purpose, value string) string {
	m := k.macs.Get().(hash.Hash)
	defer k.macs.Put(m)
	m.Reset()
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(value))
	var sum [sha256.Size]byte
	return hex.EncodeToString(m.Sum(sum[:0]))
}

// IsHash reports whether s has the shape of a Hash, which no card number,
// tax id or ISO date has.
func IsHash(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// Check is a value stored in the database to recognise its key later: a
// key that gives another check is not the one the data was sealed with.
func (k *Keys) Check() string { return k.Hash("key check", "nazar") }
