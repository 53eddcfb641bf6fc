"""User values marked where texts are built, escaped by each channel's renderer
(bot/core/markup.py): the marks survive a channel's cut of a long text, a catalogue text
filled into another keeps its formatting, and an accident alert to an official, built
from the reporter's words, renders them literally on Telegram and on WhatsApp."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.alerts.accident import AccidentFacts, accident_alert_text
from bot.app import App
from bot.channels.telegram import render as telegram
from bot.channels.whatsapp import render as whatsapp
from bot.core.markup import CLOSE, OPEN, Text, balanced, segments, strip_marks, user
from bot.core.messages import Choice, Document, Location, Reply
from handlers.catalogue import Catalogue
from support.chat import Chat

HOSTILE = "*tebal* _miring_ <b>x</b> ~c~ ```k```"
ESCAPED_HTML = "*tebal* _miring_ &lt;b&gt;x&lt;/b&gt; ~c~ ```k```"
J = "\u2060"
INERT = "".join(f"{J}{ch}{J}" if ch in "*_~`" else ch for ch in HOSTILE)


def test_only_values_with_formatting_characters_are_marked() -> None:
    assert user("Kerja bakti parit") == "Kerja bakti parit"
    assert user(HOSTILE) == f"{OPEN}{HOSTILE}{CLOSE}"
    assert user(f"a{OPEN}*b*{CLOSE}") == f"{OPEN}a*b*{CLOSE}"  # marks inside are dropped
    assert list(segments(f"*{user('_x_')}* y")) == [(False, "*"), (True, "_x_"), (False, "* y")]


def test_a_cut_inside_a_value_leaves_both_pieces_marked() -> None:
    text = f"head {user('*a b c*')} tail"
    cut = text.index("b")
    pieces = balanced([text[:cut], text[cut:]])
    assert [list(segments(p)) for p in pieces] == [
        [(False, "head "), (True, "*a ")],
        [(True, "b c*"), (False, " tail")],
    ]


def test_catalogue_texts_keep_their_formatting_inside_other_texts() -> None:
    texts = Catalogue()
    inner = texts.text("id", "conf_not_draft", title=HOSTILE, number="KB-1")
    assert isinstance(inner, Text) and f"*{OPEN}{HOSTILE}{CLOSE}*" in inner
    joined = texts.text("id", "money_or").join(["*satu*", "*dua*"])
    assert isinstance(joined, Text)
    outer = texts.text("id", "money_which", readings=joined)
    assert "*satu*" in outer and OPEN not in outer
    assert texts.text("id", "money_which", readings="*satu*").count(OPEN) == 1


def _facts() -> AccidentFacts:
    occurred = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    return AccidentFacts(
        incident_id=1,
        reference="LK-20260302-0001",
        rt="RT 01",
        kelurahan="Simpang IV Sipin",
        kecamatan="Telanaipura",
        activity=f"{HOSTILE} (KB-2026-00001)",
        victim_name="_Siti_ *Aminah*",
        victim_nik_masked="1571********0001",
        occurred_at=occurred,
        place=HOSTILE,
        description=HOSTILE,
        severity="rawat_inap",
        covered=False,
        reporter_name="*Budi*",
        reporter_phone="+6281200000001",
        deadline=occurred + timedelta(hours=48),
    )


def test_an_accident_alert_shows_the_reporters_words_literally() -> None:
    text = accident_alert_text(Catalogue(), "id", _facts())
    reply = Reply(text, urgent=True)
    (part,) = telegram.render(reply)
    assert part.html.startswith("⚠️ <b>KECELAKAAN KERJA</b>")  # the bot's own bold
    assert part.html.count(ESCAPED_HTML) == 3
    assert "<b>tebal</b>" not in part.html and "<i>Siti</i>" not in part.html
    assert "_Siti_ *Aminah*" in part.html and "*Budi*" in part.html
    (message,) = whatsapp.render(reply)
    body = message["text"]["body"]  # type: ignore[index]
    assert body.startswith("⚠️ *KECELAKAAN KERJA*") and body.count(INERT) == 3
    assert "*tebal*" not in body and "*Budi*" not in body and OPEN not in body


def test_captions_and_numbered_choices_are_escaped_and_buttons_unmarked() -> None:
    caption = f"📄 Surat tugas {user(HOSTILE)}"
    doc = Document("surat.pdf", "application/pdf", b"%PDF", caption=caption)
    (media,) = whatsapp.render(Reply("", document=doc))
    assert isinstance(media, whatsapp.MediaPart)
    sent = whatsapp.media_message(media.kind, "m1", media.document)
    assert INERT in sent["document"]["caption"]
    (part,) = telegram.render(Reply("", document=doc))
    assert ESCAPED_HTML in part.html

    choices = tuple(Choice(f"c{n}", user(f"{HOSTILE} {n}")) for n in range(12))
    (numbered,) = whatsapp.render(Reply("Pilih:", choices=choices))
    assert INERT in numbered["text"]["body"]  # type: ignore[index]
    buttons = telegram.render(Reply("Pilih:", choices=choices[:2]))[-1].markup
    titles = [b.text for row in buttons.inline_keyboard for b in row]  # type: ignore[union-attr]
    assert titles == [f"{HOSTILE} 0", f"{HOSTILE} 1"]
    rows = whatsapp.render(Reply("Pilih:", choices=choices[:5]))[-1]
    listed = rows["interactive"]["action"]["sections"][0]["rows"]  # type: ignore[index]
    assert all(OPEN not in r["title"] and OPEN not in r.get("description", "") for r in listed)
    assert strip_marks(replace(choices[0]).title) == f"{HOSTILE} 0"


async def test_marks_in_what_the_channel_adds_are_dropped(app: App) -> None:
    chat = Chat(app, "warga-m", channel="whatsapp", name=f"Budi{CLOSE} *tebal*{OPEN}")
    await chat.sends(text="menu", location=Location(-1.6, 103.6, f"Pos{CLOSE} *ronda*"))
    async with app.uow_factory() as uow:
        account = await uow.accounts.find("whatsapp", "warga-m")
    assert account is not None and account.name == "Budi *tebal*"
