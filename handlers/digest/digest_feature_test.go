package digest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// This section's part of handlers.TestActionCodesOnTheWireAreUnchanged: the
// bytes of buttons already sent must keep meaning the same action.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		DgNS.Data(DgSubscribe): "1|dg|sub", DgNS.Data(dgUnsubscribe): "1|dg|unsub", DgNS.Data(dgTopic): "1|dg|t", DgNS.Data(dgLast): "1|dg|last",
		dgaNS.Data(dgaNew): "1|dga|new", dgaNS.Data(dgaTopic): "1|dga|topic", dgaNS.Data(dgaPublish): "1|dga|publish",
		dgaNS.Data(dgaDiscard): "1|dga|discard", dgaNS.Data(dgaPreview): "1|dga|preview", dgaNS.Data(dgaSend): "1|dga|send",
		dgaNS.Data(dgaStatus): "1|dga|status", dgaNS.Data(dgaCancel): "1|dga|cancel",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 12, "every action listed once (a duplicate code would collapse two keys)")
}
