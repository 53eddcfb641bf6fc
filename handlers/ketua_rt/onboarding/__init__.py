"""Onboarding: how a Ketua RT becomes known to the bot (by phone on the RT list, or an invite code)."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "onboarding"
