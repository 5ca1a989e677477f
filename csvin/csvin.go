// Package csvin reads the CSV files of `nazar import` by the rules every
// dataset shares (SPEC §8): UTF-8 with or without a BOM (or Windows-1251,
// see isWindows1251), comma or semicolon, header names in any case, unknown
// columns ignored and named once, every row as many fields as the header,
// values that are text (no NUL or control bytes), and errors that name
// file, line, column and reason.
package csvin

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// File is an open CSV file positioned after its header.
type File struct {
	Name    string // as shown in errors: the base name of the path
	header  []string
	cols    map[string]int // lower-cased header name → index
	Unknown []string       // header columns the dataset does not know (after Known)
	// Encoding is "" for UTF-8, or Windows1251 for a file read as such.
	Encoding string

	// The rows' values are substrings of text, and a quote-free line is
	// split into the one fields slice: a million rows allocate nothing.
	// From the first quote on, encoding/csv reads the rest of the file, so
	// quoting follows its rules exactly.
	text   string
	fields []string
	comma  byte
	pos    int // offset in text of the next line
	line   int // number of that line
	quoted *csv.Reader
	base   int // the line the quoted reader started on, less one
	qlen   int // the length of the text the quoted reader reads
	// check is set when the text has bytes that are not text: every
	// value is then checked, to name the line and column of the first.
	check bool
}

// Open reads the regular file at path, of at most max bytes (ReadFile).
func Open(path string, max int64) (*File, error) {
	data, err := ReadFile(path, max)
	if err != nil {
		return nil, err
	}
	// The file's bytes become the text without a copy (a vote file is tens
	// of megabytes): nothing else holds them, and nothing writes them.
	return parse(filepath.Base(path), unsafe.String(unsafe.SliceData(data), len(data)))
}

// Parse reads CSV data named name (for error messages).
func Parse(name string, data []byte) (*File, error) {
	return parse(name, string(data))
}

func parse(name, text string) (*File, error) {
	text = strings.TrimPrefix(text, "\xef\xbb\xbf")
	f := &File{Name: name, cols: map[string]int{}, line: 1}
	if strings.HasPrefix(text, "\xff\xfe") || strings.HasPrefix(text, "\xfe\xff") {
		return nil, &Error{File: name, Line: 1, Column: 1, Reason: "the file is UTF-16: save it as UTF-8"}
	}
	valid := utf8.ValidString(text) // one pass over a file of tens of megabytes, not two
	if !valid && isWindows1251(text) {
		text, f.Encoding = decode1251(text), Windows1251
		valid = utf8.ValidString(text)
	}
	f.text, f.comma = text, delimiter(text)
	f.check = !plain(text) || !valid
	header, line, ok, err := f.record()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &Error{File: name, Line: 1, Reason: "the file is empty: a header row is required"}
	}
	if err := f.checkText(header, line); err != nil {
		return nil, err
	}
	f.header = slices.Clone(header)
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		if _, dup := f.cols[key]; dup {
			return nil, &Error{File: name, Line: 1, Column: i + 1, Reason: fmt.Sprintf("column %q appears twice", h)}
		}
		f.cols[key] = i
	}
	return f, nil
}

// delimiter picks ';' when the header line has more semicolons than commas.
func delimiter(text string) byte {
	line, _, _ := strings.Cut(text, "\n")
	if strings.Count(line, ";") > strings.Count(line, ",") {
		return ';'
	}
	return ','
}

// record reads the next record as encoding/csv would (empty lines skipped,
// CRLF read as LF, any number of fields) and the line it starts on; ok is
// false at the end of the text.
func (f *File) record() (fields []string, line int, ok bool, err error) {
	for f.quoted == nil && f.pos < len(f.text) {
		rest := f.text[f.pos:]
		end, next := len(rest), len(rest)
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			end, next = i, i+1
		}
		raw := rest[:end]
		if strings.IndexByte(raw, '"') >= 0 {
			f.quoted = csv.NewReader(strings.NewReader(rest))
			f.quoted.Comma = rune(f.comma)
			f.quoted.FieldsPerRecord = -1 // short and long rows are reported by Next
			f.base, f.qlen = f.line-1, len(rest)
			break
		}
		line = f.line
		f.pos += next
		f.line++
		if raw = strings.TrimSuffix(raw, "\r"); raw != "" {
			return f.split(raw), line, true, nil
		}
	}
	if f.quoted == nil {
		return nil, 0, false, f.unreported()
	}
	rec, err := f.quoted.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, false, f.unreported()
	}
	if err != nil {
		return nil, 0, false, f.parseError(err)
	}
	line, _ = f.quoted.FieldPos(0)
	return rec, f.base + line, true, nil
}

// split cuts a quote-free line at each comma into f.fields.
func (f *File) split(line string) []string {
	f.fields = f.fields[:0]
	for {
		i := strings.IndexByte(line, f.comma)
		if i < 0 {
			f.fields = append(f.fields, line)
			return f.fields
		}
		f.fields = append(f.fields, line[:i])
		line = line[i+1:]
	}
}

// Next returns the next row; ok is false at the end of the file. Blank
// lines are skipped. A row is valid until the next call; the strings it
// returns stay valid.
func (f *File) Next() (row Row, ok bool, err error) {
	for {
		rec, line, ok, err := f.record()
		if !ok || err != nil {
			return Row{}, false, err
		}
		if err := f.checkText(rec, line); err != nil {
			return Row{}, false, err
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if err := f.checkWidth(rec, line); err != nil {
			return Row{}, false, err
		}
		return Row{f: f, Line: line, fields: rec}, true, nil
	}
}

// checkWidth refuses a row with fewer or more fields than the header. A
// short last line without its newline is most often a file cut short
// (a copy or a download that stopped): the error says so.
func (f *File) checkWidth(rec []string, line int) error {
	n, want := len(rec), len(f.header)
	switch {
	case n > want:
		return &Error{File: f.Name, Line: line, Column: want + 1,
			Reason: fmt.Sprintf("%d fields, but the header has %d", n, want)}
	case n < want:
		reason := fmt.Sprintf("%d fields, but the header has %d (%q and the columns after it are missing)",
			n, want, f.header[n])
		if f.atCutEnd() {
			reason += "; the last line has no newline: was the file cut short?"
		}
		return &Error{File: f.Name, Line: line, Column: n + 1, Reason: reason}
	}
	return nil
}

// atCutEnd reports whether the record just read ends the text and the text
// does not end with a newline.
func (f *File) atCutEnd() bool {
	if strings.HasSuffix(f.text, "\n") {
		return false
	}
	if f.quoted != nil {
		return f.quoted.InputOffset() >= int64(f.qlen)
	}
	return f.pos >= len(f.text)
}

// checkText refuses a record with a value that is not text, naming its
// line and column. Files without such bytes (plain and valid UTF-8, or
// read as Windows-1251) are not looked at value by value.
func (f *File) checkText(rec []string, line int) error {
	if !f.check {
		return nil
	}
	for i, v := range rec {
		if reason := badText(v); reason != "" {
			f.check = false // reported: the rest of the file is not looked at
			return &Error{File: f.Name, Line: line, Column: i + 1, Reason: reason}
		}
	}
	return nil
}

// unreported is the end of the text: nil, unless the text had bytes that are
// not text and no value showed them (they are then outside any value the
// reader returns), which is still refused.
func (f *File) unreported() error {
	if !f.check {
		return nil
	}
	f.check = false
	line := 1 + strings.Count(f.text[:firstBad(f.text)], "\n")
	return &Error{File: f.Name, Line: line, Reason: "the file has bytes that are not text"}
}

// firstBad is the offset of the first byte that is not text.
func firstBad(text string) int {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if (r == utf8.RuneError && size == 1) || badText(text[i:i+size]) != "" {
			return i
		}
		i += size
	}
	return len(text)
}

// Lines is the number of lines of the file: enough room for its rows.
func (f *File) Lines() int { return strings.Count(f.text, "\n") + 1 }

// Require fails, naming the first missing one, unless every column is present.
func (f *File) Require(cols ...string) error {
	for _, c := range cols {
		if _, ok := f.cols[c]; !ok {
			return &Error{File: f.Name, Line: 1, Reason: fmt.Sprintf("required column %q is missing", c)}
		}
	}
	return nil
}

// Known records which columns the dataset reads; the others are listed in Unknown.
func (f *File) Known(cols ...string) {
	known := map[string]bool{}
	for _, c := range cols {
		known[c] = true
	}
	f.Unknown = nil
	for _, h := range f.header {
		if !known[strings.ToLower(strings.TrimSpace(h))] {
			f.Unknown = append(f.Unknown, h)
		}
	}
}

// Column is the 1-based position of a column in the header, 0 when absent.
func (f *File) Column(col string) int {
	if i, ok := f.cols[col]; ok {
		return i + 1
	}
	return 0
}

// Has reports whether the header has a column.
func (f *File) Has(col string) bool { _, ok := f.cols[col]; return ok }

// Row is one data row.
type Row struct {
	f      *File
	Line   int
	fields []string
}

// Get returns the trimmed value of a column ("" when absent or short).
func (r Row) Get(col string) string {
	i, ok := r.f.cols[col]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// At returns the trimmed value of the column at index i (File.Column less
// one; "" when short): Get without the look-up by name, for files of a
// million rows.
func (r Row) At(i int) string {
	if i < 0 || i >= len(r.fields) {
		return ""
	}
	return trimSpace(r.fields[i])
}

// trimSpace is strings.TrimSpace, which goes the slow way, rune by rune,
// for every value that begins with a letter that is not ASCII: it trims
// only where an end byte can belong to a white-space character.
func trimSpace(v string) string {
	if v == "" || spaceFirst(v[0]) || spaceLast(v[len(v)-1]) {
		return strings.TrimSpace(v)
	}
	return v
}

// spaceFirst reports whether a white-space character (unicode.IsSpace) can
// begin with byte b: ASCII space, or the lead byte of U+0085, U+00A0
// (C2), U+1680 (E1), U+2000–U+205F (E2), U+3000 (E3).
func spaceFirst(b byte) bool {
	return asciiSpace(b) || b == 0xc2 || b == 0xe1 || b == 0xe2 || b == 0xe3
}

// spaceLast reports whether a white-space character can end with byte b:
// ASCII space, or the last byte of U+0085, U+00A0, U+1680, U+2000–U+200A,
// U+2028, U+2029, U+202F, U+205F, U+3000.
func spaceLast(b byte) bool {
	switch {
	case asciiSpace(b), b >= 0x80 && b <= 0x8a:
		return true
	}
	return b == 0x9f || b == 0xa0 || b == 0xa8 || b == 0xa9 || b == 0xaf
}

func asciiSpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }

// Errorf builds an error at this row and the given column.
func (r Row) Errorf(col, format string, args ...any) *Error {
	column := 0
	if i, ok := r.f.cols[col]; ok {
		column = i + 1
	}
	return &Error{File: r.f.Name, Line: r.Line, Column: column, Col: col, Reason: fmt.Sprintf(format, args...)}
}

// parseError places an error of the quoted reader in the file.
func (f *File) parseError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: f.Name, Line: f.base + pe.Line, Column: pe.Column, Reason: pe.Err.Error()}
	}
	return fmt.Errorf("%s: %w", f.Name, err)
}
