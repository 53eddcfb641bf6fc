"""Texts of Simulasi premi of its own; the premium texts it shares with the registration
(`premium_*`, amounts) are in the shared catalogue. Indonesian (`ID`) and English (`EN`)
side by side; the catalogue collects them."""

ID: dict[str, str] = {
    # Its line in Telegram's command menu.
    "command_premium": "Hitung premi BPJS Jakon",
}

EN: dict[str, str] = {
    # Its line in Telegram's command menu.
    "command_premium": "Calculate the BPJS Jakon premium",
}
