package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// AdminStore is what the admin panel needs from the store.
type AdminStore interface {
	Audit(ctx context.Context, adminID int64, action, detail string) error
	AuditLog(ctx context.Context, limit int) ([]store.AuditEntry, error)
	LookupLocks(ctx context.Context) ([]store.LookupLock, error)
}

// Admin is the operators' panel. Every admin action, and every refused
// attempt by someone who is not an admin, is written to the audit table.
type Admin struct {
	Store AdminStore
	// Actions add the panel's button rows, one function per feature with
	// admin work (bot.New lists them).
	Actions  []func(req *Request) [][]Button
	Location *time.Location // the city's, for the lock times shown
}

// auditShown is how many recent audit entries the panel lists.
const auditShown = 10

// Panel shows recent admin actions and the features' admin buttons.
func (a *Admin) Panel(ctx context.Context, req *Request) (Response, error) {
	if !req.Admin {
		return a.Refuse(ctx, req, "admin.panel")
	}
	if err := a.Store.Audit(ctx, req.UserID, "admin.panel", ""); err != nil {
		return Response{}, err
	}
	entries, err := a.Store.AuditLog(ctx, auditShown)
	if err != nil {
		return Response{}, err
	}
	var b strings.Builder
	b.WriteString(req.L.T("admin_title"))
	for _, e := range entries {
		fmt.Fprintf(&b, "\n%s · %d · %s", req.L.DateTime(e.At.In(a.location())), e.AdminID, e.Action)
	}
	locks, err := a.Store.LookupLocks(ctx)
	if err != nil {
		return Response{}, err
	}
	b.WriteString("\n\n" + a.locksText(req.L, locks))
	reply := Reply{Text: b.String()}
	for _, rows := range a.Actions {
		reply.Buttons = append(reply.Buttons, rows(req)...)
	}
	return Response{Replies: []Reply{reply}}, nil
}

// Refuse answers a non-admin who tried an admin action, and records the try.
func (a *Admin) Refuse(ctx context.Context, req *Request, action string) (Response, error) {
	if err := a.Store.Audit(ctx, req.UserID, "refused:"+action, ""); err != nil {
		return Response{}, err
	}
	return Text(req.L.T("admin_refused")), nil
}

// locksShown is how many attempt locks the panel lists.
const locksShown = 20

// lockScopeIDs name the lookups guarded by the attempt lock.
var lockScopeIDs = map[string]string{
	store.LookupCard:    locales.ID("admin_lock_scope_card"),
	store.LookupCardApp: locales.ID("admin_lock_scope_card_app"),
	store.LookupVoucher: locales.ID("admin_lock_scope_voucher"),
}

// locksText lists the attempt locks in force (issue 14): a resident who says
// "the bot will not let me check" can be answered, and probing is visible.
func (a *Admin) locksText(l *locales.Localizer, locks []store.LookupLock) string {
	if len(locks) == 0 {
		return l.T("admin_locks_none")
	}
	lines := []string{l.T("admin_locks_title", map[string]any{"Count": len(locks)})}
	for _, k := range locks[:min(len(locks), locksShown)] {
		scope := k.Scope
		if id, ok := lockScopeIDs[k.Scope]; ok {
			scope = l.T(id)
		}
		who := l.T("admin_lock_user", map[string]any{"User": k.UserID})
		if k.Label != "" {
			who = k.Label
		}
		lines = append(lines, fmt.Sprintf("%s · %s · %s", scope, who,
			l.T("admin_lock_until", map[string]any{"Until": l.DateTime(k.Until.In(a.location()))})))
	}
	return strings.Join(lines, "\n")
}

func (a *Admin) location() *time.Location {
	if a.Location != nil {
		return a.Location
	}
	return time.UTC
}
