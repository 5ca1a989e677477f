// Package csvin reads the CSV files of `nazar import` by the rules every
// dataset shares (SPEC §8): UTF-8 with or without a BOM, comma or semicolon,
// header names in any case, unknown columns ignored and named once, and
// errors that name file, line, column and reason.
package csvin

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unsafe"
)

// File is an open CSV file positioned after its header.
type File struct {
	Name    string // as shown in errors: the base name of the path
	header  []string
	cols    map[string]int // lower-cased header name → index
	Unknown []string       // header columns the dataset does not know (after Known)

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
}

// Open reads the file at path.
func Open(path string) (*File, error) {
	data, err := os.ReadFile(path)
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
	f := &File{Name: name, cols: map[string]int{}, text: text, comma: delimiter(text), line: 1}
	header, _, ok, err := f.record()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &Error{File: name, Line: 1, Reason: "the file is empty: a header row is required"}
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
			f.quoted.FieldsPerRecord = -1 // short rows are reported by Row.Get as empty fields, long ones by Next
			f.base = f.line - 1
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
		return nil, 0, false, nil
	}
	rec, err := f.quoted.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, false, nil
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
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) > len(f.header) {
			return Row{}, false, &Error{File: f.Name, Line: line, Column: len(f.header) + 1,
				Reason: fmt.Sprintf("%d fields, but the header has %d", len(rec), len(f.header))}
		}
		return Row{f: f, Line: line, fields: rec}, true, nil
	}
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
