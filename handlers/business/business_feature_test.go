package business

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// This section's part of handlers.TestActionCodesOnTheWireAreUnchanged: the
// bytes of buttons already sent must keep meaning the same action.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		BzNS.Data(bzMenu): "1|bz|m", BzNS.Data(BzFind): "1|bz|find", BzNS.Data(bzEDRPOU): "1|bz|edr",
		BzNS.Data(bzNear): "1|bz|near", BzNS.Data(bzCard): "1|bz|c", BzNS.Data(BzSections): "1|bz|sec",
		BzNS.Data(bzSection): "1|bz|s", BzNS.Data(bzList): "1|bz|l", BzNS.Data(bzSearch): "1|bz|q",
		BzNS.Data(bzListOpen): "1|bz|lo", BzNS.Data(bzSearchOpen): "1|bz|qo", BzNS.Data(bzNearAt): "1|bz|na",
		BzNS.Data(bzNearOpen): "1|bz|no",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 13, "every action listed once (a duplicate code would collapse two keys)")
}

func TestNamespaceFit(t *testing.T) {
	assert.Equal(t, "", BzNS.Fit(bzSearch, "0", string(make([]byte, 70))), "too long for a button")
	assert.Equal(t, "1|bz|q|0|kava", BzNS.Fit(bzSearch, "0", "kava"))
}
