"""Peringatan: what an official hears from the bot besides accident alerts."""
