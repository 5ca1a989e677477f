package voucher

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// This section's part of handlers.TestActionCodesOnTheWireAreUnchanged: the
// bytes of buttons already sent must keep meaning the same action.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		VcNS.Data(vcMenu): "1|vc|m", VcNS.Data(VcCalc): "1|vc|calc", VcNS.Data(vcCalcType): "1|vc|ct",
		VcNS.Data(VcStatus): "1|vc|st", VcNS.Data(vcStatusType): "1|vc|sty", VcNS.Data(vcUnsubscribe): "1|vc|uns",
		vcaNS.Data(vcaNew): "1|vca|new", vcaNS.Data(vcaSetStatus): "1|vca|set",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 8, "every action listed once (a duplicate code would collapse two keys)")
}
