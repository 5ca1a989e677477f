package understand_test

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/understand"
)

func TestKeyMeetsCaseFormsAndLatin(t *testing.T) {
	for _, group := range [][]string{
		{"Муль", "Муля", "Мулем", "Мулю", "Mul"},
		{"Гнатюк", "Гнатюка", "Гнатюком", "Гнатюкові", "Hnatiuk"},
		{"кав'ярня", "кав’ярні", "кавʼярню", "kaviarnia"},
		{"сесія", "сесії", "сесією", "сесіях"},
		{"pharmacy", "pharmacies"},
	} {
		for _, w := range group[1:] {
			assert.Equal(t, understand.Key(group[0]), understand.Key(w), "%s ~ %s", group[0], w)
		}
	}
	assert.Equal(t, "kav", understand.Key("кава"), "never shorter than three letters")
	assert.NotEqual(t, understand.Key("сто"), understand.Key("стоматолог"))
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, "де найближча аптека", understand.Normalize("  Де   НАЙБЛИЖЧА аптека?!"))
	assert.Equal(t, "кав'ярня кав'ярня кав'ярня", understand.Normalize("кав’ярня кавʼярня кав'ярня"))
	assert.Equal(t, "", understand.Normalize("?!… 🙂"))
}

func TestAnonymizeMasksDigitsAndPersonalData(t *testing.T) {
	tests := map[string]string{
		"баланс 9876 5400 0000 0015":    "баланс •••• ####",
		"мій ІПН 3123456789":            "мій іпн ••••••••##",
		"народився 05.03.1980 де карта": "народився •••••••• де карта",
		"квартира 12, тел 067-123-45":   "квартира ## тел ###-###-##",
		"  Щось   НЕЗРОЗУМІЛЕ!!  ":      "щось незрозуміле",
	}
	for in, want := range tests {
		assert.Equal(t, want, understand.Anonymize(in), in)
	}
}

func TestConfidenceAndChoices(t *testing.T) {
	e := demoEngine(t)
	r := e.Understand("баланс картки")
	assert.True(t, r.Confident)
	r = e.Understand("ваучер картка")
	assert.False(t, r.Confident, "two sections named: the user picks")
	require.Len(t, r.Candidates, 2)
	r = e.Understand("ывфапрол")
	assert.Empty(t, r.Candidates)
	_, ok := r.Best()
	assert.False(t, ok)
}

func TestEntities(t *testing.T) {
	e := demoEngine(t)
	best, _ := e.Understand("як голосував Гнатюк").Best()
	assert.Equal(t, understand.KindDeputy, best.Entity.Kind)
	assert.Len(t, best.Entity.IDs, 1)
	best, _ = e.Understand("Коваля").Best()
	assert.Len(t, best.Entity.IDs, 2, "both deputies named Коваль")
	best, _ = e.Understand("Ірина Коваль").Best()
	assert.Len(t, best.Entity.IDs, 1, "the first name narrows it")
	best, _ = e.Understand("21560765").Best()
	assert.Equal(t, understand.KindEDRPOU, best.Entity.Kind)
	assert.False(t, best.Entity.Valid, "a wrong check digit is still an EDRPOU; the answer says it is wrong")
	best, _ = e.Understand("9876 5400 0000 0016").Best()
	assert.NotEqual(t, understand.IntentCardLink, best.Intent, "not Luhn-valid: not a card number")
}

// A deputy question naming nobody the index knows (a part of a name) hands
// the typed words to the deputy search instead of asking for a name again.
func TestDeputyQuestionWithAnUnknownNameKeepsTheWords(t *testing.T) {
	e := demoEngine(t)
	best, _ := e.Understand("як голосував Муль").Best()
	assert.Equal(t, understand.IntentDeputy, best.Intent)
	assert.Equal(t, understand.Entity{Kind: understand.KindDeputy, Value: "муль"}, best.Entity)
}

// The council's section word and the beginning of a family name name that
// deputy («депутат Муль» went to the council menu while «як голосував Муль»
// found Мульчак); a part too short, or many deputies, stay a search.
func TestSectionWordAndPartOfANameIsTheDeputy(t *testing.T) {
	e := demoEngine(t)
	for _, s := range []string{"депутат Муль", "депутатка Муль", "депутат Мульчак", "як голосує депутат Муль",
		"deputy Mul", "council member Mul"} {
		r := e.Understand(s)
		best, _ := r.Best()
		assert.True(t, r.Confident, s)
		assert.Equal(t, understand.IntentDeputy, best.Intent, s)
		assert.Equal(t, []int64{8}, best.Entity.IDs, "%s: Мульчак, the demo's deputy No. 8", s)
	}
	best, _ := e.Understand("депутати").Best()
	assert.Equal(t, "council.menu", best.Intent, "the section word alone is still the menu")
	best, _ = e.Understand("депутат Ко").Best()
	assert.Equal(t, "council.menu", best.Intent, "two letters begin too many names")
}

// Beginning a family name counts only beside the section word and no other
// council page: «рішення ради про парк» is about a park, not Парковенко.
func TestPartOfANameElsewhereIsNotADeputy(t *testing.T) {
	e := demoEngine(t)
	e.SetNames(understand.Names{Deputies: []understand.Deputy{{ID: 3, FullName: "Парковенко Іван Петрович"}}})
	best, _ := e.Understand("рішення ради про парк").Best()
	assert.Equal(t, understand.IntentDecisions, best.Intent)
	assert.Equal(t, understand.Entity{Kind: understand.KindWords, Value: "park"}, best.Entity)
	best, _ = e.Understand("депутат Парков").Best()
	assert.Equal(t, []int64{3}, best.Entity.IDs)
}

func TestSnapshotSwap(t *testing.T) {
	e := demoEngine(t)
	best, _ := e.Understand("Муль").Best()
	assert.NotEqual(t, understand.IntentDeputy, best.Intent)
	e.SetNames(understand.Names{Deputies: []understand.Deputy{{ID: 7, FullName: "Муль Ігор Васильович"}}})
	for _, s := range []string{"як голосував Муль", "Муля", "Мулем", "депутат Муль", "Mul"} {
		best, _ = e.Understand(s).Best()
		assert.Equal(t, understand.IntentDeputy, best.Intent, s)
		assert.Equal(t, []int64{7}, best.Entity.IDs, s)
	}
}

func TestLexiconErrorsStopStartUp(t *testing.T) {
	bad := map[string]string{
		"unknown key":      "intentz: {}\n",
		"intent without .": "intents:\n  balance: [баланс]\n",
		"empty intent":     "intents:\n  card.balance: []\n",
		"category no word": "categories:\n  pharmacy: {kved: [\"47.73\"]}\n",
	}
	for name, body := range bad {
		_, err := understand.LoadLexicon(fstest.MapFS{"intents.uk.yaml": {Data: []byte(body)}})
		assert.Error(t, err, name)
	}
	_, err := understand.LoadLexicon(fstest.MapFS{})
	assert.Error(t, err, "no files")
}

func FuzzUnderstand(f *testing.F) {
	for _, s := range []string{"де найближча аптека?", "Гнатюкомм", "LV-2026-000101", "9876 5400 0000 0015", "'''", "ʼʼʼ a"} {
		f.Add(s)
	}
	e := demoEngine(f)
	f.Fuzz(func(t *testing.T, s string) {
		r := e.Understand(s)
		assert.LessOrEqual(t, len(r.Candidates), 3)
		_ = understand.Anonymize(s)
	})
}
