// Package app is the composition root: it builds every feature's handlers
// from the configuration and the store, and the bot from them. cmd/nazar,
// the test harness (bot/bottest) and the whole-system benchmarks all build
// through it, so there is one place that says what the bot is made of.
package app

import (
	"fmt"
	"log/slog"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/demo"
	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/handlers"
	businessh "github.com/transparentcities/nazar/handlers/business"
	cardh "github.com/transparentcities/nazar/handlers/card"
	councilh "github.com/transparentcities/nazar/handlers/council"
	coursesh "github.com/transparentcities/nazar/handlers/courses"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	formsh "github.com/transparentcities/nazar/handlers/forms"
	understandh "github.com/transparentcities/nazar/handlers/understand"
	voucherh "github.com/transparentcities/nazar/handlers/voucher"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/understand"
)

// List is the bot's sections, each declared once by its handlers
// (handlers.Feature). The router's tables, setMyCommands, the main menu,
// /help, the deep links and the admin panel's rows (in this order) are all
// derived from it: adding a section is building its handlers in NewFeatures
// and one line here.
func List(f bot.Features) []handlers.Feature {
	return []handlers.Feature{
		f.Core.Feature(),
		f.Admin.Feature(),
		f.Card.Feature(),
		f.Council.Feature(),
		f.Business.Feature(),
		digesth.DigestFeature(f.Digest, f.DigestAdmin),
		f.Forms.Feature(),
		f.Courses.Feature(),
		f.Voucher.Feature(),
		f.Understand.Feature(),
	}
}

// NewFeatures builds every feature's handlers from the configuration; log
// receives the features' own log lines (the app's scrubbing logger).
func NewFeatures(cfg config.Config, st *store.Store, log *slog.Logger) (bot.Features, error) {
	loc := cfg.Location()
	// In the city's zone unless the expression names one (CRON_TZ=).
	schedule, err := cfg.Digest.ParseSchedule(loc)
	if err != nil {
		return bot.Features{}, fmt.Errorf("digest.schedule: %w", err)
	}
	f := bot.Features{
		Core:  &handlers.Core{Store: st, City: cfg.City.Name},
		Admin: &handlers.Admin{Store: st, Location: loc},
	}
	f.DigestJob = &digesth.DigestJob{Store: st, City: cfg.City.Name, Location: loc}
	f.Digest = &digesth.Digest{Store: st, Schedule: schedule, Location: loc, City: cfg.City.Name, Job: f.DigestJob}
	f.DigestAdmin = &digesth.DigestAdmin{Store: st, Job: f.DigestJob, Admin: f.Admin}
	// An invalid forms file stops start-up, naming the form and step.
	catalog, err := forms.Load(cfg.Forms.File)
	if err != nil {
		return bot.Features{}, err
	}
	f.Forms = &formsh.Forms{Store: st, Catalog: catalog, MaxPerDay: cfg.Forms.MaxPerDay, Location: loc,
		OperatorLanguage: cfg.DefaultLanguage}
	// An invalid courses file stops start-up too, naming file:line, course and lesson.
	courseCatalog, err := courses.Load(cfg.Courses.File, demo.Courses)
	if err != nil {
		return bot.Features{}, err
	}
	f.Courses = &coursesh.Courses{Store: st, Catalog: courseCatalog, Location: loc, Admin: f.Admin}
	f.Core.Courses = courseCatalog
	f.Forms.More = append(f.Forms.More, f.Courses.ServicesButtons)
	f.Council = &councilh.Council{Store: st, Location: loc, MiniAppURL: cfg.MiniApp.PublicURL}
	f.Business = &businessh.Business{Store: st, Location: loc, RadiusKM: cfg.Business.RadiusKM,
		NearLimit: cfg.Business.NearLimit, PageSize: cfg.Business.PageSize, MiniAppURL: cfg.MiniApp.PublicURL}
	f.DigestJob.Council = st.CouncilDecisionTitles
	if f.Card, f.CardAlerts, err = cardh.NewCard(cfg.Card, st, loc); err != nil {
		return bot.Features{}, err
	}
	if f.Voucher, err = voucherh.NewVoucher(cfg.Voucher, st, cfg.City.Name, loc, f.Admin); err != nil {
		return bot.Features{}, err
	}
	f.Card.Log, f.CardAlerts.Log, f.Voucher.Log = log, log, log
	if err := addUnderstand(&f, st); err != nil {
		return bot.Features{}, err
	}
	if f.Catalog, err = handlers.NewCatalog(List(f)); err != nil {
		return bot.Features{}, err
	}
	// /help and the admin panel list what the features declared.
	f.Core.Commands, f.Core.Topics, f.Admin.Actions = f.Catalog.Listed(), f.Catalog.HelpTopics, f.Catalog.Admin
	return f, nil
}

// addUnderstand builds the answers to typed questions over every other
// feature: the word lists of locales/intents.*.yaml plus the titles of the
// city's forms and pages.
func addUnderstand(f *bot.Features, st *store.Store) error {
	lx, err := understand.LoadLexicon(locales.IntentFiles())
	if err != nil {
		return err
	}
	engine := understand.New(lx)
	for _, form := range f.Forms.Catalog.Forms {
		for _, title := range form.Title {
			engine.AddTitle("form."+form.ID, title)
		}
	}
	for _, page := range f.Forms.Catalog.Pages {
		for _, title := range page.Title {
			engine.AddTitle("page."+page.ID, title)
		}
	}
	f.Understand = &understandh.Understand{Engine: engine, Store: st, Core: f.Core, Admin: f.Admin, Card: f.Card,
		Council: f.Council, Business: f.Business, Voucher: f.Voucher, Digest: f.Digest, DigestJob: f.DigestJob, Forms: f.Forms,
		Courses: f.Courses}
	f.Business.Categories = f.Understand // English category words find Ukrainian businesses
	f.Names = &understandh.NamesWatch{Engine: engine, Store: st}
	return nil
}
