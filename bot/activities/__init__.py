"""An activity's life from registration to confirmation and tracked changes, between the dialogs and the database."""
