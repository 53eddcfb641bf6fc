"""Ringkasan: an official's summary of their scope with a chart."""
