package understand

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The typed questions' part of handlers.TestActionCodesOnTheWireAreUnchanged
// (the intents' own codes are pinned by askActions' tests).
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		uNS.Data(uMisses): "1|u|mis", uNS.Data(uCategory): "1|u|cl", uNS.Data(uNearest): "1|u|cn",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 3, "every action listed once (a duplicate code would collapse two keys)")
}
