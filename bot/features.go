package bot

import (
	"log/slog"

	"github.com/robfig/cron/v3"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/store"
)

// Features are the handlers the bot is built from.
type Features struct {
	Core        *handlers.Core
	Admin       *handlers.Admin
	Digest      *handlers.Digest
	DigestAdmin *handlers.DigestAdmin
	DigestJob   *handlers.DigestJob
	Forms       *handlers.Forms
	Council     *handlers.Council
	Business    *handlers.Business
	Voucher     *handlers.Voucher

	Card       *handlers.Card
	CardAlerts *handlers.CardAlerts // run after imports; polled on card.sync_interval for provider http
}

// NewFeatures builds every feature's handlers from the configuration; log
// receives the features' own log lines (the app's scrubbing logger).
func NewFeatures(cfg config.Config, st *store.Store, log *slog.Logger) (Features, error) {
	loc := cfg.Location()
	schedule, err := cron.ParseStandard(cfg.Digest.Schedule)
	if err != nil {
		return Features{}, err
	}
	f := Features{
		Core:  &handlers.Core{Store: st, City: cfg.City.Name},
		Admin: &handlers.Admin{Store: st, Location: loc},
	}
	f.DigestJob = &handlers.DigestJob{Store: st, City: cfg.City.Name, Location: loc}
	f.Digest = &handlers.Digest{Store: st, Schedule: schedule, Location: loc, City: cfg.City.Name, Job: f.DigestJob}
	f.DigestAdmin = &handlers.DigestAdmin{Store: st, Job: f.DigestJob, Admin: f.Admin}
	f.Admin.Actions = append(f.Admin.Actions, f.DigestAdmin.AdminButtons)
	// An invalid forms file stops start-up, naming the form and step.
	catalog, err := forms.Load(cfg.Forms.File)
	if err != nil {
		return Features{}, err
	}
	f.Forms = &handlers.Forms{Store: st, Catalog: catalog, MaxPerDay: cfg.Forms.MaxPerDay, Location: loc,
		OperatorLanguage: cfg.DefaultLanguage}
	f.Admin.Actions = append(f.Admin.Actions, f.Forms.AdminButtons)
	f.Council = &handlers.Council{Store: st, Location: loc}
	f.Business = &handlers.Business{Store: st, Location: loc, RadiusKM: cfg.Business.RadiusKM,
		NearLimit: cfg.Business.NearLimit, PageSize: cfg.Business.PageSize}
	f.Core.Topics = map[string]handlers.Func{"metrics": f.Council.HelpMetrics}
	f.DigestJob.Council = st.CouncilDecisionTitles
	if f.Card, f.CardAlerts, err = handlers.NewCard(cfg.Card, st, loc); err != nil {
		return Features{}, err
	}
	if f.Voucher, err = handlers.NewVoucher(cfg.Voucher, st, cfg.City.Name, loc, f.Admin); err != nil {
		return Features{}, err
	}
	f.Admin.Actions = append(f.Admin.Actions, f.Voucher.AdminButtons)
	f.Card.Log, f.CardAlerts.Log, f.Voucher.Log = log, log, log
	return f, nil
}
