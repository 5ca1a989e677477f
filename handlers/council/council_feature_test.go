package council

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/callback"
)

// This section's part of handlers.TestActionCodesOnTheWireAreUnchanged: the
// bytes of buttons already sent must keep meaning the same action.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		DepNS.IDs(DepCard, 7): "1|dep|c|7", DepNS.Data(depVotes): "1|dep|v", DepNS.Data(depDrafts): "1|dep|d",
		CnNS.Data(cnMenu): "1|cn|m", CnNS.Data(cnFind): "1|cn|find", CnNS.Data(CnSessions): "1|cn|s",
		CnNS.Data(cnSession): "1|cn|si", CnNS.Data(cnMotion): "1|cn|mi", CnNS.Data(cnRollCall): "1|cn|e",
		CnNS.Data(CnDecisions): "1|cn|dec", CnNS.Data(cnDecisionSessions): "1|cn|dsl",
		CnNS.Data(cnSessionDecisions): "1|cn|ds", CnNS.Data(cnDecisionWords): "1|cn|dw", CnNS.Data(CnDrafts): "1|cn|dr",
		CnNS.Data(CnFactions): "1|cn|fl", CnNS.Data(cnFaction): "1|cn|fc", CnNS.Data(cnFactionChart): "1|cn|fch",
		CnNS.Data(CnLeaders): "1|cn|lb", CnNS.Data(CnLowAttendance): "1|cn|la", CnNS.Data(CnLowDiscipline): "1|cn|ld",
		CnNS.Data(cnMetricsHelp): "1|cn|hm",
		DepNS.Data(depCompare):   "1|dep|cmp", DepNS.Data(depCompareWith): "1|dep|cw", DepNS.Data(depChart): "1|dep|ch",
		DepNS.Data(depFollow): "1|dep|f", DepNS.Data(depUnfollow): "1|dep|u",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 26, "every action listed once (a duplicate code would collapse two keys)")
}

func TestNamespacePress(t *testing.T) {
	assert.Equal(t, callback.Data{Feature: "cn", Action: "dr", Args: []string{"0"}}, CnNS.Press(CnDrafts, "0"))
}
