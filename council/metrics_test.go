package council

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTallyLine(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want Line
	}{
		{"one present member has no line", []Option{For, Absent, Absent}, NoLine},
		{"nobody present", []Option{Absent, Absent}, NoLine},
		{"exact split", []Option{For, Against}, Split},
		{"exact split of four", []Option{For, For, Abstain, NotVoting}, Split},
		{"majority for", []Option{For, For, Against}, Support},
		{"not voting weighs as no support", []Option{For, NotVoting, Abstain}, Oppose},
		{"absent members do not count", []Option{For, For, Absent, Absent, Absent}, Support},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, LineOf(tt.opts...))
		})
	}
}

func TestDeviates(t *testing.T) {
	assert.True(t, Deviates(Against, Support))
	assert.True(t, Deviates(NotVoting, Support))
	assert.True(t, Deviates(For, Oppose))
	assert.False(t, Deviates(Abstain, Oppose))
	assert.False(t, Deviates(Absent, Support), "absence is never a deviation")
	assert.False(t, Deviates(Against, Split))
	assert.False(t, Deviates(Against, NoLine))
}

// council builds a small vote record: factions A=1, B=2; deputies 1..n.
type fixture struct{ v Votes }

func newFixture(days ...Day) *fixture {
	f := &fixture{v: Votes{Mandates: map[int64]Span{}}}
	for i, d := range days {
		f.v.Events = append(f.v.Events, Event{ID: int64(i + 1), Day: d})
	}
	return f
}

func (f *fixture) deputies(base map[int64]int64, dated ...Membership) *fixture {
	for d := range base {
		f.v.Mandates[d] = Always
	}
	f.v.Roster = NewRoster(base, dated)
	return f
}

// votes adds one event's named list: opts[i] is deputy i+1's option; -1 skips.
func (f *fixture) votes(event int64, opts ...Option) *fixture {
	for i, o := range opts {
		if o >= 0 {
			f.v.Ballots = append(f.v.Ballots, Ballot{Event: event, Deputy: int64(i + 1), Option: o})
		}
	}
	return f
}

const none Option = -1

func TestDeputyMetricsEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		fx     *fixture
		deputy int64
		want   Metrics
	}{
		{
			name: "faction with one present member has no line",
			fx: newFixture(1).deputies(map[int64]int64{1: 1, 2: 1, 3: 2, 4: 2}).
				votes(1, Against, Absent, For, For),
			deputy: 1,
			want: Metrics{Counts: [5]int{0, 1, 0, 0, 0}, Events: 1, Attendance: Ratio{1, 1},
				Participation: Ratio{1, 1}, Discipline: Ratio{0, 0}},
		},
		{
			name: "exact split: no line, no deviation",
			fx: newFixture(1, 1).deputies(map[int64]int64{1: 1, 2: 1}).
				votes(1, For, Against).votes(2, For, For),
			deputy: 2,
			want: Metrics{Counts: [5]int{1, 1, 0, 0, 0}, Events: 2, Attendance: Ratio{1, 1},
				Participation: Ratio{2, 2}, Discipline: Ratio{1, 1}},
		},
		{
			name: "all absent",
			fx: newFixture(1, 2, 2).deputies(map[int64]int64{1: 1, 2: 1, 3: 1}).
				votes(1, Absent, For, For).votes(2, Absent, For, For).votes(3, none, For, Against),
			deputy: 1,
			want: Metrics{Counts: [5]int{0, 0, 0, 0, 3}, Events: 3, Attendance: Ratio{0, 2},
				Participation: Ratio{0, 3}, Discipline: Ratio{0, 0}},
		},
		{
			// Deputy 1 is in A on day 1 and in B from day 3. On day 1 A supports and
			// 1 votes against: a deviation. On day 3 B's other members split 1:1, so
			// 1's "against" counts for B and makes its line Oppose: no deviation.
			name: "switched faction mid-term",
			fx: newFixture(1, 3).deputies(map[int64]int64{1: 1, 2: 1, 3: 1, 4: 2, 5: 2},
				Membership{Deputy: 1, Faction: 1, Span: Span{FirstDay, 2}},
				Membership{Deputy: 1, Faction: 2, Span: Span{3, LastDay}}).
				votes(1, Against, For, For, For, Against).votes(2, Against, For, For, For, Against),
			deputy: 1,
			want: Metrics{Counts: [5]int{0, 2, 0, 0, 0}, Events: 2, Attendance: Ratio{2, 2},
				Participation: Ratio{2, 2}, Discipline: Ratio{1, 2}, Deviations: 1},
		},
		{
			name: "non-faction deputy has no line and sways none",
			fx: newFixture(1).deputies(map[int64]int64{1: NoFaction, 2: 1, 3: 1, 4: 1}).
				votes(1, Against, For, For, Against),
			deputy: 1,
			want: Metrics{Counts: [5]int{0, 1, 0, 0, 0}, Events: 1, Attendance: Ratio{1, 1},
				Participation: Ratio{1, 1}, Discipline: Ratio{0, 0}},
		},
		{
			name: "mandate began mid-term: earlier events are not absences",
			fx: func() *fixture {
				f := newFixture(1, 2, 5).deputies(map[int64]int64{1: 1, 2: 1, 3: 1}).
					votes(1, none, For, For).votes(2, none, For, Against).votes(3, NotVoting, For, For)
				f.v.Mandates[1] = Span{5, LastDay}
				return f
			}(),
			deputy: 1,
			want: Metrics{Counts: [5]int{0, 0, 0, 1, 0}, Events: 1, Attendance: Ratio{1, 1},
				Participation: Ratio{0, 1}, Discipline: Ratio{0, 1}, Deviations: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.fx.v.Deputy(tt.deputy))
		})
	}
}

func TestSwitchedDeputyCountsForTheFactionOfTheDay(t *testing.T) {
	fx := newFixture(1, 3).deputies(map[int64]int64{1: 1, 2: 1, 3: 1, 4: 2, 5: 2},
		Membership{Deputy: 1, Faction: 1, Span: Span{FirstDay, 1}},
		Membership{Deputy: 1, Faction: 2, Span: Span{3, LastDay}}).
		votes(1, Against, For, For, For, Against).votes(2, Against, For, For, For, Against)
	lines := fx.v.Lines()
	assert.Equal(t, Tally{Present: 3, Support: 2}, lines[EventFaction{1, 1}])
	assert.Equal(t, Tally{Present: 2, Support: 1}, lines[EventFaction{1, 2}], "day 1: only 4 and 5 in B")
	assert.Equal(t, Tally{Present: 2, Support: 2}, lines[EventFaction{2, 1}], "day 3: 1 has left A")
	assert.Equal(t, Tally{Present: 3, Support: 1}, lines[EventFaction{2, 2}])
	assert.Equal(t, int64(NoFaction), fx.v.Roster.FactionAt(1, 2), "no membership covers day 2")
}

func TestAgreement(t *testing.T) {
	fx := newFixture(1, 1, 1, 1, 2).deputies(map[int64]int64{1: 1, 2: 2}).
		votes(1, For, For).votes(2, Against, NotVoting).votes(3, For, Abstain).votes(4, Absent, For)
	lines := fx.v.Lines()
	a, b := fx.v.Records(1, lines), fx.v.Records(2, lines)
	assert.Equal(t, Ratio{2, 3}, Agreement(a, b), "event 4: one absent; event 5: no records")
	assert.Equal(t, Agreement(a, b), Agreement(b, a))
	assert.Equal(t, Ratio{}, Agreement(a, nil))
}
