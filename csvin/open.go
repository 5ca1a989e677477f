package csvin

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrTooLarge is returned (wrapped) for a file larger than the limit.
var ErrTooLarge = errors.New("the file is larger than the import limit")

// NotRegularError is returned for a path that is a directory, a device, a
// named pipe or a socket: none of them is a data file, and reading a device
// such as /dev/zero never ends.
type NotRegularError struct {
	Path string
	Kind string // "a directory", "a device", ...
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file", e.Path, e.Kind)
}

// ReadFile reads the regular file at path, refusing anything else and any
// file of more than max bytes. It opens without blocking, so a named pipe
// with no writer is refused rather than waited on, and it checks the
// opened file itself, so the path cannot change between check and read.
// It reads at most max+1 bytes, whatever the size the file claims (files
// of /proc claim 0; a file being appended to grows).
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Kind: kindOf(info.Mode())}
	}
	if info.Size() > max {
		return nil, tooLarge(path, info.Size(), max)
	}
	data := make([]byte, 0, info.Size()+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // let append pick the next size
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, tooLarge(path, int64(len(data)), max)
		}
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func tooLarge(path string, size, max int64) error {
	const mb = 1 << 20
	if size <= max+1 { // read up to the limit: the real size is unknown
		return fmt.Errorf("%s: %w of %d MB", path, ErrTooLarge, max/mb)
	}
	return fmt.Errorf("%s is %d MB: %w of %d MB", path, (size+mb-1)/mb, ErrTooLarge, max/mb)
}

// kindOf names what a non-regular file is, for the error.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file (" + m.Type().String() + ")"
}
