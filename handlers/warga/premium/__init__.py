"""Simulasi premi: the premium of any activity value."""
