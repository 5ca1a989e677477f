package sources

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// maxZipCSVs bounds how many CSV files one zip may hold: the council's
// layout has eight.
const maxZipCSVs = 64

// zipTotalFactor bounds the bytes all of a zip's CSV files may unpack to,
// as a multiple of import.max_file_mb (which bounds each one).
const zipTotalFactor = 4

// isZip reports whether the file starts like a zip archive.
func isZip(p string) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	return bytes.Equal(head, []byte("PK\x03\x04")) || bytes.Equal(head, []byte("PK\x05\x06")), nil
}

// extractZip unpacks the .csv files of the zip at src into dir, flat (a
// folder inside the zip is fine, its files land side by side), and returns
// their names. It refuses names that climb out (.., absolute paths), links,
// two files of the same name, and more than max bytes in one file or
// zipTotalFactor×max in all. Other files (a README, __MACOSX) are skipped.
func extractZip(src, dir string, max int64) ([]string, error) {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return nil, fmt.Errorf("not a readable zip: %w", err)
	}
	defer zr.Close()
	var names []string
	seen := map[string]bool{}
	total, totalMax := int64(0), zipTotalFactor*max
	for _, zf := range zr.File {
		if err := checkZipName(zf.Name); err != nil {
			return nil, err
		}
		base := path.Base(zf.Name)
		if strings.HasSuffix(zf.Name, "/") || !strings.EqualFold(path.Ext(base), ".csv") ||
			strings.HasPrefix(zf.Name, "__MACOSX/") || strings.HasPrefix(base, "._") {
			continue
		}
		if !zf.Mode().IsRegular() {
			return nil, fmt.Errorf("zip entry %q is not a regular file", zf.Name)
		}
		if seen[strings.ToLower(base)] {
			return nil, fmt.Errorf("the zip holds two files named %s", base)
		}
		seen[strings.ToLower(base)] = true
		if len(names) == maxZipCSVs {
			return nil, fmt.Errorf("the zip holds more than %d CSV files", maxZipCSVs)
		}
		n, err := extractEntry(zf, filepath.Join(dir, base), min(max, totalMax-total))
		if err != nil {
			return nil, fmt.Errorf("zip entry %s: %w", zf.Name, err)
		}
		total += n
		names = append(names, base)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("the zip holds no .csv file")
	}
	return names, nil
}

// checkZipName refuses a name that would land outside the target folder if
// it were unpacked with its path (ours are flattened; such a zip is broken
// or hostile either way).
func checkZipName(name string) error {
	clean := strings.ReplaceAll(name, `\`, "/")
	if path.IsAbs(clean) || filepath.IsAbs(name) || (len(clean) > 1 && clean[1] == ':') {
		return fmt.Errorf("zip entry %q has an absolute path", name)
	}
	for _, part := range strings.Split(clean, "/") {
		if part == ".." {
			return fmt.Errorf("zip entry %q climbs out of the folder (..)", name)
		}
	}
	return nil
}

// extractEntry copies one entry, counting the bytes actually inflated (the
// sizes a zip declares can lie).
func extractEntry(zf *zip.File, dst string, max int64) (int64, error) {
	rc, err := zf.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, io.LimitReader(rc, max+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, err
	}
	if n > max {
		return n, fmt.Errorf("%w, or all files together over %d× that", errTooLarge, zipTotalFactor)
	}
	return n, nil
}
