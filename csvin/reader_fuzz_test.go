package csvin

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// The reader reads any text as encoding/csv does: the same records, each
// starting on the same line, and a failure on the same line. Its own
// splitting of quote-free lines is what this holds to the standard.
func FuzzRecordsMatchEncodingCSV(f *testing.F) {
	for _, seed := range []string{
		"a,b\n1,2\n", "a;b\r\n\r\n1;\"x\ny\"\n2;3\n", "a\n\"open\n", "a,b\n1,2\r", "x\n\n\n2,3,4\nq\"uote\n",
		"a\n\r\n1\r\r\n,\n\r", "id,name\n1,\"Кафе, бар\"\n\n2,\"\"\"quoted\"\"\"\n", "a\nb\r\nc\rd\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := csv.NewReader(strings.NewReader(text))
		want.Comma = rune(delimiter(text))
		want.FieldsPerRecord = -1
		got := &File{Name: "f.csv", text: text, comma: delimiter(text), line: 1}
		for {
			wantRec, wantErr := want.Read()
			rec, line, ok, err := got.record()
			if errors.Is(wantErr, io.EOF) {
				require.NoError(t, err)
				require.False(t, ok, "a record after the end: %q", rec)
				return
			}
			var pe *csv.ParseError
			if errors.As(wantErr, &pe) {
				var e *Error
				require.ErrorAs(t, err, &e, "encoding/csv fails with %v", wantErr)
				require.Equal(t, pe.Line, e.Line, "%v", err)
				return
			}
			require.NoError(t, wantErr)
			require.NoError(t, err)
			require.True(t, ok)
			wantLine, _ := want.FieldPos(0)
			require.Equal(t, wantRec, rec)
			require.Equal(t, wantLine, line, "%q", rec)
		}
	})
}

// Whatever the bytes, every value a file yields is text — valid UTF-8
// without NUL or control characters — and every row has the header's
// width: anything else is refused with an error, never returned.
func FuzzValuesAreText(f *testing.F) {
	for _, seed := range []string{
		"id,name\n1,\xc0\xed\xe4\xf0\xf3\xf5\xb3\xe2\n", "id,name\n1,M\xfcller\n", "id,name,until\n1,a,2020\n2,b",
		"id,name\n1,a\x00b\n", "\xff\xfei\x00d\x00\n\x00", "id,name\n1,\"a\x07\nb\"\n", "id,name\n1,a\u0085\n",
		"id;name\r\n1;\"x\"\"y\"\r\n", "a\n\x0b\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("f.csv", data)
		if err != nil {
			return
		}
		for _, h := range file.header {
			require.Empty(t, badText(h), "header %q", h)
		}
		for {
			row, ok, err := file.Next()
			if err != nil || !ok {
				return
			}
			require.Len(t, row.fields, len(file.header))
			for _, v := range row.fields {
				require.True(t, utf8.ValidString(v), "%q", v)
				require.Empty(t, badText(v), "%q", v)
			}
		}
	})
}
