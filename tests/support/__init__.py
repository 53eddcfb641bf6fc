"""Helpers shared by the tests: chat clients, seeding, fakes of Telegram and WhatsApp.

Plain modules, imported as `support.<module>` (pytest puts tests/ on the path, see
pyproject.toml); fixtures live in the conftest.py files, never here.
"""
