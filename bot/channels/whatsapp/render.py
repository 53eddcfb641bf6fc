"""A `Reply` as WhatsApp Cloud API messages, within WhatsApp's limits.

- Text: at most 4,096 characters per message; longer text is split at paragraph, line or
  word boundaries.
- 1–3 choices: reply buttons (title at most 20 characters); 4–10: a list (row title at
  most 24, description at most 72, one button labelled "Pilih"); more: numbered lines
  that a typed number answers (the engine maps numbers to the offered choices). The body
  of an interactive message is at most 1,024 characters, so longer text goes first as
  plain messages. Titles are shortened at a word boundary with "…"; ids never change.
- A document or image is a `MediaPart`: the channel uploads it, then sends it by media id.
- WhatsApp reads `*bold*`, `_italic_`, `~strike~` and backticks in bodies and captions
  and has no escape character. In values marked as typed by a user (bot/core/markup.py)
  every such character is fenced by invisible word joiners (U+2060), so it no longer
  sits at a word boundary and shows as itself. Titles and descriptions of buttons and
  rows are not formatted by WhatsApp: their marks are only removed.

The bodies returned here lack the recipient; the sender adds it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bot.core import markup as marks
from bot.core.messages import Choice, Document, Reply

TEXT_LIMIT = 4096
INTERACTIVE_BODY_LIMIT = 1024
CAPTION_LIMIT = 1024
MAX_BUTTONS = 3
MAX_ROWS = 10
BUTTON_TITLE_LIMIT = 20
ROW_TITLE_LIMIT = 24
ROW_DESCRIPTION_LIMIT = 72
# Channel chrome, not dialog text: the label that opens a list and its one section.
LIST_BUTTON = "Pilih"
LIST_SECTION = "Pilihan"
ELLIPSIS = "…"
_FORMATTING = "*_~`"
_JOINER = "\u2060"


def to_whatsapp(text: str) -> str:
    """A marked text as a WhatsApp body: bot formatting kept, user values inert."""
    return "".join(
        "".join(f"{_JOINER}{ch}{_JOINER}" if ch in _FORMATTING else ch for ch in piece)
        if is_user
        else piece
        for is_user, piece in marks.segments(text)
    )


@dataclass(frozen=True)
class MediaPart:
    """A file to upload and send: `kind` is "document" or "image"."""

    kind: str
    document: Document


Part = dict[str, Any] | MediaPart


def render(reply: Reply) -> list[Part]:
    """The messages that carry one reply, in order."""
    media = [
        MediaPart(kind, doc)
        for kind, doc in (("document", reply.document), ("image", reply.image))
        if doc is not None
    ]
    choices = [
        replace(c, title=marks.strip_marks(c.title), description=marks.strip_marks(c.description))
        for c in reply.choices
    ]
    text = reply.text.strip()
    if len(choices) > MAX_ROWS:
        text = numbered(text, choices)
    text = to_whatsapp(text)
    # One file and a short text: the text is its caption, one message instead of two.
    alone = len(media) == 1 and not choices and not media[0].document.caption
    if alone and 0 < len(text) <= CAPTION_LIMIT:
        return [MediaPart(media[0].kind, replace(media[0].document, caption=text))]
    parts: list[Part] = list(media)
    if not choices or len(choices) > MAX_ROWS:
        parts.extend(text_message(chunk) for chunk in split_text(text, TEXT_LIMIT))
        return parts
    head, body = split_tail(text, INTERACTIVE_BODY_LIMIT)
    parts.extend(text_message(chunk) for chunk in split_text(head, TEXT_LIMIT))
    body = body or ELLIPSIS
    parts.append(buttons(body, choices) if len(choices) <= MAX_BUTTONS else listing(body, choices))
    return parts


def text_message(text: str) -> dict[str, Any]:
    return {"type": "text", "text": {"body": text, "preview_url": False}}


def buttons(body: str, choices: list[Choice]) -> dict[str, Any]:
    titles = unique([shorten(c.title, BUTTON_TITLE_LIMIT) for c in choices], BUTTON_TITLE_LIMIT)
    return {
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": body},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": c.id, "title": title}}
                    for c, title in zip(choices, titles, strict=True)
                ]
            },
        },
    }


def listing(body: str, choices: list[Choice]) -> dict[str, Any]:
    titles = unique([shorten(c.title, ROW_TITLE_LIMIT) for c in choices], ROW_TITLE_LIMIT)
    rows = []
    for choice, title in zip(choices, titles, strict=True):
        row = {"id": choice.id, "title": title}
        # A shortened title keeps its full wording in the description, unless the
        # choice has a description of its own.
        description = choice.description or (choice.title if title != choice.title else "")
        if description:
            row["description"] = shorten(description, ROW_DESCRIPTION_LIMIT)
        rows.append(row)
    return {
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": body},
            "action": {
                "button": LIST_BUTTON,
                "sections": [{"title": LIST_SECTION, "rows": rows}],
            },
        },
    }


def numbered(text: str, choices: list[Choice]) -> str:
    # Titles are often user values (activity titles, names): marked, they stay literal.
    lines = [
        f"{number}. {marks.user(choice.title)}" for number, choice in enumerate(choices, start=1)
    ]
    return "\n\n".join(part for part in (text, "\n".join(lines)) if part)


def media_message(kind: str, media_id: str, doc: Document) -> dict[str, Any]:
    body: dict[str, Any] = {"id": media_id}
    if kind == "document":
        body["filename"] = doc.file_name
    if doc.caption:
        body["caption"] = shorten(to_whatsapp(doc.caption), CAPTION_LIMIT)
    return {"type": kind, kind: body}


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters: cut at a word boundary when one is near, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-–—&/") + ELLIPSIS


def unique(titles: list[str], limit: int) -> list[str]:
    """WhatsApp refuses two buttons (or rows) with the same title: number repeats."""
    seen: dict[str, int] = {}
    result = []
    for title in titles:
        count = seen.get(title, 0) + 1
        seen[title] = count
        if count > 1:
            suffix = f" ({count})"
            title = shorten(title, limit - len(suffix)) + suffix
        result.append(title)
    return result


def split_text(text: str, limit: int) -> list[str]:
    """Chunks of at most `limit` characters, cut at the last paragraph break, else line
    break, else space before the limit (a hard cut only for one enormous word)."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _boundary(rest[: limit + 1], limit)
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def split_tail(text: str, limit: int) -> tuple[str, str]:
    """(head, tail): the tail is the end of the text, at most `limit` characters, starting
    at a boundary; the head is everything before it."""
    text = text.strip()
    if len(text) <= limit:
        return "", text
    window = text[-(limit + 1) :]
    start = len(window) - _boundary(window[::-1], limit)
    cut = len(text) - len(window) + start
    return text[:cut].rstrip(), text[cut:].lstrip()


def _boundary(window: str, limit: int) -> int:
    """Where to cut a window of limit+1 characters: after the last paragraph break, line
    break or space that leaves a chunk of at least a quarter of the limit."""
    for separator in ("\n\n", "\n", " "):
        at = window.rfind(separator, 0, limit + 1)
        if at > limit // 4:
            return at
    return limit
