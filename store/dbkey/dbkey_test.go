package dbkey_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store/dbkey"
)

func keys(t *testing.T) *dbkey.Keys {
	t.Helper()
	k, err := dbkey.Derive(dbkey.New())
	require.NoError(t, err)
	return k
}

func TestSealRoundTrip(t *testing.T) {
	k := keys(t)
	plain := []byte(`{"text":"4111 1111 1111 1111, 01.02.1960"}`)
	sealed := k.Seal("seen_updates.body", plain)
	assert.False(t, bytes.Contains(sealed, []byte("4111")), "the sealed value hides the text")
	got, err := k.Open("seen_updates.body", sealed)
	require.NoError(t, err)
	assert.Equal(t, plain, got)
	assert.NotEqual(t, sealed, k.Seal("seen_updates.body", plain), "a fresh nonce every time")
	empty, err := k.Open("x", k.Seal("x", nil))
	require.NoError(t, err)
	assert.Empty(t, empty)
}

func TestOpenRefusesWrongKeyTamperingAndPurpose(t *testing.T) {
	k, other := keys(t), keys(t)
	sealed := k.Seal("conversations.data", []byte("1960-02-01"))
	_, err := other.Open("conversations.data", sealed)
	assert.ErrorIs(t, err, dbkey.ErrOpen, "another key")
	_, err = k.Open("submissions.answers", sealed)
	assert.ErrorIs(t, err, dbkey.ErrOpen, "another column")
	for i := range sealed {
		bad := bytes.Clone(sealed)
		bad[i] ^= 0x01
		_, err := k.Open("conversations.data", bad)
		assert.ErrorIs(t, err, dbkey.ErrOpen, "byte %d flipped", i)
	}
	_, err = k.Open("conversations.data", sealed[:10])
	assert.ErrorIs(t, err, dbkey.ErrOpen, "cut short")
	_, err = k.Open("conversations.data", []byte(`{"a":"b"}`))
	assert.ErrorIs(t, err, dbkey.ErrOpen, "clear text")
}

func TestHashIsKeyedAndShaped(t *testing.T) {
	k, other := keys(t), keys(t)
	h := k.Hash("card", "4111111111111111")
	assert.True(t, dbkey.IsHash(h))
	assert.Equal(t, h, k.Hash("card", "4111111111111111"))
	assert.NotEqual(t, h, other.Hash("card", "4111111111111111"), "another key")
	assert.NotEqual(t, h, k.Hash("tax", "4111111111111111"), "another purpose")
	for _, clear := range []string{"4111111111111111", "1960-02-01", "3184710691", "12345678"} {
		assert.False(t, dbkey.IsHash(clear), clear)
	}
	assert.Equal(t, k.Check(), k.Check())
	assert.NotEqual(t, k.Check(), other.Check())
}

func TestParseAcceptsHexAndBase64Only(t *testing.T) {
	key := dbkey.New()
	for _, s := range []string{hex.EncodeToString(key), " " + hex.EncodeToString(key) + "\n",
		strings.ToUpper(hex.EncodeToString(key)), base64.StdEncoding.EncodeToString(key)} {
		got, err := dbkey.Parse(s)
		require.NoError(t, err, s)
		assert.Equal(t, key, got)
	}
	for _, s := range []string{"", "abcd", hex.EncodeToString(key[:16]), base64.StdEncoding.EncodeToString(key[:31]),
		hex.EncodeToString(key) + "00", "correct horse battery staple correct horse battery staple ok"} {
		_, err := dbkey.Parse(s)
		require.Error(t, err, s)
		if len(s) > 8 {
			assert.NotContains(t, err.Error(), s, "the secret is not echoed")
		}
	}
}

func TestCreateWrites0600AndNeverReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db.key")
	_, found, err := dbkey.Read(path)
	require.NoError(t, err)
	require.False(t, found)

	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Go(func() {
			k, err := dbkey.Create(path)
			assert.NoError(t, err)
			got[i] = k
		})
	}
	wg.Wait()
	for _, k := range got[1:] {
		assert.Equal(t, got[0], k, "racing starters end with one key")
	}
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	read, found, err := dbkey.Read(path)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, got[0], read)
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".nazar-key-*"))
	assert.Empty(t, left, "no temporary file left behind")

	require.NoError(t, os.WriteFile(path, []byte("short"), 0o600))
	_, _, err = dbkey.Read(path)
	assert.ErrorContains(t, err, "want 32 bytes")
}

// Sealing sits on the path of every update (the inbox) and every outbox
// text: a typical update body is about 600 bytes.
func BenchmarkSealOpen(b *testing.B) {
	k, err := dbkey.Derive(dbkey.New())
	require.NoError(b, err)
	body := bytes.Repeat([]byte("x"), 600)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := k.Open("seen_updates.body", k.Seal("seen_updates.body", body)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHash(b *testing.B) {
	k, err := dbkey.Derive(dbkey.New())
	require.NoError(b, err)
	for b.Loop() {
		k.Hash("card", "9876540000000015")
	}
}
