package voucher

import (
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// Feature declares the business vouchers: /voucher, its menu button, the
// residents' ("vc") and admins' ("vca") buttons and conversations, the
// admin panel's row, /start voucher and the status pushes.
func (v *Voucher) Feature() handlers.Feature {
	return handlers.Feature{
		Name:      "voucher",
		Commands:  []handlers.Command{{Name: "voucher", Description: locales.ID("voucher_cmd"), Run: v.Menu, Order: 400}},
		Menu:      []handlers.MenuItem{{Label: locales.ID("voucher_menu_label"), Command: "voucher", Order: 400}},
		Buttons:   map[string]handlers.Func{string(VcNS): v.Button, string(vcaNS): v.AdminButton},
		Steps:     map[string]handlers.Func{ConvVoucher: v.Step, convVoucherAdmin: v.AdminStep},
		DeepLinks: []handlers.DeepLink{{Payload: "voucher", Command: "voucher"}},
		Admin:     v.AdminButtons,
		Pushes:    []string{"voucher"},
	}
}

// The residents' voucher buttons: "1|vc|<action>|…".
type vcAction string

const (
	VcNS          handlers.Namespace[vcAction] = "vc"
	vcMenu        vcAction                     = "m"
	VcCalc        vcAction                     = "calc" // ask for the applicant type
	vcCalcType    vcAction                     = "ct"   // applicant type
	VcStatus      vcAction                     = "st"   // ask for an application number
	vcStatusType  vcAction                     = "sty"  // applicant type
	vcUnsubscribe vcAction                     = "uns"  // application number
)

// The admins' voucher buttons: "1|vca|<action>|…".
type vcaAction string

const (
	vcaNS        handlers.Namespace[vcaAction] = "vca"
	vcaNew       vcaAction                     = "new" // ask for an application number
	vcaSetStatus vcaAction                     = "set" // status
)
