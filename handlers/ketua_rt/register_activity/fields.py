"""What the registration steps share: the answers kept in ctx.data (dates as ISO text,
JSON only), "change a field, then back to the summary", and the checks on typed words."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.core.dialog import Answer, Context, Go, Stay

# Set while the user changes one field from the summary card: the step then returns there.
EDITING = "editing"
# The answers a chair types; until they are saved as a draft they live only in ctx.data.
TYPED = ("title", "kind", "place", "start", "end", "value", "ppn")


def unfinished(ctx: Context, data: Mapping[str, Any]) -> str | None:
    """The registration in progress in words, once anything was answered: `batal` asks
    before throwing it away, `menu` keeps it to continue."""
    if all(data.get(key) is None for key in TYPED):
        return None
    title = data.get("title")
    return ctx.t("reg_unfinished_titled", title=title) if title else ctx.t("reg_unfinished")


def after(ctx: Context, next_step: str) -> Go:
    """The step after an answer: the next question, or the summary when editing."""
    return Go("summary" if ctx.data.get(EDITING) else next_step)


def day(ctx: Context, key: str) -> date | None:
    value = ctx.data.get(key)
    return date.fromisoformat(value) if isinstance(value, str) else None


def current(ctx: Context, key: str) -> str:
    """ "(Jawaban sekarang: …)" under a question already answered, so `kembali` and "Ubah"
    show what is being changed."""
    value = ctx.data.get(key)
    return ctx.t("reg_current", value=value) if value else ""


def is_words(text: str, minimum: int) -> bool:
    """At least `minimum` characters, one of them a letter: emoji, dots or a lone number
    are not a title or a place."""
    return len(text) >= minimum and any(ch.isalpha() for ch in text)


def typed_words(
    ctx: Context, answer: Answer, minimum: int, maximum: int, invalid: str
) -> str | Stay:
    """The typed words with spaces folded (a title, a place), or why they are not
    accepted: a picked button or too few letters (`invalid`, a text key), or too long."""
    text = " ".join(answer.text.split())
    if answer.choice is not None or not is_words(text, minimum):
        return Stay(ctx.t(invalid))
    if len(text) > maximum:
        return Stay(ctx.t("too_long", limit=maximum))
    return text
