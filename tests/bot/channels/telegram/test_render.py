"""How replies look on Telegram: HTML that escapes whatever users typed, messages split
under 4,096 characters at line breaks, callback_data within 64 bytes whatever the ids and
titles, the "Bagikan nomor HP" keyboard, files with captions; and which taps still count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup

from bot.channels.telegram.keyboards import KeyboardMemory
from bot.channels.telegram.render import (
    MAX_CALLBACK_BYTES,
    MAX_TEXT,
    SHARE_PHONE,
    STALE_CHOICE,
    Part,
    render,
    resolve_callback,
    split_text,
    to_html,
    visible_length,
)
from bot.core.messages import Choice, Document, Reply
from support.fake_telegram import ApiError, visible

PDF = Document("surat_tugas_KB-2026-00001_r0.pdf", "application/pdf", b"%PDF-1.4 ...")


def test_user_text_is_escaped_and_our_markers_become_tags() -> None:
    title = "Perbaikan <Gang> Mawar & Melati"
    html = to_html(f"✅ *{title}* disimpan. Contoh: _25 juta_. Berkas surat_tugas_KB.pdf")
    assert html == (
        "✅ <b>Perbaikan &lt;Gang&gt; Mawar &amp; Melati</b> disimpan. Contoh: <i>25 juta</i>. "
        "Berkas surat_tugas_KB.pdf"
    )
    assert visible(html, "HTML").startswith("✅ Perbaikan <Gang> Mawar & Melati disimpan")


def test_a_title_that_looks_like_html_is_shown_literally() -> None:
    html = to_html('Nama: <a href="http://x">klik</a> </b> &amp;')
    assert visible(html, "HTML") == 'Nama: <a href="http://x">klik</a> </b> &amp;'


@given(st.text(alphabet=st.sampled_from("ab *_<>&\n\"'é😀"), max_size=60))
def test_any_text_renders_to_markup_telegram_accepts(text: str) -> None:
    try:
        shown = visible(to_html(text), "HTML")
    except ApiError as exc:  # the fake's Telegram-like parser refused it
        raise AssertionError(f"{text!r}: {exc.description}") from None
    assert shown.replace("*", "").replace("_", "") == text.replace("*", "").replace("_", "")


def test_long_text_is_split_at_line_breaks_under_the_limit() -> None:
    lines = [f"{n}. Peserta nomor {n} — 1571********{n:04d} — Warga 👷" for n in range(200)]
    text = "\n".join(lines)
    assert visible_length(text) > MAX_TEXT
    pieces = split_text(text)
    assert len(pieces) >= 3
    assert all(visible_length(piece) <= MAX_TEXT for piece in pieces)
    assert "\n".join(pieces) == text  # nothing lost, every cut at a line break


def test_a_single_endless_line_is_cut_at_spaces_then_anywhere() -> None:
    words = "kata " * 2000
    pieces = split_text(words)
    assert len(pieces) == 3 and all(visible_length(p) <= MAX_TEXT for p in pieces)
    assert "".join(pieces) == words
    blob = "😀" * 3000  # 6,000 UTF-16 units, no space at all
    pieces = split_text(blob)
    assert all(visible_length(p) <= MAX_TEXT for p in pieces) and "".join(pieces) == blob


def test_a_long_reply_keeps_its_buttons_on_the_last_message() -> None:
    text = "\n".join("baris yang cukup panjang untuk diisi " * 3 for _ in range(100))
    parts = render(Reply(text, choices=(Choice("yes", "Ya"), Choice("no", "Tidak"))))
    assert len(parts) > 1
    assert all(part.markup is None for part in parts[:-1])
    assert isinstance(parts[-1].markup, InlineKeyboardMarkup)


def test_callback_data_fits_64_bytes_whatever_the_ids_and_titles() -> None:
    choices = (
        Choice("act:12", "Perbaikan jalan Gang Melati " * 10),
        Choice("person:" + "x" * 80, "Siti Aminah"),
        Choice("ü" * 40, "multibyte id"),  # 80 bytes in UTF-8
        Choice("~3", "an id that looks like our token"),
    )
    (part,) = render(Reply("Pilih:", choices=choices))
    assert isinstance(part.markup, InlineKeyboardMarkup)
    data = [b.callback_data for row in part.markup.inline_keyboard for b in row]
    assert all(len(str(d).encode()) <= MAX_CALLBACK_BYTES for d in data)
    assert data[0] == "act:12"  # a short id travels as it is
    assert [resolve_callback(str(d), part.choice_ids) for d in data] == [c.id for c in choices]
    # A token nobody remembers (a restart) matches no choice: the engine says it expired.
    assert resolve_callback(str(data[1]), None) == STALE_CHOICE


def test_short_titles_share_a_row_long_ones_get_their_own() -> None:
    (yes_no,) = render(Reply("PPN?", choices=(Choice("y", "Ya"), Choice("n", "Tidak"))))
    assert [len(row) for row in yes_no.markup.inline_keyboard] == [2]  # type: ignore[union-attr]
    (menu,) = render(Reply("Menu", choices=(Choice("a", "Daftarkan kegiatan"), Choice("b", "Ya"))))
    assert [len(row) for row in menu.markup.inline_keyboard] == [1, 1]  # type: ignore[union-attr]


def test_asking_for_the_phone_shows_the_share_contact_keyboard() -> None:
    reply = Reply(
        "Tekan Bagikan nomor HP", choices=(Choice("code", "Pakai kode"),), request_phone=True
    )
    (part,) = render(reply)
    assert isinstance(part.markup, ReplyKeyboardMarkup)
    first, second = part.markup.keyboard
    assert first[0].text == SHARE_PHONE and first[0].request_contact is True
    assert second[0].text == "Pakai kode"  # tapping it sends the title, which the engine matches
    assert part.markup.one_time_keyboard and part.markup.resize_keyboard


def test_a_document_carries_a_short_text_as_its_caption() -> None:
    (part,) = render(Reply("📄 Surat tugas *001*", document=PDF))
    assert part.file is PDF and not part.photo and part.html == "📄 Surat tugas <b>001</b>"


def test_a_long_text_goes_first_and_the_file_after_it_with_the_buttons() -> None:
    chart = Document("grafik.png", "image/png", b"\x89PNG", caption="Grafik per kecamatan")
    parts = render(Reply("x" * 2000, image=chart, choices=(Choice("menu", "Menu"),)))
    assert [p.file for p in parts] == [None, chart]
    assert parts[1].photo and parts[1].html == "Grafik per kecamatan"
    assert parts[1].markup is not None and parts[0].markup is None


# --- which taps count ---------------------------------------------------------------------


def sent(message_id: int, *choices: Choice) -> tuple[Part, int]:
    (part,) = render(Reply("?", choices=choices))
    return part, message_id


def test_only_the_current_questions_buttons_count_navigation_always_does() -> None:
    memory = KeyboardMemory()
    assert memory.choice_for("7", 10, "yes") == "yes"  # nothing known (a restart): as sent
    memory.remember("7", [sent(10, Choice("yes", "Ya"), Choice("no", "Tidak"))], False)
    assert memory.choice_for("7", 10, "no") == "no"
    memory.remember("7", [sent(12, Choice("yes", "Simpan"))], False)
    assert memory.choice_for("7", 10, "yes") == STALE_CHOICE  # an older question's "Ya"
    assert memory.choice_for("7", 10, "nav:menu") == "nav:menu"
    memory.remember("7", [], False)  # the next question wants typed text
    assert memory.choice_for("7", 12, "yes") == STALE_CHOICE
