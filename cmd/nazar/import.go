package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/transparentcities/nazar/importer"
)

// runImport is `nazar import DATASET PATH`.
func runImport(ctx context.Context, e *env) error {
	if len(e.args) != 2 {
		return fmt.Errorf("usage: nazar import DATASET PATH (datasets: %s)", strings.Join(importer.Names(), ", "))
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := importer.Run(ctx, importer.Env{Store: st, Config: e.cfg, Progress: e.stderr}, e.args[0], e.args[1])
	if err != nil && !strings.Contains(err.Error(), "\n") {
		return fmt.Errorf("import %s: %w; nothing was changed", e.args[0], err)
	}
	if err != nil {
		return fmt.Errorf("import %s: nothing was changed:\n%w", e.args[0], err)
	}
	fmt.Fprintln(e.stdout, sum.String())
	// A large import leaves a large write-ahead log; fold it in now rather
	// than on the running bot's next write. Failing here loses nothing.
	if err := st.Checkpoint(ctx); err != nil {
		e.log.Warn("checkpoint after import", "err", err)
	}
	return nil
}
