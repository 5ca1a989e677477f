package importer

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store/storetest"
)

func writeCardFile(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	return path
}

const cardsHeader = "\ufeffCard_Number;Holder_Name;Birth_Date;Category;Status;Valid_Until;Balance_UAH;Trips_Left;Pending_UAH;Updated_At;Extra\n"

func TestImportCardsAndOperations(t *testing.T) {
	st := storetest.Open(t, nil)
	env := Env{Store: st, Config: config.Default()}
	cards := writeCardFile(t, "cards.csv", cardsHeader+
		"9876-5400-0000-0031;Ткачук;05.03.2004;student;ACTIVE;2027-08-31;123,45;40;50;2026-11-28T08:30:00+02:00;x\n"+
		"9876540000000049;Мельник;1975-11-20;veteran;active;;12.4;;;2026-11-28T08:30:00+02:00;y\n")
	sum, err := Run(t.Context(), env, "cards", cards)
	require.NoError(t, err)
	assert.Equal(t, "2 cards read, 2 new or changed\ncards.csv: ignored unknown columns: Extra", sum.String())
	sum, err = Run(t.Context(), env, "cards", cards)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "2 cards read, 0 new or changed")

	ops := writeCardFile(t, "ops.csv", "card_number,at,kind,amount_uah,trips,place\n"+
		"9876540000000031,2026-11-27T18:40:00+02:00,ride,0,-1,\"Трамвай №2, зуп. Ринок\"\n"+
		"9876540000000031,2026-11-26T19:15:00+02:00,Topup,100.00,0,Онлайн\n")
	sum, err = Run(t.Context(), env, "card-operations", ops)
	require.NoError(t, err)
	assert.Equal(t, "2 operations read, 2 new", sum.String())
	c, err := st.CardProvider().Card(t.Context(), "9876540000000031")
	require.NoError(t, err)
	assert.Equal(t, int64(12345), c.Balance)
	assert.Equal(t, int64(5000), c.Pending)
}

func TestImportCardErrorsNameThePlaceNotTheData(t *testing.T) {
	const ok = "9876540000000031;Т;05.03.2004;student;active;;1;;;2026-11-28T08:30:00Z;\n"
	tests := []struct{ name, row, want string }{
		{"wrong check digit", "9876540000000032;Т;05.03.2004;student;active;;1;;;2026-11-28T08:30:00Z;\n",
			"cards.csv:3:1: card_number: card number: check digit is wrong (value not shown)"},
		{"letters", "98765400000000AB;Т;05.03.2004;student;active;;1;;;2026-11-28T08:30:00Z;\n", "cards.csv:3:1: card_number: card number: only digits"},
		{"impossible birth date", "9876540000000049;Т;31.02.1980;student;active;;1;;;2026-11-28T08:30:00Z;\n",
			"cards.csv:3:3: birth_date: is not a date (use YYYY-MM-DD or DD.MM.YYYY; value not shown)"},
		{"status", "9876540000000049;Т;01.02.1980;student;lost;;1;;;2026-11-28T08:30:00Z;\n", `cards.csv:3:5: status: "lost" is not one of active, blocked, expired`},
		{"balance", "9876540000000049;Т;01.02.1980;student;active;;1,234;;;2026-11-28T08:30:00Z;\n", "cards.csv:3:7: balance_uah:"},
		{"negative trips", "9876540000000049;Т;01.02.1980;student;active;;1;-2;;2026-11-28T08:30:00Z;\n", "cards.csv:3:8: trips_left: must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storetest.Open(t, nil)
			env := Env{Store: st, Config: config.Default()}
			path := writeCardFile(t, "cards.csv", cardsHeader+ok+tt.row)
			_, err := Run(t.Context(), env, "cards", path)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "31.02.1980")
			assert.NotContains(t, err.Error(), "987654000000003")
			known, err := st.CardNumbers(t.Context())
			require.NoError(t, err)
			assert.Zero(t, known.Len(), "one transaction: the good row is not imported either")
		})
	}
}

func TestImportOperationOfUnknownCard(t *testing.T) {
	st := storetest.Open(t, nil)
	env := Env{Store: st, Config: config.Default()}
	path := writeCardFile(t, "ops.csv", "card_number,at,kind\n9876540000000031,2026-11-27T18:40:00Z,ride\n")
	_, err := Run(t.Context(), env, "card-operations", path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ops.csv:2:1: card_number: no such card among the imported cards (import cards first)")
}

func TestImportApplications(t *testing.T) {
	st := storetest.Open(t, nil)
	env := Env{Store: st, Config: config.Default()}
	path := writeCardFile(t, "apps.csv", "application_no,birth_date,status,reason\nsc-1-2,23.08.1958,ready,\nSC-2,01.01.1990,rejected,\n")
	_, err := Run(t.Context(), env, "card-applications", path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "apps.csv:3:4: reason: a rejected application needs a reason")
}

// Statuses and kinds may be written as Ukrainian words, in any case and
// gender; a word of another column's list is still refused by name.
func TestImportCardUkrainianLabels(t *testing.T) {
	st := storetest.Open(t, nil)
	env := Env{Store: st, Config: config.Default()}
	cards := writeCardFile(t, "cards.csv", cardsHeader+
		"9876540000000031;Т;05.03.2004;student;Активна;;1;;;2026-11-28T08:30:00Z;\n"+
		"9876540000000049;М;20.11.1975;veteran;ЗАБЛОКОВАНИЙ;;1;;;2026-11-28T08:30:00Z;\n")
	_, err := Run(t.Context(), env, "cards", cards)
	require.NoError(t, err)
	ops := writeCardFile(t, "ops.csv", "card_number,at,kind,amount_uah,trips,place\n"+
		"9876540000000031,2026-11-27T18:40:00+02:00,поїздка,-8,0,Автобус\n"+
		"9876540000000031,2026-11-26T19:15:00+02:00,Поповнення,100.00,0,Онлайн\n")
	_, err = Run(t.Context(), env, "card-operations", ops)
	require.NoError(t, err)
	apps := writeCardFile(t, "apps.csv", "application_no,birth_date,status\nSC-1,23.08.1958,Готова\nSC-2,01.01.1990,у  виробництві\n")
	_, err = Run(t.Context(), env, "card-applications", apps)
	require.NoError(t, err)

	p := st.CardProvider()
	blocked, err := p.Card(t.Context(), "9876540000000049")
	require.NoError(t, err)
	assert.Equal(t, "blocked", blocked.Status)
	list, err := p.Operations(t.Context(), "9876540000000031", 10)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, []string{"ride", "topup"}, []string{list[0].Kind, list[1].Kind})
	ready, err := p.Application(t.Context(), "SC-1", time.Date(1958, 8, 23, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, "ready", ready.Status)
	making, err := p.Application(t.Context(), "SC-2", time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, "in_production", making.Status)

	wrong := writeCardFile(t, "cards.csv", cardsHeader+"9876540000000031;Т;05.03.2004;student;готова;;1;;;2026-11-28T08:30:00Z;\n")
	_, err = Run(t.Context(), env, "cards", wrong)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `cards.csv:2:5: status: "готова" is not one of active, blocked, expired`)
}
