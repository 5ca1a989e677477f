package council

import (
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// Feature declares the council section: /council, /deputy NAME, its menu
// button, the council ("cn") and deputy ("dep") pages, the search
// conversations, /help metrics and the followed deputies' pushes.
func (c *Council) Feature() handlers.Feature {
	return handlers.Feature{
		Name: "council",
		Commands: []handlers.Command{
			{Name: "council", Description: locales.ID("council_cmd"), Run: c.Menu, Order: 200},
			{Name: "deputy", Description: locales.ID("council_cmd_deputy"), Run: c.Deputy, Order: 210},
		},
		Menu:       []handlers.MenuItem{{Label: locales.ID("council_menu_label"), Command: "council", Order: 200}},
		Buttons:    map[string]handlers.Func{string(CnNS): c.Button, string(DepNS): c.DeputyButton},
		Steps:      map[string]handlers.Func{ConvCouncil: c.Step},
		DeepLinks:  []handlers.DeepLink{{Payload: "council", Command: "council"}, {Payload: "dep_", Command: "deputy"}},
		HelpTopics: map[string]handlers.Func{"metrics": c.HelpMetrics},
		Pushes:     []string{"deputy"},
	}
}

// ConvCouncil is the council's conversation: a name, a deputy to compare
// with, words of a decision.
const ConvCouncil = "council"

// The council pages' buttons: "1|cn|<action>|<args>".
type cnAction string

const (
	CnNS               handlers.Namespace[cnAction] = "cn"
	cnMenu             cnAction                     = "m"
	cnFind             cnAction                     = "find" // ask for a deputy's name
	CnSessions         cnAction                     = "s"    // page
	cnSession          cnAction                     = "si"   // session id, page: its agenda
	cnMotion           cnAction                     = "mi"   // agenda item id
	cnRollCall         cnAction                     = "e"    // vote event id
	CnDecisions        cnAction                     = "dec"  // page
	cnDecisionSessions cnAction                     = "dsl"  // page: pick a session's decisions
	cnSessionDecisions cnAction                     = "ds"   // session id, page
	cnDecisionWords    cnAction                     = "dw"   // ask for words of a decision
	CnDrafts           cnAction                     = "dr"   // page
	CnFactions         cnAction                     = "fl"
	cnFaction          cnAction                     = "fc"  // faction id
	cnFactionChart     cnAction                     = "fch" // faction id
	CnLeaders          cnAction                     = "lb"
	CnLowAttendance    cnAction                     = "la"
	CnLowDiscipline    cnAction                     = "ld"
	cnMetricsHelp      cnAction                     = "hm"
)

// A deputy's buttons: "1|dep|<action>|<deputy id>|…".
type depAction string

const (
	DepNS          handlers.Namespace[depAction] = "dep"
	DepCard        depAction                     = "c"
	depVotes       depAction                     = "v"   // id, page
	depDrafts      depAction                     = "d"   // id, page
	depCompare     depAction                     = "cmp" // ask whom to compare with
	depCompareWith depAction                     = "cw"  // id, other id
	depChart       depAction                     = "ch"
	depFollow      depAction                     = "f"
	depUnfollow    depAction                     = "u"
)
