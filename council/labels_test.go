package council

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		class, title string
		want         int
	}{
		{"За основу", "Про бюджет", KindFirst},
		{"В цілому", "Про бюджет", KindFinal},
		{"За основу і в цілому", "Про бюджет", KindFinal},
		{"", "Про бюджет", KindFinal},
		{"", `За поправку до № 6 від 30.10.18 "Звіт"`, KindAmendment},
		{"Поправка", "Поправка депутата", KindAmendment},
		{"Процедурне", "включити до порядку денного", KindProcedural},
		{"З голосу", "зняти з розгляду", KindProcedural},
	}
	for _, tt := range tests {
		t.Run(tt.class+"/"+tt.title, func(t *testing.T) {
			assert.Equal(t, tt.want, KindOf(tt.class, tt.title))
		})
	}
}

func TestAdopted(t *testing.T) {
	for result, want := range map[string]bool{
		"Прийнято": true, "ПРИЙНЯТО": true, "Рішення прийнято": true, "adopted": true,
		"Не прийнято": false, "НЕ ПРИЙНЯТО": false, "Відхилено": false, "": false,
	} {
		assert.Equal(t, want, Adopted(result), result)
	}
}
