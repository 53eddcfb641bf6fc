"""English texts. Every key of `id.py` must exist here with the same placeholders."""

# The privacy notice after its heading; "Data saya" shows it under its own heading.
PRIVACY_BODY = (
    "This service is run by the Jambi City Government (the data controller) for the "
    "Kampung Bahagia programme (Mayoral Regulation No. 18 of 2025).\n"
    "• Purpose: registering and checking BPJS Ketenagakerjaan cover (JKK and JKM) for "
    "RT activity participants and handling work-accident reports.\n"
    "• Stored: NIK, name, date of birth, sex, phone number, role and wage/fee on "
    "activities, accident reports, correction requests, this chat account (name and "
    "phone number), the conversation in progress, and an access log.\n"
    "• Only the NIK is stored encrypted (and shown masked); everything else is protected "
    "by access control.\n"
    "• Who sees it: the Ketua RT of your activity, Pemkot officials and admins for their "
    "area, and BPJS Ketenagakerjaan when participants are registered.\n"
    "• Retention: participant data is anonymised {inactive_days} days after their last "
    "activity ended; idle conversations are deleted.\n"
    "• Your rights (UU 27/2022): under *My data* you can see and download your data, ask "
    "for a correction, or ask for erasure (what insurance claims need is kept "
    "{claims_days} more days, then anonymised). Questions: your Ketua RT or a Pemkot "
    "official."
)

TEXTS: dict[str, str] = {
    "step_gone": "Sorry, the previous conversation cannot continue because the service was updated. Let's start again from the menu.",
    "too_long": "Your message is too long (more than {limit} characters). Please send a shorter one.",
    "hidden_controls": "Your message contains hidden characters (control or text-direction characters) that we cannot store. Please type it again without them.",
    "stale_choice": "That button is no longer valid. Please choose from the latest question below.",
    "no_back": "This is the first question; there is no previous step.",
    "cancelled": "Cancelled. Nothing was saved.",
    "cancelled_step": "This step was cancelled. Everything already saved is still there.",
    "unfinished_generic": "unfinished answers",
    "unfinished_discard_question": "Cancel {what}? Everything you entered here will be deleted.",
    "unfinished_discard_yes": "Yes, delete it",
    "unfinished_discard_no": "No, continue",
    "unfinished_discarded": "Cancelled: {what}. What you entered was deleted.",
    "unfinished_kept": "All right, nothing was cancelled. Let's continue.",
    "unfinished_paused": "Your answers are kept: {what}. Open the same menu any time to continue.",
    "unfinished_resume_question": "Something is not finished yet: {what}. Continue from the last step?",
    "unfinished_resume_continue": "Continue",
    "unfinished_resume_restart": "Start again (the earlier answers are deleted)",
    "unfinished_still_kept": "Your unfinished answers are still kept.",
    "not_allowed": "Sorry, that menu is not available to you.",
    "repeated": "The same message arrived again.",
    "helpdesk_line": "☎️ Need an official's help? {contact}",
    "help_generic": "Answer the question below, or type:\n• *kembali* (back) to change the previous answer\n• *batal* (cancel) to cancel\n• *menu* for the main menu",
    "nav_hint": "(type kembali · batal · menu)",
    "internal_error": "Sorry, something went wrong on our side. Your message was not processed; please try again shortly.",
    "too_fast": "⏳ Your messages are arriving too fast. Messages in the next {seconds} seconds are not processed; after that, please send again.",
    "busy": "Sorry, your message collided with another one. Please send it again.",
    "pick_one": "Please choose one: type its number or tap its button.",
    "privacy_notice": ("🔒 *Privacy notice* (version {version})\n" + PRIVACY_BODY),
    "menu_title": "🏠 *Kampung Bahagia main menu*\nPlease choose:",
    "menu_greeting_official": "Welcome, {name}.",
    "menu_greeting_rt": "Welcome, {name} — head of RT {rt}, Kel. {kelurahan}.",
    "menu_item_register": "Register an activity",
    "menu_item_my_activities": "My activities",
    "menu_item_check": "Check my cover",
    "menu_item_benefits": "Benefits",
    "menu_item_accident": "Report an accident",
    "menu_item_my_data": "My data",
    "menu_item_summary": "Summary",
    "menu_item_activities": "Activities",
    "menu_item_export": "BPJS export",
    "menu_item_incidents": "Incidents",
    "menu_item_corrections": "Data corrections",
    "menu_item_alerts": "Alert settings",
    "menu_item_admin": "Admin",
    "menu_item_premium": "Premium simulation",
    "menu_item_help": "Help",
    "menu_help": (
        "This bot supports Jambi City's Kampung Bahagia programme:\n"
        "• RT heads register activities and participants so they are covered by BPJS Ketenagakerjaan (JKK + JKM).\n"
        "• Residents check their cover and report work accidents.\n"
        "• City officials follow activities and accident reports.\n\n"
        "At any time you can type *menu*, *kembali* (back), *batal* (cancel) or *bantuan* (help)."
    ),
    "menu_later": "This feature is being prepared. Meanwhile please use another menu item.",
    "premium_ask_value": "💰 *Construction-services premium simulation*\nWhat is the activity's value? For example: *25 juta*, *Rp25.000.000*, *2,5 jt*.",
    "premium_ambiguous": "Did you mean *{likely}*? Tap *Yes* if so, or write it in full with its unit, e.g. *25 juta* or *Rp25.000.000*.",
    "premium_not_money": "I cannot read that as an amount in rupiah. For example: *25 juta*, *Rp25.000.000*, *500 ribu*.",
    "money_which": "That number can be read more than one way. Do you mean {readings}? Tap one, or write it in full with its unit, e.g. *1,5 juta* or *Rp1.500.000*.",
    "money_or": " or ",
    "money_yes": "Yes, {amount}",
    "premium_zero": "The activity's value must be more than Rp0.",
    "premium_too_large": "That value is too large for one activity. Please check the number.",
    "premium_result": (
        "Activity value: *{value}*\n"
        "Rate band: {band}\n"
        "JKK (work accidents): {jkk}\n"
        "JKM (death): {jkm}\n"
        "*Total premium: {total}*\n\n"
        "Construction-services rates are tiered: 0.24% up to Rp100 million, 0.19% for the "
        "part from Rp100–500 million, 0.15% for Rp500 million–1 billion, 0.12% for Rp1–5 "
        "billion, 0.10% above. The employer pays the premium; participants pay nothing."
    ),
    "premium_again": "Type another value to calculate again, or *menu* to go back.",
    "band_1": "up to Rp100 million (0.24%)",
    "band_2": "Rp100–500 million (0.19% on this part)",
    "band_3": "Rp500 million–1 billion (0.15% on this part)",
    "band_4": "Rp1–5 billion (0.12% on this part)",
    "band_5": "above Rp5 billion (0.10% on this part)",
    # Telegram's command menu: the engine's navigation commands.
    "command_menu": "Main menu",
    "command_cancel": "Cancel what is being filled in",
    "command_help": "Help with this question",
}
