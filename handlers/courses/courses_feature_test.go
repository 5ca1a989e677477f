package courses

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The courses' part of handlers.TestActionCodesOnTheWireAreUnchanged: the
// bytes of buttons already sent must keep meaning the same action.
func TestActionCodesOnTheWireAreUnchanged(t *testing.T) {
	wire := map[string]string{
		crsNS.Data(crsList): "1|crs|ls", crsNS.Data(crsAdmin): "1|crs|adm", crsNS.Data(crsCard): "1|crs|c",
		crsNS.Data(crsOpen): "1|crs|go", crsNS.Data(crsPace): "1|crs|pc", crsNS.Data(crsHour): "1|crs|hr",
		crsNS.Data(crsPause): "1|crs|ps", crsNS.Data(crsResume): "1|crs|rs", crsNS.Data(crsAnswer): "1|crs|a",
		crsNS.Data(crsNext): "1|crs|nx",
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 10, "every action listed once (a duplicate code would collapse two keys)")
}
