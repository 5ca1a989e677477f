package forms

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// This section's part of handlers.TestActionCodesOnTheWireAreUnchanged: the
// bytes of buttons already sent must keep meaning the same action.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		FormNS.Data(formList): "1|form|ls", FormNS.Data(FormPage): "1|form|pg", FormNS.Data(FormStart): "1|form|go",
		FormNS.Data(formChoice): "1|form|ch", FormNS.Data(formSkip): "1|form|sk", FormNS.Data(formSlot): "1|form|at",
		FormNS.Data(formSend): "1|form|ok", FormNS.Data(formRestart): "1|form|re", FormNS.Data(formCancel): "1|form|no",
		FormNS.Data(formHandled): "1|form|done", FormNS.Data(formAdmin): "1|form|adm", FormNS.Data(formResend): "1|form|rs",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 12, "every action listed once (a duplicate code would collapse two keys)")
}
