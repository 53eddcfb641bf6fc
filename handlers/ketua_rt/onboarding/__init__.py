"""Onboarding: how a Ketua RT becomes known to the bot (by phone on the RT list, or an invite code)."""
