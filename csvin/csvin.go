// Package csvin reads the CSV files of `nazar import` by the rules every
// dataset shares (SPEC §8): UTF-8 with or without a BOM, comma or semicolon,
// header names in any case, unknown columns ignored and named once, and
// errors that name file, line, column and reason.
package csvin

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// File is an open CSV file positioned after its header.
type File struct {
	Name    string // as shown in errors: the base name of the path
	header  []string
	cols    map[string]int // lower-cased header name → index
	r       *csv.Reader
	Unknown []string // header columns the dataset does not know (after Known)
}

// Open reads the file at path.
func Open(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(filepath.Base(path), data)
}

// Parse reads CSV data named name (for error messages).
func Parse(name string, data []byte) (*File, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1 // short rows are reported by Row.Get as empty fields, long ones by Next
	r.ReuseRecord = false
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, &Error{File: name, Line: 1, Reason: "the file is empty: a header row is required"}
	}
	if err != nil {
		return nil, parseError(name, err)
	}
	f := &File{Name: name, header: header, cols: map[string]int{}, r: r}
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
func delimiter(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(line, []byte(";")) > bytes.Count(line, []byte(",")) {
		return ';'
	}
	return ','
}

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

// Next returns the next row; ok is false at the end of the file. Blank
// lines are skipped.
func (f *File) Next() (row Row, ok bool, err error) {
	for {
		rec, err := f.r.Read()
		if errors.Is(err, io.EOF) {
			return Row{}, false, nil
		}
		if err != nil {
			return Row{}, false, parseError(f.Name, err)
		}
		line, _ := f.r.FieldPos(0)
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

func parseError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: name, Line: pe.Line, Column: pe.Column, Reason: pe.Err.Error()}
	}
	return fmt.Errorf("%s: %w", name, err)
}
