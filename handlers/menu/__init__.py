"""The main menu: what each role can do."""
