"""The participant-list rules of bot.domain.roster: role words, names, "clearly different"
names, and reading a pasted list line by line."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.roster import (
    MAX_NAME_LENGTH,
    BadName,
    Rejection,
    age_on,
    is_minor,
    match_role,
    names_differ,
    normalise_name,
    read_roster,
)

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("Ketua RT", "ketua_rt"),
        ("ketua", "ketua_rt"),
        ("KETUA RT 01", "ketua_rt"),
        ("ketua_rt", "ketua_rt"),
        ("PHL", "phl"),
        ("PHL (pekerja harian lepas)", "phl"),
        ("pekerja harian lepas", "phl"),
        ("Buruh", "phl"),
        ("tukang batu", "phl"),
        ("Petugas syara'", "petugas_syara"),
        ("petugas syara’", "petugas_syara"),
        ("syarak", "petugas_syara"),
        ("imam", "petugas_syara"),
        ("Marbot", "petugas_syara"),
        ("petugas_syara", "petugas_syara"),
        ("warga", "warga"),
        ("Peserta", "warga"),
    ],
)
def test_role_words_are_matched_loosely(typed: str, role: str) -> None:
    assert match_role(typed) == role


@pytest.mark.parametrize("typed", ["", "astronot", "ketua pemuda", "😀", "rt rw"])
def test_unknown_roles_are_not_guessed(typed: str) -> None:
    assert match_role(typed) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("BUDI   SANTOSO", "Budi Santoso"),
        ("siti aminah", "Siti Aminah"),
        ("MA'RUF AMIN", "Ma'ruf Amin"),
        ("siti-nur aisyah", "Siti-Nur Aisyah"),
        ("  Dewi  McKenzie ", "Dewi McKenzie"),  # mixed case is left as written
        ("M. Yusuf", "M. Yusuf"),
    ],
)
def test_names_are_normalised(typed: str, stored: str) -> None:
    assert normalise_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "missing"),
        ("   ", "missing"),
        ("Budi 2", "invalid"),
        ("😀😀", "invalid"),
        ("A", "invalid"),
        ("x" * 121, "too_long"),
    ],
)
def test_unusable_names_are_refused(typed: str, reason: str) -> None:
    with pytest.raises(BadName) as raised:
        normalise_name(typed)
    assert raised.value.reason == reason


@pytest.mark.parametrize(
    ("stored", "given", "differ"),
    [
        ("Budi Santoso", "budi santoso", False),
        ("Budi Santoso", "Budi", False),
        ("Siti Aminah", "Siti Aminah Lubis", False),
        ("Muhammad Yusuf", "M. Yusuf", False),
        ("Budi Santoso", "Budi Santosa", False),
        ("Muhammad Yusuf", "Muhamad Yusuf", False),
        ("Siti Aminah", "Rina Marlina", True),
        ("Siti Aminah", "Siti Rahma", True),
        ("Budi", "Joko", True),
    ],
)
def test_clearly_different_names(stored: str, given: str, differ: bool) -> None:
    assert names_differ(stored, given) is differ


def test_age_and_minors() -> None:
    assert age_on(date(2008, 3, 2), TODAY) == 18
    assert age_on(date(2008, 3, 3), TODAY) == 17
    assert is_minor(date(2008, 3, 3), TODAY) and not is_minor(date(2008, 3, 2), TODAY)


def test_a_pasted_list_is_read_line_by_line() -> None:
    roster = read_roster(
        "\n".join(
            [
                "No | NIK | Nama | Peran | HP",
                "1) 1571010101900001; BUDI SANTOSO; phl; 0812-3456-7890; 150 ribu",
                "",
                "1571014508900002, siti aminah",
                "1571 0102 0285 0004 Joko Susilo ketua rt 081311112222",
                "Eko Prasetyo; 1571010303900009; imam",
                "1571010303900010 Imam Bonjol",
                "1571010303900011\tDedi Kurnia\tpetugas syara'",
            ]
        ),
        TODAY,
    )
    assert roster.rejections == ()
    read = [(e.line, e.nik.masked(), e.name, e.role, e.phone, e.wage) for e in roster.entries]
    assert read == [
        (2, "1571********0001", "Budi Santoso", "phl", "+6281234567890", 150_000),
        (4, "1571********0002", "Siti Aminah", "warga", None, None),
        (5, "1571********0004", "Joko Susilo", "ketua_rt", "+6281311112222", None),
        (6, "1571********0009", "Eko Prasetyo", "petugas_syara", None, None),
        (7, "1571********0010", "Imam Bonjol", "warga", None, None),  # a name, not a role
        (8, "1571********0011", "Dedi Kurnia", "petugas_syara", None, None),
    ]


def test_bad_lines_are_rejected_with_their_reason() -> None:
    roster = read_roster(
        "\n".join(
            [
                "1571010101900001; Budi",
                "1571010101900001; Budi Santoso",
                "157101010190001; Ahmad",
                "15710101019000AB; Ahmad",
                "9971010101900005; Ahmad",
                "1571013213900006; Ahmad",
                "1571010101900000; Ahmad",
                "1571010303900007",
                "1571010303900008; Rudi 99",
                "1571010303900009; Rudi; astronot",
                "1571010303900010; Rudi; warga; 12345",
                "1571010303900011; Rudi; warga; ; seratus",
                "Berikut daftar peserta kami:",
                "1571010303900012; Rudi; 1571010303900013",
            ]
        ),
        TODAY,
    )
    # An unknown role word is no rejection: the line is read, its role asked back.
    assert [(e.line, e.role, e.role_text) for e in roster.entries] == [
        (1, "warga", ""),
        (10, None, "astronot"),
    ]
    assert roster.rejections == (
        Rejection(2, "duplicate", "1"),
        Rejection(3, "nik", "length"),
        Rejection(4, "nik", "non_digit"),
        Rejection(5, "nik", "province"),
        Rejection(6, "nik", "date"),
        Rejection(7, "nik", "serial"),
        Rejection(8, "name_missing", "missing"),
        Rejection(9, "name_invalid", "invalid"),
        Rejection(11, "phone", "format"),
        Rejection(12, "wage", "ambiguous"),  # "seratus": 100, or 100 juta?
        Rejection(13, "nik", "length"),
        Rejection(14, "role", ""),  # a number in the role column is not echoed back
    )


def test_an_empty_paste_is_empty() -> None:
    assert read_roster("\n\n  \nNIK;Nama;Peran\n", TODAY).is_empty


@given(st.text(max_size=400))
def test_any_text_is_read_without_error_and_no_nik_leaks(text: str) -> None:
    roster = read_roster(text, TODAY)
    for rejection in roster.rejections:
        if rejection.reason != "duplicate":
            assert not any(ch.isdigit() for ch in rejection.cause)


def test_a_stale_number_is_no_participant_line() -> None:
    """A menu number left in the message ("1", "2.") is neither read nor rejected."""
    assert read_roster("1", TODAY).is_empty
    roster = read_roster("2.\n1571010101900001; Budi Santoso\n3", TODAY)
    assert [e.line for e in roster.entries] == [2] and roster.rejections == ()


def test_an_unknown_role_is_kept_as_typed_for_the_question() -> None:
    roster = read_roster("1571010101900001; Budi Santoso;  Satpam   Malam ", TODAY)
    (entry,) = roster.entries
    assert entry.role is None and entry.role_unknown and entry.role_text == "Satpam Malam"


def test_each_nik_once_in_a_paste() -> None:
    roster = read_roster(
        "1571010101900001; Budi Santoso\n1571010101900002; Siti\n1571 0101 0190 0001; Budi S",
        TODAY,
    )
    assert [e.line for e in roster.entries] == [1, 2]
    assert roster.rejections == (Rejection(3, "duplicate", "1"),)


def test_a_name_longer_than_the_limit_is_refused() -> None:
    assert MAX_NAME_LENGTH == 80
    assert normalise_name("Ab" * 40) == "Ab" * 40
    with pytest.raises(BadName) as error:
        normalise_name("Budi " * 17)  # 84 characters
    assert error.value.reason == "too_long"
    roster = read_roster("1571010101900001; " + "Budi Santoso " * 9, TODAY)
    assert roster.rejections == (Rejection(1, "name_invalid", "too_long"),)
