//go:build !linux

package main

// releaseExecutablePages does nothing outside Linux: the large-folio
// mapping it undoes is Linux's (see exe_pages_linux.go).
func releaseExecutablePages() (int, error) { return 0, nil }
