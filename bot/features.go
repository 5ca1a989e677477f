package bot

import (
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
}

// NewFeatures builds every feature's handlers from the configuration.
func NewFeatures(cfg config.Config, st *store.Store) (Features, error) {
	loc := cfg.Location()
	schedule, err := cron.ParseStandard(cfg.Digest.Schedule)
	if err != nil {
		return Features{}, err
	}
	f := Features{
		Core:  &handlers.Core{Store: st, City: cfg.City.Name},
		Admin: &handlers.Admin{Store: st},
	}
	f.Digest = &handlers.Digest{Store: st, Schedule: schedule, Location: loc}
	f.DigestJob = &handlers.DigestJob{Store: st, City: cfg.City.Name, Location: loc}
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
	f.Core.Topics = map[string]handlers.Func{"metrics": f.Council.HelpMetrics}
	f.DigestJob.Council = st.CouncilDecisionTitles
	return f, nil
}
