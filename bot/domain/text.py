"""What typed text may contain. Pure rules, standard library only.

Control characters and the Unicode bidirectional overrides and isolates change how a
text is shown without being visible themselves: "Jl. Mawar" followed by U+202E makes a
title read backwards in an official's list or an export. They are refused in every
free-text answer. Line breaks and tabs stay (a pasted list has them), and so do the
zero-width joiners that emoji and some scripts need. The two private-use characters that
mark user values in the bot's texts (bot/core/markup.py) are refused too.
"""

from __future__ import annotations

import unicodedata

# U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates.
_BIDI_CONTROLS = frozenset(chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_ALLOWED_CONTROLS = frozenset("\n\r\t")
# The two private-use characters that mark user values inside the bot's own texts
# (bot/core/markup.py): typed by a user they could unmark what follows them.
_MARKS = frozenset("\ue000\ue001")


def hidden_controls(text: str) -> bool:
    """Whether `text` holds a control character or a bidirectional override."""
    return any(
        ch in _BIDI_CONTROLS
        or ch in _MARKS
        or (unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
        for ch in text
    )


def display_name(name: str, limit: int) -> str:
    """A name given by a channel (a Telegram or WhatsApp profile), fit to keep: hidden
    controls dropped, spaces folded, at most `limit` characters."""
    visible = "".join(" " if hidden_controls(ch) else ch for ch in name)
    return " ".join(visible.split())[:limit].rstrip()
