package handlers

import "github.com/transparentcities/nazar/locales"

// Feature declares the business vouchers: /voucher, its menu button, the
// residents' ("vc") and admins' ("vca") buttons and conversations, the
// admin panel's row, /start voucher and the status pushes.
func (v *Voucher) Feature() Feature {
	return Feature{
		Name:      "voucher",
		Commands:  []Command{{Name: "voucher", Description: locales.ID("voucher_cmd"), Run: v.Menu, Order: 400}},
		Menu:      []MenuItem{{Label: locales.ID("voucher_menu_label"), Command: "voucher", Order: 400}},
		Buttons:   map[string]Func{string(vcNS): v.Button, string(vcaNS): v.AdminButton},
		Steps:     map[string]Func{convVoucher: v.Step, convVoucherAdmin: v.AdminStep},
		DeepLinks: []DeepLink{{Payload: "voucher", Command: "voucher"}},
		Admin:     v.AdminButtons,
		Pushes:    []string{"voucher"},
	}
}

// The residents' voucher buttons: "1|vc|<action>|…".
type vcAction string

const (
	vcNS          Namespace[vcAction] = "vc"
	vcMenu        vcAction            = "m"
	vcCalc        vcAction            = "calc" // ask for the applicant type
	vcCalcType    vcAction            = "ct"   // applicant type
	vcStatus      vcAction            = "st"   // ask for an application number
	vcStatusType  vcAction            = "sty"  // applicant type
	vcUnsubscribe vcAction            = "uns"  // application number
)

// The admins' voucher buttons: "1|vca|<action>|…".
type vcaAction string

const (
	vcaNS        Namespace[vcaAction] = "vca"
	vcaNew       vcaAction            = "new" // ask for an application number
	vcaSetStatus vcaAction            = "set" // status
)
