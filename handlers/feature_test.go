package handlers

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/callback"
)

func nop(context.Context, *Request) (Response, error) { return Response{}, nil }

func TestCatalogRefusesTwoFeaturesClaimingOneThing(t *testing.T) {
	base := Feature{Name: "a", Commands: []Command{{Name: "a", Run: nop}},
		Buttons: map[string]Func{"x": nop}, Steps: map[string]Func{"x": nop},
		DeepLinks: []DeepLink{{Payload: "a_", Command: "a"}}, Pushes: []string{"a"}}
	tests := []struct {
		name  string
		other Feature
		want  string
	}{
		{"command", Feature{Name: "b", Commands: []Command{{Name: "a", Run: nop}}}, `features "a" and "b" both declare command a`},
		{"namespace", Feature{Name: "b", Buttons: map[string]Func{"x": nop}}, `both declare callback namespace x`},
		{"conversation", Feature{Name: "b", Steps: map[string]Func{"x": nop}}, `both declare conversation x`},
		{"deep link", Feature{Name: "b", DeepLinks: []DeepLink{{Payload: "a_", Command: "a"}}}, `both declare deep link a_`},
		{"push kind", Feature{Name: "b", Pushes: []string{"a"}}, `both declare push kind a`},
		{"menu of nothing", Feature{Name: "b", Menu: []MenuItem{{Label: "m", Command: "zzz"}}}, `opens /zzz, which no feature declares`},
		{"deep link to nothing", Feature{Name: "b", DeepLinks: []DeepLink{{Payload: "q", Command: "zzz"}}}, `deep link "q" opens /zzz`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCatalog([]Feature{base, tt.other})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	c, err := NewCatalog([]Feature{base})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a_": "a"}, c.DeepLinks)
}

func TestCatalogOrdersCommandsAndMenuStably(t *testing.T) {
	c, err := NewCatalog([]Feature{
		{Name: "late", Commands: []Command{{Name: "z", Order: 900}, {Name: "hidden", Hidden: true, Order: 1}},
			Menu: []MenuItem{{Label: "z", Command: "z", Order: 900}}},
		{Name: "early", Commands: []Command{{Name: "b", Order: 10}, {Name: "a", Order: 10}},
			Menu: []MenuItem{{Label: "b", Command: "b", Order: 10}, {Label: "a", Command: "a", Order: 10}}},
	})
	require.NoError(t, err)
	var names, labels []string
	for _, cmd := range c.Listed() {
		names = append(names, cmd.Name)
	}
	for _, m := range c.Menu {
		labels = append(labels, m.Label)
	}
	assert.Equal(t, []string{"b", "a", "z"}, names, "by order, then as declared; hidden commands are not listed")
	assert.Equal(t, []string{"b", "a", "z"}, labels)
	_, ok := c.Handler("hidden")
	assert.True(t, ok, "a hidden command is still routed")
}

// The bytes of every button already sent to users' chats must keep meaning
// the same thing: each typed action is pinned to its code on the wire.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		langNS.Data(langSet, "uk"): "1|lang|set|uk", privacyNS.Data(privacyAsk): "1|privacy|ask",
		privacyNS.Data(privacyDelete): "1|privacy|delete", privacyNS.Data(privacyKeep): "1|privacy|keep",

		cnNS.Data(cnMenu): "1|cn|m", cnNS.Data(cnFind): "1|cn|find", cnNS.Data(cnSessions): "1|cn|s",
		cnNS.Data(cnSession): "1|cn|si", cnNS.Data(cnMotion): "1|cn|mi", cnNS.Data(cnRollCall): "1|cn|e",
		cnNS.Data(cnDecisions): "1|cn|dec", cnNS.Data(cnDecisionSessions): "1|cn|dsl",
		cnNS.Data(cnSessionDecisions): "1|cn|ds", cnNS.Data(cnDecisionWords): "1|cn|dw", cnNS.Data(cnDrafts): "1|cn|dr",
		cnNS.Data(cnFactions): "1|cn|fl", cnNS.Data(cnFaction): "1|cn|fc", cnNS.Data(cnFactionChart): "1|cn|fch",
		cnNS.Data(cnLeaders): "1|cn|lb", cnNS.Data(cnLowAttendance): "1|cn|la", cnNS.Data(cnLowDiscipline): "1|cn|ld",
		cnNS.Data(cnMetricsHelp): "1|cn|hm",
		depNS.IDs(depCard, 7):    "1|dep|c|7", depNS.Data(depVotes): "1|dep|v", depNS.Data(depDrafts): "1|dep|d",
		depNS.Data(depCompare): "1|dep|cmp", depNS.Data(depCompareWith): "1|dep|cw", depNS.Data(depChart): "1|dep|ch",
		depNS.Data(depFollow): "1|dep|f", depNS.Data(depUnfollow): "1|dep|u",

		cardNS.Data(cardMenu): "1|card|m", cardNS.Data(cardHowto): "1|card|how", cardNS.Data(cardCategory): "1|card|cat",
		cardNS.Data(cardReady): "1|card|rdy", cardNS.Data(cardWatch): "1|card|w", cardNS.Data(cardLink): "1|card|lnk",
		cardNS.Data(cardMine): "1|card|my", cardNS.Data(cardBalance): "1|card|bal", cardNS.Data(cardOperations): "1|card|ops",
		cardNS.Data(cardUnlink): "1|card|unl", cardNS.Data(cardUnlinkYes): "1|card|unly", cardNS.Data(cardUnlinkNo): "1|card|unln",
		cardNS.Data(cardAlerts): "1|card|al", cardNS.Data(cardAlertToggle): "1|card|alt", cardNS.Data(cardThreshold): "1|card|thr",

		bzNS.Data(bzMenu): "1|bz|m", bzNS.Data(bzFind): "1|bz|find", bzNS.Data(bzEDRPOU): "1|bz|edr",
		bzNS.Data(bzNear): "1|bz|near", bzNS.Data(bzCard): "1|bz|c", bzNS.Data(bzSections): "1|bz|sec",
		bzNS.Data(bzSection): "1|bz|s", bzNS.Data(bzList): "1|bz|l", bzNS.Data(bzSearch): "1|bz|q",
		bzNS.Data(bzListOpen): "1|bz|lo", bzNS.Data(bzSearchOpen): "1|bz|qo", bzNS.Data(bzNearAt): "1|bz|na",
		bzNS.Data(bzNearOpen): "1|bz|no",

		vcNS.Data(vcMenu): "1|vc|m", vcNS.Data(vcCalc): "1|vc|calc", vcNS.Data(vcCalcType): "1|vc|ct",
		vcNS.Data(vcStatus): "1|vc|st", vcNS.Data(vcStatusType): "1|vc|sty", vcNS.Data(vcUnsubscribe): "1|vc|uns",
		vcaNS.Data(vcaNew): "1|vca|new", vcaNS.Data(vcaSetStatus): "1|vca|set",

		dgNS.Data(dgSubscribe): "1|dg|sub", dgNS.Data(dgUnsubscribe): "1|dg|unsub", dgNS.Data(dgTopic): "1|dg|t", dgNS.Data(dgLast): "1|dg|last",
		dgaNS.Data(dgaNew): "1|dga|new", dgaNS.Data(dgaTopic): "1|dga|topic", dgaNS.Data(dgaPublish): "1|dga|publish",
		dgaNS.Data(dgaDiscard): "1|dga|discard", dgaNS.Data(dgaPreview): "1|dga|preview", dgaNS.Data(dgaSend): "1|dga|send",
		dgaNS.Data(dgaStatus): "1|dga|status", dgaNS.Data(dgaCancel): "1|dga|cancel",

		formNS.Data(formList): "1|form|ls", formNS.Data(formPage): "1|form|pg", formNS.Data(formStart): "1|form|go",
		formNS.Data(formChoice): "1|form|ch", formNS.Data(formSkip): "1|form|sk", formNS.Data(formSlot): "1|form|at",
		formNS.Data(formSend): "1|form|ok", formNS.Data(formRestart): "1|form|re", formNS.Data(formCancel): "1|form|no",
		formNS.Data(formHandled): "1|form|done", formNS.Data(formAdmin): "1|form|adm", formNS.Data(formResend): "1|form|rs",

		crsNS.Data(crsList): "1|crs|ls", crsNS.Data(crsAdmin): "1|crs|adm", crsNS.Data(crsCard): "1|crs|c",
		crsNS.Data(crsOpen): "1|crs|go", crsNS.Data(crsPace): "1|crs|pc", crsNS.Data(crsHour): "1|crs|hr",
		crsNS.Data(crsPause): "1|crs|ps", crsNS.Data(crsResume): "1|crs|rs", crsNS.Data(crsAnswer): "1|crs|a",
		crsNS.Data(crsNext): "1|crs|nx",

		uNS.Data(uMisses): "1|u|mis", uNS.Data(uCategory): "1|u|cl", uNS.Data(uNearest): "1|u|cn",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 103, "every action listed once (a duplicate code would collapse two keys)")
}

func TestNamespaceFitAndPager(t *testing.T) {
	assert.Equal(t, "", bzNS.Fit(bzSearch, "0", string(make([]byte, 70))), "too long for a button")
	assert.Equal(t, "1|bz|q|0|kava", bzNS.Fit(bzSearch, "0", "kava"))
	assert.Equal(t, callback.Data{Feature: "cn", Action: "dr", Args: []string{"0"}}, cnNS.Press(cnDrafts, "0"))
}
