package card

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// This section's part of handlers.TestActionCodesOnTheWireAreUnchanged: the
// bytes of buttons already sent must keep meaning the same action.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		CardNS.Data(cardMenu): "1|card|m", CardNS.Data(CardHowto): "1|card|how", CardNS.Data(cardCategory): "1|card|cat",
		CardNS.Data(CardReady): "1|card|rdy", CardNS.Data(cardWatch): "1|card|w", CardNS.Data(CardLink): "1|card|lnk",
		CardNS.Data(CardMine): "1|card|my", CardNS.Data(cardBalance): "1|card|bal", CardNS.Data(cardOperations): "1|card|ops",
		CardNS.Data(cardUnlink): "1|card|unl", CardNS.Data(cardUnlinkYes): "1|card|unly", CardNS.Data(cardUnlinkNo): "1|card|unln",
		CardNS.Data(cardAlerts): "1|card|al", CardNS.Data(cardAlertToggle): "1|card|alt", CardNS.Data(cardThreshold): "1|card|thr",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 15, "every action listed once (a duplicate code would collapse two keys)")
}
