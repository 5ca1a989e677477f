package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/transparentcities/nazar/store"
)

// AdminStore is what the admin panel needs from the store.
type AdminStore interface {
	Audit(ctx context.Context, adminID int64, action, detail string) error
	AuditLog(ctx context.Context, limit int) ([]store.AuditEntry, error)
}

// Admin is the operators' panel. Every admin action, and every refused
// attempt by someone who is not an admin, is written to the audit table.
type Admin struct {
	Store AdminStore
	// Actions add the panel's button rows, one function per feature with
	// admin work (bot.New lists them).
	Actions []func(req *Request) [][]Button
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
		fmt.Fprintf(&b, "\n%s · %d · %s", req.L.DateTime(e.At), e.AdminID, e.Action)
	}
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
