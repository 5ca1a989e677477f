package sources

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/transparentcities/nazar/store"
)

// WriteStatus prints each configured source: state, last fetch, last
// change, rows, failures, next run and URL (credentials hidden), and under
// a failing source its last error.
func (r *Runner) WriteStatus(ctx context.Context, w io.Writer) error {
	if len(r.cfg.Sources) == 0 {
		_, err := fmt.Fprintln(w, "no sources configured (config key sources:, docs/sources.md)")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tDATASET\tSTATE\tLAST FETCH\tLAST CHANGE\tROWS\tFAILURES\tNEXT RUN\tURL")
	var errs []string
	for _, src := range r.cfg.Sources {
		st, err := r.store.SourceStateOf(ctx, src.NameOrDataset())
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", st.Name, src.Dataset, st.State, r.when(st.LastFetch),
			r.when(st.LastChange), st.Rows, st.Failures, r.when(r.nextRun(src)), redact(src.URL))
		if st.LastError != "" {
			errs = append(errs, fmt.Sprintf("%s: last error: %s", st.Name, st.LastError))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range errs {
		fmt.Fprintln(w, e)
	}
	return nil
}

// WriteResults prints what `nazar sources run` did, one line per source.
func WriteResults(w io.Writer, results []Result) {
	for _, res := range results {
		name := res.State.Name
		switch {
		case res.State.State == store.SourceFailed:
			fmt.Fprintf(w, "%s: failed (the data imported before stays): %s\n", name, res.State.LastError)
		case res.Imported:
			fmt.Fprintf(w, "%s: imported\n%s\n", name, indent(res.Summary))
		default:
			fmt.Fprintf(w, "%s: unchanged\n", name)
		}
	}
}

func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }

func (r *Runner) when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.In(r.loc).Format("2006-01-02 15:04 MST")
}
