package translit

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestLatinOfficialExamples(t *testing.T) {
	// Examples from the table of resolution No. 55 of 27.01.2010.
	tests := []struct{ in, want string }{
		{"Алушта", "Alushta"}, {"Андрій", "Andrii"}, {"Борщагівка", "Borshchahivka"},
		{"Вінниця", "Vinnytsia"}, {"Гадяч", "Hadiach"}, {"Згорани", "Zghorany"},
		{"Розгон", "Rozghon"}, {"Ґалаґан", "Galagan"}, {"Ґорґани", "Gorgany"},
		{"Дон", "Don"}, {"Рівне", "Rivne"}, {"Єнакієве", "Yenakiieve"},
		{"Наєнко", "Naienko"}, {"Житомир", "Zhytomyr"}, {"Закарпаття", "Zakarpattia"},
		{"Медвин", "Medvyn"}, {"Іршава", "Irshava"}, {"Їжакевич", "Yizhakevych"},
		{"Кадиївка", "Kadyivka"}, {"Йосипівка", "Yosypivka"}, {"Стрий", "Stryi"},
		{"Київ", "Kyiv"}, {"Лебедин", "Lebedyn"}, {"Миколаїв", "Mykolaiv"},
		{"Ніжин", "Nizhyn"}, {"Одеса", "Odesa"}, {"Полтава", "Poltava"},
		{"Ромни", "Romny"}, {"Суми", "Sumy"}, {"Тетерів", "Teteriv"},
		{"Ужгород", "Uzhhorod"}, {"Фастів", "Fastiv"}, {"Харків", "Kharkiv"},
		{"Біла Церква", "Bila Tserkva"}, {"Чернівці", "Chernivtsi"}, {"Шостка", "Shostka"},
		{"Гоща", "Hoshcha"}, {"Русь", "Rus"}, {"Юрій", "Yurii"},
		{"Крюківка", "Kriukivka"}, {"Яготин", "Yahotyn"}, {"Ярошенко", "Yaroshenko"},
		{"Костянтин", "Kostiantyn"}, {"Знам'янка", "Znamianka"}, {"Феодосія", "Feodosiia"},
		{"Щербухи", "Shcherbukhy"}, {"Короп’є", "Koropie"}, {"Згурівка", "Zghurivka"},
		{"Сваляви", "Svaliavy"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, Latin(tt.in))
		})
	}
}

func TestLatinCaseAndContext(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"all caps", "ЩУКА", "SHCHUKA"},
		{"all caps word start", "ЯНІВ", "YANIV"},
		{"caps zgh", "ЗГОРАНИ", "ZGHORANY"},
		{"single capital", "Ю", "Yu"},
		{"hyphen starts a word", "Івано-Франківськ", "Ivano-Frankivsk"},
		{"word start after space", "вул. Юності", "vul. Yunosti"},
		{"mixed script kept", "ТОВ «Ясен» 2024", "TOV «Yasen» 2024"},
		{"latin untouched", "Mul O'Brien", "Mul O'Brien"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Latin(tt.in))
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"cyrillic", "Янів", "yaniv"},
		{"latin", "Yaniv", "yaniv"},
		{"apostrophes", "Знам’янка O'Brien dʼArc", "znamianka obrien darc"},
		{"spaces", "  Біла \t Церква\n", "bila tserkva"},
		{"caps", "МУЛЬ", "mul"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Fold(tt.in))
		})
	}
	assert.Contains(t, Fold("Муль Роман"), Fold("Mul"))
	assert.Contains(t, Fold("Муль"), Fold("мУл"))
}

// foldByDefinition is what Fold promises, built the slow way from Latin.
func foldByDefinition(s string) string {
	l := strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, strings.ToLower(Latin(s)))
	return strings.Join(strings.Fields(l), " ")
}

func TestFoldKeepsItsDefinition(t *testing.T) {
	for _, s := range []string{"a ь b", "ь", " ь a", "aь ", "Зг зГ", "Ї-Є", "'Їжак", "об'єкт", "ЮЯ", "\xffЯ\xfe",
		"Ґанок", "Ёлка Эра", "x\u00a0y\u2003z", "İstanbul"} {
		assert.Equal(t, foldByDefinition(s), Fold(s), "%q", s)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Янів", "Знам'янка", "ЗГ", "Щ", "a b", "’", "\xff", "Ї-Є", "a ь b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if want := foldByDefinition(s); got != want {
			t.Fatalf("Fold(%q) = %q, by its definition %q", s, got, want)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, got)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("Fold(%q) = %q has untidy spaces", s, got)
		}
		if Fold(got) != got && utf8.ValidString(s) {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, got, Fold(got))
		}
		for _, r := range got {
			if isCyrillic(r) && r != 'ѐ' {
				if _, ok := latinOf(r, 'a'); ok {
					t.Fatalf("Fold(%q) = %q keeps Ukrainian letter %q", s, got, r)
				}
			}
		}
	})
}
