package sources

import (
	"time"

	"github.com/transparentcities/nazar/store"
)

// outcome is what one run of a source ended with.
type outcome struct {
	at       time.Time
	dataset  string
	imported bool // changed content was imported
	rows     int
	valid    Validators // of the content now current (on success)
	hash     string     // of the content now current; "" = unchanged (304)
	err      string     // the failure, redacted and scrubbed; "" = success
	badHash  string     // the content whose import failed; "" = keep the one known
}

// change is a change of state the admins are told about.
type change int

const (
	noChange  change = iota
	failed           // new or ok → failed
	recovered        // failed → ok
)

// nextState is the state after an outcome and the change to announce. A
// success keeps the validators and hash of the content now imported; a
// failure keeps everything of the last good import, so the next run asks
// for content newer than the good one, not the broken one.
func nextState(prev store.SourceState, o outcome) (store.SourceState, change) {
	next := prev
	next.Dataset, next.LastFetch = o.dataset, o.at
	if o.err != "" {
		next.State, next.LastError = store.SourceFailed, o.err
		next.Failures++
		if o.badHash != "" {
			next.FailedHash = o.badHash
		}
	} else {
		next.State, next.LastError, next.FailedHash, next.LastSuccess = store.SourceOK, "", "", o.at
		next.ETag, next.LastModified = o.valid.ETag, o.valid.LastModified
		if o.hash != "" {
			next.Hash = o.hash
		}
		if o.imported {
			next.Rows, next.LastChange = o.rows, o.at
		}
	}
	c := noChange
	switch {
	case next.State == store.SourceFailed && prev.State != store.SourceFailed:
		c = failed
	case next.State == store.SourceOK && prev.State == store.SourceFailed:
		c = recovered
	}
	if c != noChange {
		next.Transitions++
	}
	return next, c
}
