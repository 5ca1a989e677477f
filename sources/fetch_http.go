package sources

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// userAgent tells a portal's operators who is fetching.
const userAgent = "Nazar city bot (data source fetcher; docs/sources.md)"

// httpClient builds the client of one fetch: connect and header timeouts,
// at most MaxRedirects redirects, and only to http or https.
func httpClient(lim Limits) *http.Client {
	dialer := &net.Dialer{Timeout: lim.ConnectTimeout, KeepAlive: 30 * time.Second}
	tr := &http.Transport{Proxy: http.ProxyFromEnvironment, DialContext: dialer.DialContext,
		TLSHandshakeTimeout: lim.ConnectTimeout, ResponseHeaderTimeout: lim.HeaderTimeout,
		MaxIdleConns: 2, IdleConnTimeout: time.Minute}
	return &http.Client{Transport: tr, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > lim.MaxRedirects {
			return fmt.Errorf("more than %d redirects", lim.MaxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to a %s URL refused (only http and https)", req.URL.Scheme)
		}
		return nil
	}}
}

// fetchHTTP downloads loc into a new folder under tempRoot, asking only for
// content newer than prev.
func fetchHTTP(ctx context.Context, loc location, dataset string, prev Validators, lim Limits,
	tempRoot string) (*Fetched, error) {
	ctx, cancel := context.WithTimeout(ctx, lim.TotalTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, loc.remote.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", loc.shown, err)
	}
	req.Header.Set("User-Agent", userAgent)
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}
	client := httpClient(lim)
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", loc.shown, httpError(ctx, err, lim))
	}
	defer resp.Body.Close()
	got := Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified && (prev.ETag != "" || prev.LastModified != ""):
		return &Fetched{NotModified: true, Validators: prev}, nil
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%s: the server answered %s", loc.shown, resp.Status)
	case resp.ContentLength > lim.MaxBytes:
		return nil, fmt.Errorf("%s: %w (%d MiB): the server announces %d bytes", loc.shown, errTooLarge,
			lim.MaxBytes>>20, resp.ContentLength)
	}
	dir, err := os.MkdirTemp(tempRoot, tempPattern)
	if err != nil {
		return nil, err
	}
	f := &Fetched{Path: filepath.Join(dir, downloadName(loc.remote, dataset)), Validators: got, tempDir: dir}
	if f.Hash, err = saveBody(f.Path, resp, lim.MaxBytes); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %s", loc.shown, httpError(ctx, err, lim))
	}
	return f, nil
}

func saveBody(path string, resp *http.Response, max int64) (string, error) {
	out, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", err
	}
	sum, err := copyCapped(out, resp.Body, max)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return sum, err
}

// httpError says what went wrong without the URL (the caller prefixes the
// redacted one; *url.Error would repeat the user name).
func httpError(ctx context.Context, err error, lim Limits) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("timed out: no complete answer within %s", lim.TotalTimeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Sprintf("timed out (connect %s, headers %s): %v", lim.ConnectTimeout, lim.HeaderTimeout, err)
	}
	return err.Error()
}
