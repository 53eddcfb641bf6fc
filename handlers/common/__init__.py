"""Helpers every persona's dialogs share: access checks and how an activity reads in chat."""
