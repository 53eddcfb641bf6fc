"""Which parts of a text the bot wrote and which a user did. Standard library only.

Texts carry the bot's own formatting (`*bold*`, `_italic_`) that each channel turns into
its own markup. A value a person typed or a channel gave us (an activity title, a name, a
place, a reason, a pasted list, a profile name) must never become formatting, whatever it
contains: `*tebal*` in a title is shown with its asterisks, `<b>` with its brackets.

So values are marked where texts are built (`Catalogue.text` marks every plain string it
fills in, `user()` marks one by hand) and the channel renderers escape what is marked,
each in its own way. The marks are two private-use characters around the value; only
values holding a character some channel would read as formatting get them, so ordinary
texts stay exactly as they were. A text the catalogue built is a `Text`: filled into
another text it keeps its own formatting (its user values are marked already).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

OPEN = "\ue000"
CLOSE = "\ue001"
_MARKS = str.maketrans("", "", OPEN + CLOSE)
# Characters Telegram's HTML (after our `*`/`_` conversion) or WhatsApp would read as
# formatting: WhatsApp's bold, italic, strike and monospace, and HTML's brackets.
_FORMATTING = frozenset("*_~`<>&")


class Text(str):
    """A text built by the catalogue: bot formatting plus already-marked user values."""

    __slots__ = ()

    @classmethod
    def joined(cls, separator: str, parts: Iterable[str]) -> Text:
        """Bot texts joined into one bot text (`str.join` would forget they are texts)."""
        return cls(separator.join(parts))

    def join(self, parts: Iterable[str]) -> Text:
        """`t("money_or").join(...)`: a bot separator joining bot texts."""
        return Text(str.join(self, parts))


def strip_marks(text: str) -> str:
    """A text with the marks removed, for places that show no formatting (buttons,
    files, logs)."""
    return text.translate(_MARKS)


def user(value: object) -> str:
    """`value` marked as typed by a user, so no channel renders it as formatting."""
    plain = strip_marks(str(value))
    if not any(ch in _FORMATTING for ch in plain):
        return plain
    return f"{OPEN}{plain}{CLOSE}"


def fill(value: object) -> object:
    """A value for a catalogue template: a `Text` stays as it is, and so does a string
    holding marks (catalogue texts put together with `+` or an f-string: their user values
    are marked already, and no user can type a mark: bot/domain/text.py refuses them);
    other strings are marked as user values; numbers and other objects keep their own
    formatting."""
    if isinstance(value, Text) or not isinstance(value, str):
        return value
    if OPEN in value or CLOSE in value:
        return value
    return user(value)


def segments(text: str) -> Iterator[tuple[bool, str]]:
    """(is_user, piece) in order. A mark without its partner (a text cut in two by a
    channel's length limit) still marks what follows it up to the end, so a cut never
    turns a user value into formatting."""
    inside = False
    piece: list[str] = []
    for ch in text:
        if ch in (OPEN, CLOSE):
            if piece:
                yield inside, "".join(piece)
                piece = []
            inside = ch == OPEN
            continue
        piece.append(ch)
    if piece:
        yield inside, "".join(piece)


def balanced(pieces: Iterable[str]) -> list[str]:
    """Pieces of one marked text cut apart, each closed and reopened where a cut fell
    inside a user value, so every piece can be escaped on its own."""
    result: list[str] = []
    inside = False
    for piece in pieces:
        start = OPEN if inside else ""
        last_open, last_close = piece.rfind(OPEN), piece.rfind(CLOSE)
        if last_open != last_close:
            inside = last_open > last_close
        result.append(start + piece + (CLOSE if inside else ""))
    return result
