package council

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseOption(t *testing.T) {
	tests := []struct {
		label string
		want  Option
	}{
		{"За", For}, {"за", For}, {" ЗА ", For}, {"for", For},
		{"Проти", Against}, {"ПРОТИ", Against},
		{"Утримався", Abstain}, {"Утрималась", Abstain}, {"утрималася", Abstain}, {"УТРИМАЛИСЬ", Abstain},
		{"Не голосував", NotVoting}, {"НЕ ГОЛОСУВАЛА", NotVoting}, {"не  голосували.", NotVoting},
		{"Не\u00a0голосувало", NotVoting}, {"не брав участі", NotVoting},
		{"Відсутній", Absent}, {"Відсутня", Absent}, {"відсутні", Absent}, {"absent", Absent},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			got, err := ParseOption(tt.label)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseOptionRejects(t *testing.T) {
	for _, bad := range []string{"", "за основу", "Може", "Прот", "так-так", "1"} {
		_, err := ParseOption(bad)
		assert.Error(t, err, bad)
	}
}

func FuzzParseOption(f *testing.F) {
	for _, seed := range []string{"За", "Утрималась", "НЕ ГОЛОСУВАЛА", "Відсутня", "", "за основу", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, label string) {
		o, err := ParseOption(label)
		if err != nil {
			return
		}
		assert.Contains(t, Options, o)
		again, err := ParseOption(normalizeLabel(label))
		assert.NoError(t, err, "a normalised label still parses")
		assert.Equal(t, o, again)
	})
}

func TestIsNonFaction(t *testing.T) {
	for name, want := range map[string]bool{
		"Позафракційний": true, "позафракційна": true, "ПОЗАФРАКЦІЙНІ": true, "": true, "—": true,
		"ВО \"Свобода\"": false, "Об'єднання \"Самопоміч\"": false,
	} {
		assert.Equal(t, want, IsNonFaction(name), name)
	}
}

func TestDayOf(t *testing.T) {
	d := DayOf(Day(17834).Time())
	assert.Equal(t, Day(17834), d)
	assert.Equal(t, "2018-10-30", d.Time().Format("2006-01-02"))
	assert.True(t, Span{10, 20}.Covers(10))
	assert.True(t, Span{10, 20}.Covers(20))
	assert.False(t, Span{10, 20}.Covers(21))
}
