package handlers

import "github.com/transparentcities/nazar/locales"

// Feature declares the council section: /council, /deputy NAME, its menu
// button, the council ("cn") and deputy ("dep") pages, the search
// conversations, /help metrics and the followed deputies' pushes.
func (c *Council) Feature() Feature {
	return Feature{
		Name: "council",
		Commands: []Command{
			{Name: "council", Description: locales.ID("council_cmd"), Run: c.Menu, Order: 200},
			{Name: "deputy", Description: locales.ID("council_cmd_deputy"), Run: c.Deputy, Order: 210},
		},
		Menu:       []MenuItem{{Label: locales.ID("council_menu_label"), Command: "council", Order: 200}},
		Buttons:    map[string]Func{string(cnNS): c.Button, string(depNS): c.DeputyButton},
		Steps:      map[string]Func{convCouncil: c.Step},
		DeepLinks:  []DeepLink{{Payload: "council", Command: "council"}, {Payload: "dep_", Command: "deputy"}},
		HelpTopics: map[string]Func{"metrics": c.HelpMetrics},
		Pushes:     []string{"deputy"},
	}
}

// convCouncil is the council's conversation: a name, a deputy to compare
// with, words of a decision.
const convCouncil = "council"

// The council pages' buttons: "1|cn|<action>|<args>".
type cnAction string

const (
	cnNS               Namespace[cnAction] = "cn"
	cnMenu             cnAction            = "m"
	cnFind             cnAction            = "find" // ask for a deputy's name
	cnSessions         cnAction            = "s"    // page
	cnSession          cnAction            = "si"   // session id, page: its agenda
	cnMotion           cnAction            = "mi"   // agenda item id
	cnRollCall         cnAction            = "e"    // vote event id
	cnDecisions        cnAction            = "dec"  // page
	cnDecisionSessions cnAction            = "dsl"  // page: pick a session's decisions
	cnSessionDecisions cnAction            = "ds"   // session id, page
	cnDecisionWords    cnAction            = "dw"   // ask for words of a decision
	cnDrafts           cnAction            = "dr"   // page
	cnFactions         cnAction            = "fl"
	cnFaction          cnAction            = "fc"  // faction id
	cnFactionChart     cnAction            = "fch" // faction id
	cnLeaders          cnAction            = "lb"
	cnLowAttendance    cnAction            = "la"
	cnLowDiscipline    cnAction            = "ld"
	cnMetricsHelp      cnAction            = "hm"
)

// A deputy's buttons: "1|dep|<action>|<deputy id>|…".
type depAction string

const (
	depNS          Namespace[depAction] = "dep"
	depCard        depAction            = "c"
	depVotes       depAction            = "v"   // id, page
	depDrafts      depAction            = "d"   // id, page
	depCompare     depAction            = "cmp" // ask whom to compare with
	depCompareWith depAction            = "cw"  // id, other id
	depChart       depAction            = "ch"
	depFollow      depAction            = "f"
	depUnfollow    depAction            = "u"
)
