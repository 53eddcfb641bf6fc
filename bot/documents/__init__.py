"""Printable documents the bot sends: pure functions from plain data to file bytes (no I/O)."""
