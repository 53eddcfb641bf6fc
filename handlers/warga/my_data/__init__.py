"""Data saya: a person's own data and their correction requests (UU 27/2022)."""
