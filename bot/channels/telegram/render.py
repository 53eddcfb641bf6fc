"""How a `Reply` looks on Telegram.

Text goes out in HTML parse mode: everything is escaped first (user-supplied titles,
names and places can contain `<` or `&`), then our `*bold*` and `_italic_` markers
become tags. Values marked as typed by a user (bot/core/markup.py) are only escaped:
their asterisks and underscores never become tags. Button titles show no markup, so
their marks are simply removed. Text
longer than Telegram's 4,096 characters is split at line breaks. Choices become an
inline keyboard whose callback_data is the choice id when it fits Telegram's 64 bytes, or
else a token (`~3`: the fourth button of that message) resolved against the keyboard the
channel remembers; a token nobody remembers (after a restart) resolves to an id no step
offers, so the engine answers "that button has expired". A reply that needs the phone
gets the "Bagikan nomor HP" reply keyboard (Telegram then sends the verified contact).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.core import markup as marks
from bot.core.messages import Choice, Document, Reply

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_BYTES = 64
TOKEN_PREFIX = "~"
# Matches no choice any step offers: the engine treats it as an expired button.
STALE_CHOICE = "~stale"
# Navigation (menu, batal, kembali, bantuan) works from any message at any time.
NAVIGATION_PREFIX = "nav:"
SHARE_PHONE = "📱 Bagikan nomor HP"
SHARE_PHONE_PLACEHOLDER = "Tekan tombol Bagikan nomor HP"
EMPTY_WITH_CHOICES = "Pilih salah satu:"
# Short titles ("Ya", "Tidak") share one row; anything longer gets a row of its own.
ONE_ROW_TITLE, ONE_ROW_COUNT = 12, 3

_BOLD = re.compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*")
# _italic_ only between non-word characters (surat_tugas_KB-2026.pdf stays as it is), and
# never across a <b> tag, so tags always nest and Telegram always accepts the markup.
_ITALIC = re.compile(r"(?<!\w)_(?=\S)([^_\n<>]+?)(?<=\S)_(?!\w)")

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove


@dataclass(frozen=True)
class Part:
    """One Bot API call: a text message, or a document/photo with an optional caption."""

    html: str
    markup: Markup | None = None
    file: Document | None = None
    photo: bool = False
    # The ids behind an inline keyboard's buttons, in order (to resolve tokens).
    choice_ids: tuple[str, ...] = ()


# Stands for the n-th user value while the bot's markers are converted: no `*`, `_`,
# `<`, `>` or space in it, so `*{title}*` still becomes bold around the value.
_SLOT = "\ue002{}\ue003"
_SLOTS = re.compile("\ue002(\\d+)\ue003")


def to_html(text: str) -> str:
    values: list[str] = []
    bot: list[str] = []
    for is_user, piece in marks.segments(text):
        if is_user:
            bot.append(_SLOT.format(len(values)))
            values.append(html.escape(piece, quote=False))
        else:
            bot.append(html.escape(piece.replace("\ue002", "").replace("\ue003", ""), quote=False))
    converted = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", "".join(bot)))
    return _SLOTS.sub(lambda m: values[int(m.group(1))], converted)


def visible_length(text: str) -> int:
    """Telegram counts message length in UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Pieces of at most `limit` characters, cut at line breaks (at spaces, or anywhere,
    only inside a line that is itself too long). Bold never spans lines, so a cut never
    separates a `*` from its partner."""
    pieces: list[str] = []
    current: str | None = None
    for line in text.split("\n"):
        for piece in _split_line(line, limit):
            joined = piece if current is None else f"{current}\n{piece}"
            if visible_length(joined) <= limit:
                current = joined
            else:
                pieces.append(current or "")
                current = piece
    if current is not None:
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]


def _split_line(line: str, limit: int) -> list[str]:
    if visible_length(line) <= limit:
        return [line]
    pieces, current = [], ""
    for word in re.split(r"(?<= )", line):
        for chunk in _hard_split(word, limit):
            if visible_length(current + chunk) <= limit:
                current += chunk
            else:
                pieces.append(current)
                current = chunk
    pieces.append(current)
    return [piece for piece in pieces if piece]


def _hard_split(word: str, limit: int) -> list[str]:
    chunks, current = [], ""
    for char in word:
        if visible_length(current + char) > limit:
            chunks.append(current)
            current = ""
        current += char
    return [*chunks, current]


def callback_data(choice: Choice, index: int) -> str:
    fits = len(choice.id.encode("utf-8")) <= MAX_CALLBACK_BYTES
    if fits and choice.id and not choice.id.startswith(TOKEN_PREFIX):
        return choice.id
    return f"{TOKEN_PREFIX}{index}"


def resolve_callback(data: str, choice_ids: Sequence[str] | None) -> str:
    """The choice id behind a tapped button; `choice_ids` are those of the tapped
    message's keyboard when the channel still knows them."""
    if not data.startswith(TOKEN_PREFIX):
        return data
    index = data[len(TOKEN_PREFIX) :]
    if choice_ids is None or not index.isdigit() or int(index) >= len(choice_ids):
        return STALE_CHOICE
    return choice_ids[int(index)]


def inline_keyboard(choices: Sequence[Choice]) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            marks.strip_marks(choice.title) or str(n + 1), callback_data=callback_data(choice, n)
        )
        for n, choice in enumerate(choices)
    ]
    short = len(buttons) <= ONE_ROW_COUNT and all(
        len(marks.strip_marks(choice.title)) <= ONE_ROW_TITLE for choice in choices
    )
    return InlineKeyboardMarkup([buttons] if short else [[button] for button in buttons])


def phone_keyboard(choices: Sequence[Choice]) -> ReplyKeyboardMarkup:
    """The contact button, and the other choices as plain buttons that send their title
    (the engine matches a typed title like a tap)."""
    rows = [[KeyboardButton(SHARE_PHONE, request_contact=True)]]
    titles = (marks.strip_marks(choice.title) for choice in choices)
    rows += [[KeyboardButton(title)] for title in titles if title]
    return ReplyKeyboardMarkup(
        rows,
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder=SHARE_PHONE_PLACEHOLDER,
    )


def render(reply: Reply) -> list[Part]:
    """The Bot API calls for one reply, the keyboard on the last of them."""
    markup: Markup | None = None
    choice_ids: tuple[str, ...] = ()
    if reply.request_phone:
        markup = phone_keyboard(reply.choices)
    elif reply.choices:
        markup = inline_keyboard(reply.choices)
        choice_ids = tuple(choice.id for choice in reply.choices)
    text = reply.text.strip() or (EMPTY_WITH_CHOICES if markup is not None else "")
    files = [(doc, doc is reply.image) for doc in (reply.document, reply.image) if doc]
    parts: list[Part] = []
    if files and visible_length(text) <= MAX_CAPTION:
        # The text rides along as the caption of the first file.
        doc, photo = files[0]
        parts.append(Part(to_html(text or doc.caption), file=doc, photo=photo))
        files = files[1:]
    else:
        parts.extend(Part(to_html(piece)) for piece in marks.balanced(split_text(text)))
    for doc, photo in files:
        caption = doc.caption if visible_length(doc.caption) <= MAX_CAPTION else ""
        parts.append(Part(to_html(caption), file=doc, photo=photo))
    if parts and markup is not None:
        last = parts[-1]
        parts[-1] = Part(last.html, markup, last.file, last.photo, choice_ids)
    return parts
