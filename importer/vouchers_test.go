package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store/storetest"
)

const voucherHeader = "\ufeffApplication_No,APPLICANT_TYPE,tax_id,applicant_name,category,expenses_uah,status,status_date,approved_uah,comment,note\n"

func TestImportVouchersLabelsAndErrors(t *testing.T) {
	st := storetest.Open(t, nil)
	run := func(body string) (Summary, error) {
		path := filepath.Join(t.TempDir(), "vouchers.csv")
		require.NoError(t, os.WriteFile(path, []byte(voucherHeader+body), 0o600))
		return Run(t.Context(), Env{Store: st, Config: config.Default()}, "vouchers", path)
	}
	sum, err := run(`lv-1,ФОП,3123456789,ФОП Мельник,Marketing,"12 500,50",На розгляді,20.10.2026,,,x` + "\n" +
		`LV-2,юридична особа,41234569,ТОВ,,"UAH 60,000.00",СХВАЛЕНО,2026-10-21,"30 000",ok,y` + "\n")
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "2 applications read, 2 new")
	assert.Contains(t, sum.String(), "ignored unknown columns: note")
	a, found, err := st.VoucherApplication(t.Context(), "LV-1", "3123456789")
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, "fop", a.Applicant)
	assert.Equal(t, "under_review", a.Status)
	assert.Equal(t, int64(12_500_50), a.Expenses)

	tests := []struct{ name, row, want string }{
		{"bad number", "№1,fop,3123456789,,,100,submitted,,,,", "vouchers.csv:2:1: application_no"},
		{"applicant type", "LV-3,ngo,3123456789,,,100,submitted,,,,", `applicant_type: "ngo" is not one of fop, legal`},
		{"checksum, masked", "LV-3,fop,3123456780,,,100,submitted,,,,", "tax_id: ••••••••80: the check digit does not match"},
		{"wrong kind", "LV-3,fop,41234569,,,100,submitted,,,,", "tax_id: ••••••69 is the wrong kind for applicant_type fop"},
		{"length", "LV-3,legal,412345,,,100,submitted,,,,", "tax_id: a tax id has 8 (EDRPOU) or 10 (RNOKPP) digits (value not shown)"},
		{"category", "LV-3,fop,3123456789,,travel,100,submitted,,,,", `category: "travel" is not one of voucher.categories`},
		{"negative", "LV-3,fop,3123456789,,,-100,submitted,,,,", "vouchers.csv:2:6: expenses_uah: \"-100\": the amount is negative"},
		{"precision", "LV-3,fop,3123456789,,,\"1,005\",submitted,,,,", ""},
		{"status", "LV-3,fop,3123456789,,,100,lost,,,,", `status: "lost" is not one of submitted`},
		{"approved needs amount", "LV-3,fop,3123456789,,,100,approved,,,,", "approved_uah: an approved application needs the approved amount"},
		{"approved over expenses", "LV-3,fop,3123456789,,,100,paid,,200,,", "approved_uah: is more than expenses_uah"},
		{"date", "LV-3,fop,3123456789,,,100,submitted,31.02.2026,,,", "vouchers.csv:2:8: status_date"},
		{"duplicate", "LV-3,fop,3123456789,,,100,submitted,,,,\nLV-3,fop,3123456789,,,100,submitted,,,,", "vouchers.csv:3:1: application_no: \"LV-3\" appears again (first on line 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := run(tt.row + "\n")
			if tt.want == "" { // "1,005" is one thousand and five hryvnias
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "3123456780")
		})
	}
	a, found, err = st.VoucherApplication(t.Context(), "LV-3", "3123456789")
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, int64(1_005_00), a.Expenses, "the failed files after the valid one changed nothing")
}
