"""Texts of the resident conversations, Indonesian (`ID`) and English (`EN`) side by side."""

ID: dict[str, str] = {}

EN: dict[str, str] = {}
