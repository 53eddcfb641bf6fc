"""Kampung Bahagia coverage bot: the runtime (settings, message types, dialog engine,
conversation service, channels, workers, command line and composition root)."""
