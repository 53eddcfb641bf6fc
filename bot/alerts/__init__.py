"""Alerts to city officials about what happened in their scope."""
