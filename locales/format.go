package locales

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// nbsp is U+00A0 NO-BREAK SPACE: Telegram wraps long lines, and a number
// must never be split between its digit groups or from its unit.
const nbsp = "\u00a0"

// numberStyle holds the per-language conventions. Everything is spelled out
// here instead of asking the OS, so output never depends on the host locale.
type numberStyle struct {
	group, decimal, minus      string
	percentSuffix              string
	moneyPrefix, moneySuffix   string
	dateLayout, dateTimeLayout string
}

// styles: Ukrainian follows ДСТУ typography (no-break space groups, decimal
// comma, U+2212 minus sign, "45,1 %"); English follows common British usage.
var styles = map[string]numberStyle{
	"uk": {
		group: nbsp, decimal: ",", minus: "\u2212",
		percentSuffix: nbsp + "%",
		moneySuffix:   nbsp + "грн",
		dateLayout:    "02.01.2006", dateTimeLayout: "02.01.2006 15:04",
	},
	"en": {
		group: ",", decimal: ".", minus: "-",
		percentSuffix: "%",
		moneyPrefix:   "UAH" + nbsp,
		dateLayout:    "2 Jan 2006", dateTimeLayout: "2 Jan 2006, 15:04",
	},
}

// styleFor returns the style of a normalized language.
func styleFor(lang string) numberStyle {
	if s, ok := styles[lang]; ok {
		return s
	}
	return styles[Default]
}

// Int formats n with digit grouping: uk "1 234 567" (no-break spaces),
// en "1,234,567". Negative numbers get the language's minus sign.
func (l *Localizer) Int(n int64) string {
	return l.signed(n < 0, l.group(strconv.FormatUint(absInt(n), 10)))
}

// Decimal formats v rounded to places fraction digits: uk "1 234,5",
// en "1,234.5". Rounding is strconv's exact one (a tie such as 0.5 goes to
// even); use Money or Percent where exact decimal rounding matters.
// NaN and infinities yield "—".
func (l *Localizer) Decimal(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	digits := strconv.FormatFloat(math.Abs(v), 'f', max(places, 0), 64)
	intPart, frac, _ := strings.Cut(digits, ".")
	out := l.group(intPart)
	if frac != "" {
		out += l.num.decimal + frac
	}
	// Rounding may turn -0.04 into "0.0"; a minus on zero would be noise.
	return l.signed(v < 0 && strings.Trim(digits, "0.") != "", out)
}

// Money formats an amount given in kopiykas (integer arithmetic, no float
// rounding): uk "1 234,50 грн", en "UAH 1,234.50". A negative amount puts the
// minus in front of everything: uk "−1 234,50 грн", en "-UAH 1,234.50".
func (l *Localizer) Money(kopiykas int64) string {
	abs := absInt(kopiykas)
	hryvnias := l.group(strconv.FormatUint(abs/100, 10))
	kop := strconv.FormatUint(abs%100+100, 10)[1:] // always two digits
	body := l.num.moneyPrefix + hryvnias + l.num.decimal + kop + l.num.moneySuffix
	return l.signed(kopiykas < 0, body)
}

// Percent formats num/den as a percentage with one decimal, rounded half
// away from zero with integer arithmetic: uk "45,1 %", en "45.1%". A zero
// denominator yields "—" because there is no meaningful share.
func (l *Localizer) Percent(num, den int) string {
	if den == 0 {
		return "—"
	}
	// tenths = round(|num|*1000 / |den|); big.Int keeps huge counts exact.
	n := new(big.Int).SetUint64(absInt(int64(num)))
	d := new(big.Int).SetUint64(absInt(int64(den)))
	twiceD := new(big.Int).Lsh(d, 1)
	n.Mul(n, big.NewInt(2000)).Add(n, d) // 2·1000·|num| + |den| …
	tenths := n.Quo(n, twiceD).String()  // … ÷ 2·|den| rounds half up
	if len(tenths) < 2 {
		tenths = "0" + tenths
	}
	cut := len(tenths) - 1
	body := l.group(tenths[:cut]) + l.num.decimal + tenths[cut:] + l.num.percentSuffix
	return l.signed((num < 0) != (den < 0) && tenths != "00", body)
}

// Date formats the calendar date of t in t's own location (convert to the
// city's zone first): uk "28.11.2026", en "28 Nov 2026".
func (l *Localizer) Date(t time.Time) string {
	return t.Format(l.num.dateLayout)
}

// DateTime formats date and 24-hour time of t in t's own location:
// uk "28.11.2026 10:00", en "28 Nov 2026, 10:00".
func (l *Localizer) DateTime(t time.Time) string {
	return t.Format(l.num.dateTimeLayout)
}

// group inserts the group separator every three digits from the right.
func (l *Localizer) group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if i > 0 {
			b.WriteString(l.num.group)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// signed prefixes s with the language's minus sign when negative.
func (l *Localizer) signed(negative bool, s string) string {
	if negative {
		return l.num.minus + s
	}
	return s
}

// absInt returns |n| as uint64, which also covers math.MinInt64.
func absInt(n int64) uint64 {
	if n < 0 {
		return ^uint64(n) + 1
	}
	return uint64(n)
}
