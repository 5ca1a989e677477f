package bot_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/locales"
)

// voucherAdmin is the city officer who changes application statuses.
var voucherAdmin = sandbox.User{ID: 910, FirstName: "Тарас", LanguageCode: "uk"}

// The demo applications' tax ids (demo/data/voucher/vouchers.csv).
const (
	demoLegalNo  = "LV-2026-000102" // legal entity, under review
	demoLegalTax = "41234569"
	demoFopNo    = "LV-2026-000101" // sole proprietor, submitted
	demoFopTax   = "3123456789"
)

// startVoucher runs the bot with the demo vouchers loaded and an admin.
func startVoucher(t *testing.T) *bottest.Harness {
	t.Helper()
	h := bottest.Start(t, func(c *config.Config) { c.Admins = []int64{voucherAdmin.ID} })
	_, err := importer.Run(t.Context(), importer.Env{Store: h.Store, Config: h.Config}, "vouchers",
		"../demo/data/voucher/vouchers.csv")
	require.NoError(t, err)
	return h
}

var uk, en = locales.New("uk"), locales.New("en")

func TestVoucherRulesAndCalculator(t *testing.T) {
	h := startVoucher(t)
	u := bottest.Uk
	m := h.Say(u, "/voucher")
	for _, want := range []string{"50 %", "ФОП — " + uk.Money(25_000_00), "юридична особа — " + uk.Money(50_000_00),
		"маркетинг і реклама", "енергозбереження", "02.03.2026 – 31.12.2026 (триває)"} {
		assert.Contains(t, m.Text, want)
	}
	assert.Equal(t, m.Text, h.Say(u, "💼 Бізнес-ваучери").Text, "the main-menu button")
	assert.Equal(t, m.Text, h.Say(u, "/start voucher").Text, "the deep link")
	assert.Contains(t, h.Say(u, "/help").Text, "/voucher — бізнес-ваучери")
	calc := func(u sandbox.User, l *locales.Localizer, applicant, expenses string) string {
		m := h.Say(u, "/voucher")
		m = h.Press(u, m, l.T("voucher_btn_calc"))
		m = h.Press(u, m, l.T(applicant))
		require.Contains(t, m.Text, l.T(applicant))
		return h.Say(u, expenses).Text
	}
	got := calc(u, uk, "voucher_applicant_fop", "80 000")
	assert.Contains(t, got, "Ваучер: "+uk.Money(25_000_00))
	assert.Contains(t, got, "Ваша частка: "+uk.Money(55_000_00))
	assert.Contains(t, got, "Застосовано граничну суму")

	got = calc(u, uk, "voucher_applicant_legal", "60 000 грн")
	assert.Contains(t, got, "Ваучер: "+uk.Money(30_000_00))
	assert.Contains(t, got, "Ваша частка: "+uk.Money(30_000_00))
	assert.Contains(t, got, "Застосовано частку")

	got = calc(bottest.En, en, "voucher_applicant_legal", "UAH 100,000.02")
	assert.Contains(t, got, "Voucher: "+en.Money(50_000_00))
	assert.Contains(t, got, "Your own part: "+en.Money(50_000_02))
	assert.Contains(t, got, "The cap applies")

	// Bad amounts name the problem and keep the conversation at its step.
	m = h.Say(u, "/voucher")
	m = h.Press(u, m, "🧮 Калькулятор")
	h.Press(u, m, "ФОП")
	assert.Contains(t, h.Say(u, "-5").Text, "від’ємною")
	assert.Contains(t, h.Say(u, "0").Text, "більшою за нуль")
	assert.Contains(t, h.Say(u, "12 500,555").Text, "Забагато знаків")
	assert.Contains(t, h.Say(u, "999999999999").Text, "Завелика сума")
	assert.Contains(t, h.Say(u, "дорого").Text, "Не вдалося прочитати суму")
	assert.Contains(t, h.Say(u, "49 999,99").Text, "Ваучер: "+uk.Money(25_000_00))
}

// checkStatus runs the status flow and returns the answer to the tax id.
func checkStatus(h *bottest.Harness, u sandbox.User, no, tax string) sandbox.Message {
	h.Say(u, "/voucher "+no)
	return h.Say(u, tax)
}

func TestVoucherStatusNeverRevealsOtherApplications(t *testing.T) {
	h := startVoucher(t)
	u := bottest.Uk
	m := checkStatus(h, u, demoLegalNo, "41234560")
	assert.Contains(t, m.Text, "недійсний: контрольна цифра не збігається")
	assert.Contains(t, h.Say(u, "412345").Text, "8 цифр (ЄДРПОУ) або 10 цифр (РНОКПП)")

	// Every failure counts toward the attempt lock (e2e_lookup_lock_test.go).
	notFound := func(no string, left int) string {
		return uk.T("voucher_status_not_found", map[string]any{"No": no}) + "\n" + uk.N("lookup_tries_left", left, nil)
	}
	// Someone else's valid EDRPOU on an existing application.
	assert.Equal(t, notFound(demoLegalNo, 4), h.Say(u, "42345678").Text)
	// A number that does not exist, with this application's own tax id.
	assert.Equal(t, notFound("LV-2026-999999", 3),
		checkStatus(h, u, "LV-2026-999999", demoLegalTax).Text)
	// A sole proprietor's valid RNOKPP against a legal entity's application.
	assert.Equal(t, notFound(demoLegalNo, 2),
		checkStatus(h, u, demoLegalNo, demoFopTax).Text)
	privacy := h.Say(u, "/privacy").Text
	assert.NotContains(t, privacy, "заявк", "nothing was subscribed by failed checks")

	m = checkStatus(h, u, demoLegalNo, "4123 4569")
	for _, want := range []string{"📄 Заявка LV-2026-000102", "ТОВ «Зелена Пекарня» — Юридична особа, ••••••69",
		"Статус: На розгляді", "✅ Подано\n✅ На розгляді — 05.10.2026\n⏳ Схвалено\n⏳ Виплачено",
		"Коментар: Чекаємо на комерційну пропозицію", "🔔 Ми повідомимо вам"} {
		assert.Contains(t, m.Text, want)
	}
	assert.NotContains(t, m.Text, demoLegalTax)
	assert.Contains(t, h.Say(u, "/privacy").Text, "стежите за 1 заявкою на ваучер: LV-2026-000102")

	m = checkStatus(h, bottest.En, "LV-2026-000104", "42345678")
	assert.Contains(t, m.Text, "✅ Approved\n✅ Paid — 30 Aug 2026")
	assert.Contains(t, m.Text, "Approved amount: "+en.Money(50_000_00))
}

// writeVouchers writes a vouchers file with the given rows after the header.
func writeVouchers(t *testing.T, rows ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vouchers.csv")
	body := "application_no;applicant_type;tax_id;applicant_name;category;expenses_uah;status;status_date;approved_uah;comment\n" +
		strings.Join(rows, "\n") + "\n"
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	return path
}

func TestVoucherImportPushesEachChangeOnce(t *testing.T) {
	h := startVoucher(t)
	u := bottest.Uk
	require.Contains(t, checkStatus(h, u, demoLegalNo, demoLegalTax).Text, "На розгляді")

	env := importer.Env{Store: h.Store, Config: h.Config}
	path := writeVouchers(t, "LV-2026-000102;ЮО;41234569;ТОВ «Зелена Пекарня»;energy_saving;60 000;Схвалено;28.11.2026;30 000;Кошти буде перераховано до 15 грудня.")
	sum, err := importer.Run(t.Context(), env, "vouchers", path)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "1 status change, 1 status message queued")
	push := waitMessage(t, h, u.ID, "новий статус «Схвалено»")
	assert.Equal(t, "🔔 Заявка LV-2026-000102 на бізнес-ваучер: новий статус «Схвалено» (28.11.2026)\nСхвалена сума: "+
		uk.Money(30_000_00)+"\nКоментар: Кошти буде перераховано до 15 грудня.\nПодробиці: /voucher LV-2026-000102", push.Text)

	sum, err = importer.Run(t.Context(), env, "vouchers", path)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "0 new, 0 changed, 0 status changes, 0 status messages queued")
	rows, err := h.Store.OutboxFor(t.Context(), "voucher", 0)
	require.NoError(t, err)
	require.Len(t, rows, 1, "re-importing the same file pushes nothing")
	assert.Equal(t, u.ID, rows[0].ChatID)

	// A bad row changes nothing and names file, line, column and reason.
	bad := writeVouchers(t, "LV-2026-000102;legal;41234569;X;energy_saving;60 000;paid;;30 000;",
		"LV-2026-000103;fop;3234567890;X;expert;100;submitted;;;")
	_, err = importer.Run(t.Context(), env, "vouchers", bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "vouchers.csv:3:3: tax_id: ••••••••90: the check digit does not match")
	assert.NotContains(t, err.Error(), "3234567890")
	rows, err = h.Store.OutboxFor(t.Context(), "voucher", 0)
	require.NoError(t, err)
	assert.Len(t, rows, 1, "the failed import queued nothing")

	m := h.Say(u, "/privacy")
	m = h.Press(u, m, "🗑 Видалити мої дані")
	h.Press(u, m, "Так, видалити")
	subs, err := h.Store.VoucherSubscriptions(t.Context(), u.ID)
	require.NoError(t, err)
	assert.Empty(t, subs, "deleting the user deletes their subscriptions")
}

func TestVoucherAdminChangesStatusAndLogsMaskTaxIDs(t *testing.T) {
	h := startVoucher(t)
	u := bottest.Uk
	require.Contains(t, checkStatus(h, u, demoFopNo, demoFopTax).Text, "Статус: Подано")

	// Someone who is not an admin cannot press the admin's button.
	h.PressData(u, h.Last(u).ID, callback.Encode("vca", "new"))
	assert.Contains(t, h.Last(u).Text, uk.T("admin_refused"))

	a := voucherAdmin
	m := h.Say(a, "/admin")
	m = h.Press(a, m, "💼 Ваучер: змінити статус")
	assert.Contains(t, h.Say(a, "LV-2026-999999").Text, "Заявки LV-2026-999999 немає")
	m = h.Say(a, "lv-2026-000101")
	assert.Contains(t, m.Text, "ФОП Мельник Ірина Василівна (ФОП, ••••••••89)")
	assert.Equal(t, []string{"На розгляді", "Відхилено"}, buttonTexts(m))
	m = h.Press(a, m, "На розгляді")
	assert.Contains(t, m.Text, "Коментар для заявника")
	assert.Contains(t, h.Say(a, "Документи отримано, розглянемо до 10 грудня.").Text,
		"Статус заявки LV-2026-000101: «На розгляді». Повідомлення отримає 1 підписник.")

	push := waitMessage(t, h, u.ID, "новий статус «На розгляді»")
	assert.Contains(t, push.Text, "(28.11.2026)\nКоментар: Документи отримано, розглянемо до 10 грудня.")
	audit, err := h.Store.AuditLog(t.Context(), 5)
	require.NoError(t, err)
	require.NotEmpty(t, audit)
	assert.Equal(t, "voucher.status", audit[0].Action)
	assert.Equal(t, "LV-2026-000101 → under_review", audit[0].Detail)

	// Approving without an amount approves what the calculator gives.
	m = h.Say(a, "/admin")
	m = h.Press(a, m, "💼 Ваучер: змінити статус")
	m = h.Press(a, h.Say(a, demoFopNo), "Схвалено")
	h.Say(a, "-")
	push = waitMessage(t, h, u.ID, "новий статус «Схвалено»")
	assert.Contains(t, push.Text, "Схвалена сума: "+uk.Money(25_000_00))

	require.Contains(t, checkStatus(h, bottest.En, demoLegalNo, demoLegalTax).Text, "Under review")

	// Every log line that names a voucher check or change shows the tax id
	// masked, and no line anywhere holds one in clear.
	logs := h.Log.String()
	for _, tax := range []string{demoFopTax, demoLegalTax} {
		assert.NotContains(t, logs, tax)
	}
	lines := 0
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "voucher status") {
			lines++
			assert.Regexp(t, `"tax_id":"(••••••••89|••••••69)"`, line)
		}
	}
	assert.Equal(t, 4, lines, "two checks and two changes were logged")
}

// Issue 19: the tax id says who applied (8 digits: a legal entity's EDRPOU,
// 10: a sole proprietor's RNOKPP), so no applicant-type step stands between
// the number and the tax id, and a typed tax id is never refused.
func TestVoucherStatusInfersTheApplicantFromTheTaxID(t *testing.T) {
	h := startVoucher(t)
	u := bottest.Uk
	m := h.Say(u, "/voucher "+demoFopNo)
	assert.Equal(t, uk.T("voucher_status_ask_tax", map[string]any{"No": demoFopNo}), m.Text)
	assert.Empty(t, m.Inline, "no applicant-type buttons")
	m = h.Say(u, demoFopTax)
	assert.Contains(t, m.Text, "— ФОП, ••••••••89")
	assert.Contains(t, m.Text, "Статус: Подано")

	m = checkStatus(h, bottest.En, demoLegalNo, demoLegalTax)
	assert.Contains(t, m.Text, "Legal entity")
}
