package csvin

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"

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
