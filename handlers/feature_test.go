package handlers

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	}
	for got, want := range wire {
		assert.Equal(t, want, got)
	}
	assert.Len(t, wire, 4, "every action listed once (a duplicate code would collapse two keys)")
}
