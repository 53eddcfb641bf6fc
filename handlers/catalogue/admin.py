"""Texts of the admin conversations, Indonesian (`ID`) and English (`EN`) side by side."""

ID: dict[str, str] = {}

EN: dict[str, str] = {}
