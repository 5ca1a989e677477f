package voucher

import (
	"errors"
	"regexp"
	"strings"

	"github.com/transparentcities/nazar/taxid"
)

// Application statuses (SPEC §7): submitted → under_review → approved |
// rejected → paid.
const (
	Submitted   = "submitted"
	UnderReview = "under_review"
	Approved    = "approved"
	Rejected    = "rejected"
	Paid        = "paid"
)

// Statuses lists every status in timeline order.
var Statuses = []string{Submitted, UnderReview, Approved, Rejected, Paid}

// ValidStatus reports whether s is a known status.
func ValidStatus(s string) bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}

// Next lists the statuses an admin may move an application to from the
// current one, in the order offered. An import may set any status (the
// city's register is the source of truth); an admin in the bot follows the
// timeline, plus the corrections an office needs: a rejection can be
// reopened for review and an approval withdrawn.
func Next(current string) []string {
	switch current {
	case Submitted:
		return []string{UnderReview, Rejected}
	case UnderReview:
		return []string{Approved, Rejected}
	case Approved:
		return []string{Paid, Rejected}
	case Rejected:
		return []string{UnderReview}
	}
	return nil
}

// Stage is one line of a timeline shown to the applicant.
type Stage struct {
	Status string
	Done   bool // reached (or passed) by the application
	Dated  bool // Date is known (the change is recorded)
	Date   string
}

// Change is a recorded status change (a line of the history).
type Change struct {
	Status string
	Date   string // YYYY-MM-DD
}

// Timeline lays the history of an application over the path submitted →
// under_review → approved|rejected → paid. Stages passed without a recorded
// change (an application imported as already approved) are shown done but
// undated; the decision stage shows the branch taken, or "approved" as the
// next step while undecided; a rejected application has no payment stage.
func Timeline(current string, history []Change) []Stage {
	dates := map[string]string{}
	for _, c := range history {
		dates[c.Status] = c.Date // the latest change to a status wins
	}
	decision := Approved
	if current == Rejected {
		decision = Rejected
	}
	path := []string{Submitted, UnderReview, decision}
	if decision == Approved {
		path = append(path, Paid)
	}
	reached := indexOf(path, current)
	stages := make([]Stage, len(path))
	for i, s := range path {
		d, ok := dates[s]
		stages[i] = Stage{Status: s, Done: i <= reached, Dated: ok && d != "" && i <= reached, Date: d}
	}
	return stages
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// numberRe is what an application number may look like, once upper-cased:
// "LV-2026-000123".
var numberRe = regexp.MustCompile(`^[A-Z0-9][A-Z0-9/-]{2,31}$`)

// NormalizeNumber upper-cases and trims an application number as typed;
// ok is false when it cannot be one.
func NormalizeNumber(s string) (string, bool) {
	n := strings.ToUpper(strings.TrimSpace(s))
	return n, numberRe.MatchString(n)
}

// ErrWrongKind: a valid tax id of the other kind for the applicant type
// (an EDRPOU typed for a sole proprietor, an RNOKPP for a legal entity).
var ErrWrongKind = errors.New("tax id of the wrong kind for the applicant type")

// TaxKind is the kind of tax id an applicant type files under.
func TaxKind(applicant string) taxid.Kind {
	if applicant == Legal {
		return taxid.EDRPOU
	}
	return taxid.RNOKPP
}

// ApplicantOf is who files under a kind of tax id: a legal entity under
// its EDRPOU, a sole proprietor under their RNOKPP.
func ApplicantOf(kind taxid.Kind) string {
	if kind == taxid.EDRPOU {
		return Legal
	}
	return FOP
}

// CheckTaxID normalizes and validates a tax id for an applicant type. Its
// errors are taxid's (not digits, length, checksum) or ErrWrongKind.
func CheckTaxID(applicant, s string) (string, error) {
	id := taxid.Normalize(s)
	kind, err := taxid.Check(id)
	if err != nil {
		return id, err
	}
	if kind != TaxKind(applicant) {
		return id, ErrWrongKind
	}
	return id, nil
}
