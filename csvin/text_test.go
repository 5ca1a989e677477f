package csvin

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

func encode1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

// allRows reads every row, returning the first error.
func allRows(t *testing.T, name string, data []byte) ([]map[string]string, *File, error) {
	t.Helper()
	f, err := Parse(name, data)
	if err != nil {
		return nil, nil, err
	}
	var out []map[string]string
	for {
		r, ok, err := f.Next()
		if err != nil || !ok {
			return out, f, err
		}
		m := map[string]string{}
		for _, h := range f.header {
			m[h] = r.Get(strings.ToLower(h))
		}
		out = append(out, m)
	}
}

func TestWindows1251IsReadAndSaid(t *testing.T) {
	text := "id,familyName,name,factionName\n1,Андрухів,Ґрація,\"Об'єднання «Самопоміч» № 1\"\n2,Їжак,Євген,Свобода\n"
	rows, f, err := allRows(t, "deputies.csv", encode1251(t, text))
	require.NoError(t, err)
	assert.Equal(t, Windows1251, f.Encoding)
	require.Len(t, rows, 2)
	assert.Equal(t, "Андрухів", rows[0]["familyName"])
	assert.Equal(t, "Об'єднання «Самопоміч» № 1", rows[0]["factionName"])
	assert.Equal(t, "Їжак", rows[1]["familyName"])

	_, f, err = allRows(t, "utf8.csv", []byte(text))
	require.NoError(t, err)
	assert.Empty(t, f.Encoding, "valid UTF-8 is UTF-8")
}

func TestNotUTF8NorWindows1251IsRefusedAtItsLineAndColumn(t *testing.T) {
	latin1, err := charmap.ISO8859_1.NewEncoder().String("id,name\n1,Anna\n2,Müller Straße\n3,Café\n")
	require.NoError(t, err)
	_, _, err = allRows(t, "latin1.csv", []byte(latin1))
	assert.EqualError(t, err, "latin1.csv:3:2: byte 0xFC is not UTF-8, and the file is not Windows-1251 either: save it as UTF-8")

	// UTF-8 damaged by one cut character: not read as Windows-1251 garbage.
	damaged := []byte("id,name\n1,Андрухів Андрій Васильович\n2,Балог Олег\n")
	damaged = append(damaged[:20:20], damaged[21:]...)
	_, f, err := allRows(t, "damaged.csv", damaged)
	assert.ErrorContains(t, err, "damaged.csv:2:2: byte 0x")
	if f != nil {
		assert.Empty(t, f.Encoding)
	}
}

func TestIsWindows1251Rule(t *testing.T) {
	cp := func(s string) string { return string(encode1251(t, s)) }
	assert.True(t, isWindows1251(cp("Київ, вул. Шевченка, 1 — «Аптека №1»")))
	assert.True(t, isWindows1251(cp("Kиїв (Latin K typed for К), Львів, Одеса, Харків")), "a word now and then with a Latin letter")
	assert.False(t, isWindows1251("\xff\xfei\x00d\x00"), "UTF-16 has NUL bytes")
	assert.False(t, isWindows1251(cp("Київ")+"\x98"), "0x98 is not Windows-1251")
	assert.False(t, isWindows1251("M\xfcller, Caf\xe9, Stra\xdfe"), "Latin-1 puts Cyrillic letters inside Latin words")
	assert.False(t, isWindows1251("\x80\x81\x82\x83\x84\x85\x86\x87"), "signs, not letters")
}

func TestValuesThatAreNotTextAreRefused(t *testing.T) {
	for name, tc := range map[string]struct{ data, want string }{
		"NUL":                {"id,name\n1,ok\n2,a\x00b\n", "n.csv:3:2: a NUL byte is not text (is the file UTF-16, or not a CSV file?)"},
		"NUL quoted":         {"id,name\n1,\"a\nb\x00\"\n", "n.csv:2:2: a NUL byte is not text"},
		"control":            {"id,name\n1,a\x07\n", "n.csv:2:2: the control character U+0007 is not text"},
		"C1":                 {"id,name\n1,a\u0085\n", "n.csv:2:2: the control character U+0085 is not text"},
		"header":             {"id,na\x00me\n1,2\n", "n.csv:1:2: a NUL byte is not text"},
		"blank line":         {"id,name\n\x0b\n", "n.csv:2:1: the control character U+000B is not text"},
		"UTF-16":             {"\xff\xfei\x00d\x00\n\x00", "n.csv:1:1: the file is UTF-16: save it as UTF-8"},
		"UTF-16 without BOM": {"i\x00d\x00\n\x00", "n.csv:1:1: a NUL byte is not text"},
	} {
		_, _, err := allRows(t, "n.csv", []byte(tc.data))
		assert.ErrorContains(t, err, tc.want, name)
	}
	rows, _, err := allRows(t, "ok.csv", []byte("id,name\n1,\"tab\tand\r\nnewline\"\n"))
	require.NoError(t, err)
	assert.Equal(t, "tab\tand\nnewline", rows[0]["name"])
}

func TestRowsMustHaveTheHeadersWidth(t *testing.T) {
	_, _, err := allRows(t, "s.csv", []byte("id,name,until\n1,a,2020-10-20\n2,b\n3,c,\n"))
	assert.EqualError(t, err, `s.csv:3:3: 2 fields, but the header has 3 ("until" and the columns after it are missing)`)

	// A file cut in the middle of its last row.
	_, _, err = allRows(t, "cut.csv", []byte("id,name,until\n1,a,2020-10-20\n2,b"))
	assert.EqualError(t, err, `cut.csv:3:3: 2 fields, but the header has 3 ("until" and the columns after it are missing); `+
		"the last line has no newline: was the file cut short?")
	_, _, err = allRows(t, "cutq.csv", []byte("id,name,until\n1,\"a\nb\",2020-10-20\n2,\"b\""))
	assert.ErrorContains(t, err, "cutq.csv:4:3: 2 fields, but the header has 3")
	assert.ErrorContains(t, err, "was the file cut short?")

	rows, _, err := allRows(t, "whole.csv", []byte("id,name,until\n1,a,2020-10-20\n2,b,"))
	require.NoError(t, err, "a last line without newline but whole is read")
	assert.Len(t, rows, 2)
}

func TestReadFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, 1<<20)
	assert.EqualError(t, err, dir+" is a directory, not a regular file")
	_, err = Open("/dev/zero", 1<<20)
	assert.EqualError(t, err, "/dev/zero is a device, not a regular file")
	fifo := filepath.Join(dir, "vote.csv")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	_, err = Open(fifo, 1<<20)
	assert.EqualError(t, err, fifo+" is a named pipe (FIFO), not a regular file", "refused, not waited on")
}

func TestReadFileRefusesAFileOverTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	require.NoError(t, os.WriteFile(path, []byte("id\n"+strings.Repeat("1\n", 1<<20)), 0o600))
	_, err := Open(path, 1<<20)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, path+" is 3 MB: the file is larger than the import limit of 1 MB")
	f, err := Open(path, 4<<20)
	require.NoError(t, err)
	assert.Equal(t, "big.csv", f.Name)
}
