package main

import (
	"bufio"
	endian "encoding/binary"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// releaseExecutablePages hands back the pages of the binary's own file
// mappings (code, read-only data, the fonts and tables in its data) that
// start-up brought in, keeping every page the program has written.
//
// Why: the kernel keeps a freshly built or read binary in the page cache as
// large folios (up to 2 MB) and maps a whole folio when any byte of it is
// touched, so after start-up nearly the whole 37 MB binary counts as
// resident although an idle bot runs a few megabytes of it. MADV_RANDOM
// turns readahead off for these mappings, so a page needed again is read
// alone, into a small folio; MADV_PAGEOUT then drops what is mapped now.
// What an idle bot runs comes back within a poll or two, page by page;
// a feature used later costs a few 4 kB reads from the page cache or disk.
//
// A binary built moments before it started (make build, then run) still has
// dirty pages in the page cache, which the kernel does not page out; so the
// file is synced first, which costs nothing once it is on disk.
//
// Only pages that are still the file's own are paged out (/proc/self/pagemap
// tells them apart from copied-on-write ones), so nothing the program wrote
// goes to swap. The kernel pages out file pages only for the owner of the
// binary (or root, or who may write it). For anyone else the read-only
// mappings (code, tables) are unmapped instead (MADV_DONTNEED), which the
// kernel maps back a large folio at a time, and the data mapping stays.
// Kernels before 5.4 lack MADV_PAGEOUT and refuse it: no change there.
func releaseExecutablePages() (released int, err error) {
	if err := syncExecutable(); err != nil {
		return 0, err
	}
	maps, err := executableMappings()
	if err != nil {
		return 0, err
	}
	pagemap, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return 0, err
	}
	defer pagemap.Close()
	for _, m := range maps {
		if err := madvise(m.start, m.end-m.start, unix.MADV_RANDOM); err != nil {
			return released, err
		}
		runs, err := filePageRuns(pagemap, m)
		if err != nil {
			return released, err
		}
		for _, r := range runs {
			if err := madvise(r.start, r.end-r.start, unix.MADV_PAGEOUT); err != nil {
				return released, err
			}
			released += int(r.end - r.start)
		}
		if !m.writable {
			// Where the kernel refused the page-out (someone else's binary),
			// unmap: nobody can write these pages, so each equals the file
			// and a later fault reads it back. Pages paged out are no-ops.
			for _, r := range runs {
				if err := madvise(r.start, r.end-r.start, unix.MADV_DONTNEED); err != nil {
					return released, err
				}
			}
		}
	}
	return released, nil
}

// syncExecutable writes the binary's dirty pages, if any, to disk.
func syncExecutable() error {
	f, err := os.Open("/proc/self/exe")
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// span is an address range [start, end).
type span struct{ start, end uintptr }

// mapping is one of the binary's mappings in /proc/self/maps.
type mapping struct {
	span
	writable bool
}

// executableMappings lists the mappings of the running binary's file in
// /proc/self/maps, found by its path or by device and inode (on overlayfs,
// as in a container, maps shows the underlying file's device and inode).
func executableMappings() ([]mapping, error) {
	path, err := os.Readlink("/proc/self/exe")
	if err != nil {
		return nil, err
	}
	var st unix.Stat_t
	if err := unix.Stat("/proc/self/exe", &st); err != nil {
		return nil, err
	}
	dev := fmt.Sprintf("%02x:%02x", unix.Major(st.Dev), unix.Minor(st.Dev))
	ino := strconv.FormatUint(st.Ino, 10)
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []mapping
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// start-end perms offset dev inode path (the path may hold spaces)
		fields := strings.SplitN(sc.Text(), " ", 6)
		if len(fields) < 6 {
			continue
		}
		samePath := strings.TrimLeft(fields[5], " ") == path
		if !samePath && (fields[3] != dev || fields[4] != ino) {
			continue
		}
		lo, hi, _ := strings.Cut(fields[0], "-")
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			return nil, fmt.Errorf("/proc/self/maps: bad range %q", fields[0])
		}
		out = append(out, mapping{span{uintptr(start), uintptr(end)}, strings.Contains(fields[1], "w")})
	}
	return out, sc.Err()
}

// pagemap entry bits (Documentation/admin-guide/mm/pagemap.rst).
const (
	pagePresent = 1 << 63
	pageSwapped = 1 << 62
	pageFile    = 1 << 61 // file page or shared anonymous
)

// filePageRuns splits m into runs of pages that are not private copies:
// absent, or present as the file's page. Copied-on-write pages (the
// binary's written data, relocations) are left out.
func filePageRuns(pagemap *os.File, m mapping) ([]span, error) {
	size := uintptr(os.Getpagesize())
	n := (m.end - m.start) / size
	buf := make([]byte, n*8)
	if _, err := pagemap.ReadAt(buf, int64(m.start/size*8)); err != nil {
		return nil, err
	}
	var runs []span
	for i := uintptr(0); i < n; i++ {
		e := endian.LittleEndian.Uint64(buf[i*8:])
		own := e&pageSwapped == 0 && (e&pagePresent == 0 || e&pageFile != 0)
		addr := m.start + i*size
		switch {
		case !own:
		case len(runs) > 0 && runs[len(runs)-1].end == addr:
			runs[len(runs)-1].end = addr + size
		default:
			runs = append(runs, span{addr, addr + size})
		}
	}
	return runs, nil
}

func madvise(addr, length uintptr, advice int) error {
	if _, _, errno := unix.Syscall(unix.SYS_MADVISE, addr, length, uintptr(advice)); errno != 0 {
		return errno
	}
	return nil
}
