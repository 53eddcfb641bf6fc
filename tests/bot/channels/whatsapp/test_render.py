"""How a reply looks on WhatsApp: reply buttons for up to 3 choices, a list for up to 10,
numbered text beyond; titles shortened to WhatsApp's limits without touching the ids;
long text split; files as uploads."""

from __future__ import annotations

from typing import Any

from bot.channels.whatsapp.render import (
    BUTTON_TITLE_LIMIT,
    ROW_DESCRIPTION_LIMIT,
    ROW_TITLE_LIMIT,
    MediaPart,
    render,
    shorten,
    split_tail,
    split_text,
)
from bot.core.messages import Choice, Document, Reply


def choices(count: int, title: str = "Pilihan") -> tuple[Choice, ...]:
    return tuple(Choice(f"c{n}", f"{title} {n}") for n in range(1, count + 1))


def only(parts: list[Any]) -> dict[str, Any]:
    assert len(parts) == 1, parts
    return parts[0]


def test_two_and_three_choices_are_reply_buttons() -> None:
    for count in (2, 3):
        message = only(render(Reply("Sudah benar?", choices(count))))
        interactive = message["interactive"]
        assert message["type"] == "interactive" and interactive["type"] == "button"
        assert interactive["body"]["text"] == "Sudah benar?"
        buttons = interactive["action"]["buttons"]
        assert [b["reply"]["id"] for b in buttons] == [f"c{n}" for n in range(1, count + 1)]
        assert all(b["type"] == "reply" for b in buttons)


def test_four_and_ten_choices_are_a_list() -> None:
    for count in (4, 10):
        interactive = only(render(Reply("Pilih jenis kegiatan:", choices(count))))["interactive"]
        assert interactive["type"] == "list"
        assert interactive["action"]["button"] == "Pilih"
        (section,) = interactive["action"]["sections"]
        assert [row["id"] for row in section["rows"]] == [f"c{n}" for n in range(1, count + 1)]
        assert section["rows"][0]["title"] == "Pilihan 1"


def test_eleven_choices_are_numbered_text() -> None:
    message = only(render(Reply("Pilih RT:", choices(11, "RT"))))
    assert message["type"] == "text"
    body = message["text"]["body"]
    assert body.startswith("Pilih RT:\n\n1. RT 1\n2. RT 2\n")
    assert body.endswith("11. RT 11")


def test_long_button_titles_are_shortened_at_a_word_and_keep_their_ids() -> None:
    long = (
        Choice("act:draft:123", "Simpan & tambah peserta kegiatan"),
        Choice("nav:back", "Kembali"),
    )
    buttons = only(render(Reply("Sudah benar?", long)))["interactive"]["action"]["buttons"]
    first = buttons[0]["reply"]
    assert first["id"] == "act:draft:123"
    assert len(first["title"]) <= BUTTON_TITLE_LIMIT
    assert first["title"] == "Simpan & tambah…"
    assert buttons[1]["reply"] == {"id": "nav:back", "title": "Kembali"}


def test_long_row_titles_keep_the_full_wording_in_the_description() -> None:
    long = (
        *choices(3),
        Choice("kind:sosial", "Sosial/pendidikan/kesehatan/ekonomi"),
        Choice("x", "Kegiatan dengan judul yang sangat panjang sekali", "Keterangan " * 20),
    )
    rows = only(render(Reply("Jenis?", long)))["interactive"]["action"]["sections"][0]["rows"]
    social = rows[3]
    assert social["id"] == "kind:sosial" and len(social["title"]) <= ROW_TITLE_LIMIT
    assert social["description"] == "Sosial/pendidikan/kesehatan/ekonomi"
    assert len(rows[4]["description"]) <= ROW_DESCRIPTION_LIMIT
    assert rows[4]["description"].endswith("…")
    assert "description" not in rows[0]


def test_titles_that_shorten_to_the_same_text_stay_distinct() -> None:
    same = (
        Choice("a", "Perbaikan jalan Gang Melati"),
        Choice("b", "Perbaikan jalan Gang Mawar"),
    )
    buttons = only(render(Reply("Yang mana?", same)))["interactive"]["action"]["buttons"]
    titles = [b["reply"]["title"] for b in buttons]
    assert len(set(titles)) == 2 and all(len(t) <= BUTTON_TITLE_LIMIT for t in titles)


def test_text_beyond_4096_characters_is_split_at_paragraphs() -> None:
    paragraph = ("Peserta terlindungi. " * 40).strip()
    text = "\n\n".join([paragraph] * 12)
    parts = render(Reply(text))
    assert len(parts) > 1
    bodies = [p["text"]["body"] for p in parts]
    assert all(len(b) <= 4096 for b in bodies)
    assert all(b.startswith("Peserta") and b.endswith(".") for b in bodies)
    assert "".join("".join(bodies).split()) == "".join(text.split())


def test_long_text_with_buttons_ends_with_a_short_interactive_body() -> None:
    text = "\n".join(f"• Peserta nomor {n}" for n in range(200))
    parts = render(Reply(text, choices(2)))
    assert [p["type"] for p in parts[:-1]] == ["text"] * (len(parts) - 1)
    body = parts[-1]["interactive"]["body"]["text"]
    assert len(body) <= 1024 and body.endswith("Peserta nomor 199")
    sent = "\n".join([*(p["text"]["body"] for p in parts[:-1]), body])
    assert sent == text


def test_files_come_first_as_uploads() -> None:
    pdf = Document("surat_tugas.pdf", "application/pdf", b"%PDF-1.4", "Surat tugas")
    parts = render(Reply("Perlindungan terkonfirmasi", choices(2), document=pdf))
    assert parts[0] == MediaPart("document", pdf)
    assert parts[1]["type"] == "interactive"
    assert only(render(Reply("", document=pdf))) == MediaPart("document", pdf)


def test_a_file_with_a_short_text_goes_as_one_captioned_message() -> None:
    pdf = Document("surat_tugas.pdf", "application/pdf", b"%PDF-1.4")
    (part,) = render(Reply("📄 Surat tugas 001/ST-KB", document=pdf))
    assert isinstance(part, MediaPart) and part.document.caption == "📄 Surat tugas 001/ST-KB"
    assert len(render(Reply("x" * 1025, document=pdf))) == 2


def test_shorten_and_split_helpers() -> None:
    assert shorten("Ya", 20) == "Ya"
    assert shorten("Lapor   kecelakaan\nkerja", 30) == "Lapor kecelakaan kerja"
    assert shorten("Supercalifragilisticexpialidocious", 10) == "Supercali…"
    assert split_text("a" * 10, 4) == ["aaaa", "aaaa", "aa"]
    assert split_tail("satu dua tiga", 20) == ("", "satu dua tiga")
    head, tail = split_tail("satu dua tiga empat", 11)
    assert (head, tail) == ("satu dua", "tiga empat")
