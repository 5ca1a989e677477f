package bot

import (
	"github.com/transparentcities/nazar/handlers"
	businessh "github.com/transparentcities/nazar/handlers/business"
	cardh "github.com/transparentcities/nazar/handlers/card"
	councilh "github.com/transparentcities/nazar/handlers/council"
	coursesh "github.com/transparentcities/nazar/handlers/courses"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	formsh "github.com/transparentcities/nazar/handlers/forms"
	understandh "github.com/transparentcities/nazar/handlers/understand"
	voucherh "github.com/transparentcities/nazar/handlers/voucher"
)

// Features are the handlers the bot is built from; the composition root
// (package app) builds them from the configuration and hands them to New.
type Features struct {
	Core        *handlers.Core
	Admin       *handlers.Admin
	Digest      *digesth.Digest
	DigestAdmin *digesth.DigestAdmin
	DigestJob   *digesth.DigestJob
	Forms       *formsh.Forms
	Council     *councilh.Council
	Business    *businessh.Business
	Voucher     *voucherh.Voucher
	Courses     *coursesh.Courses

	Card       *cardh.Card
	CardAlerts *cardh.CardAlerts // run after imports; polled on card.sync_interval for provider http

	Understand *understandh.Understand // typed questions (docs/understand.md)
	Names      *understandh.NamesWatch // its deputies' and businesses' names, refreshed after imports

	// Catalog is what app.List declares, checked and put together: the
	// router's tables, setMyCommands, the menu and /help are derived from it.
	Catalog handlers.Catalog
}
