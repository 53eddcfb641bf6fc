"""Tests for the packaged Kota Jambi region list and loose place matching (DOMAIN.md §6)."""

from __future__ import annotations

import re

import pytest

from bot.domain.regions import Kecamatan, Kelurahan, RegionIndex, load_wilayah, name_key


@pytest.fixture(scope="module")
def index() -> RegionIndex:
    return RegionIndex.load()


def test_counts_and_codes() -> None:
    kecamatan, kelurahan = load_wilayah()
    assert len(kecamatan) == 11
    assert len(kelurahan) == 68
    assert len({k.code for k in kecamatan}) == 11
    assert len({k.code for k in kelurahan}) == 68
    assert all(re.fullmatch(r"15\.71\.\d{2}", k.code) for k in kecamatan)
    assert all(re.fullmatch(r"15\.71\.\d{2}\.\d{4}", k.code) for k in kelurahan)
    kec_codes = {k.code for k in kecamatan}
    assert all(k.code.startswith(k.kecamatan_code + ".") for k in kelurahan)
    assert {k.kecamatan_code for k in kelurahan} == kec_codes
    assert kecamatan[0] == Kecamatan("15.71.01", "Telanaipura")
    assert kelurahan[0] == Kelurahan("15.71.01.1001", "Simpang IV Sipin", "15.71.01")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rawasari", "Rawa Sari"),
        ("The Hok", "Thehok"),
        ("  simpang iv sipin ", "Simpang IV Sipin"),
        ("Simpang 4 Sipin", "Simpang IV Sipin"),
        ("Kelurahan Rawa Sari", "Rawa Sari"),
        ("Kel. Rawa Sari", "rawasari"),
        ("kel rawa-sari", "Rawa Sari"),
        ("Kec. Jambi Timur", "Jambi Timur"),
        ("Kecamatan Alam Barajo", "alam barajo"),
        ("Paal Merah", "Pa'al Merah"),
        ("Tahtul Yaman", "Tahtul Yamân"),
    ],
)
def test_name_key_matches_loosely(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Kenali Asam") != name_key("Kenali Asam Atas")
    assert name_key("Simpang III Sipin") != name_key("Simpang IV Sipin")


def test_every_kelurahan_is_found_by_name_code_and_undotted_code(index: RegionIndex) -> None:
    for kel in index.kelurahan:
        assert index.find_kelurahan(kel.code) == kel
        assert index.find_kelurahan(kel.code.replace(".", "")) == kel
        assert index.find_kelurahan(kel.name.upper(), kecamatan_code=kel.kecamatan_code) == kel
        assert index.find_kelurahan(kel.name) == kel  # no two kelurahan share a name today


def test_every_kecamatan_is_found(index: RegionIndex) -> None:
    for kec in index.kecamatan:
        assert index.find_kecamatan(kec.code) == kec
        assert index.find_kecamatan(kec.code.replace(".", "")) == kec
        assert index.find_kecamatan(f"kec. {kec.name.lower()}") == kec


def test_loose_examples(index: RegionIndex) -> None:
    assert index.find_kelurahan("rawasari").code == "15.71.09.1002"
    assert index.find_kelurahan("The Hok").code == "15.71.02.1004"
    assert index.find_kelurahan("simpang 4 sipin").code == "15.71.01.1001"
    assert index.find_kelurahan("Kel. Simpang III Sipin").code == "15.71.07.1002"
    assert index.find_kecamatan("alambarajo").code == "15.71.09"


def test_kelurahan_named_like_its_kecamatan(index: RegionIndex) -> None:
    assert index.find_kelurahan("Telanaipura").code == "15.71.01.1004"
    assert index.find_kecamatan("Telanaipura").code == "15.71.01"


def test_unknown_and_wrong_kecamatan(index: RegionIndex) -> None:
    assert index.find_kelurahan("Menteng") is None
    assert index.find_kelurahan("") is None
    assert index.find_kelurahan("15.71.01.9999") is None
    assert index.find_kelurahan("Rawa Sari", kecamatan_code="15.71.01") is None
    assert index.find_kelurahan("Rawa Sari", kecamatan_code="157109").name == "Rawa Sari"
    assert index.find_kelurahan("Rawa Sari", kecamatan_code="Alam Barajo") is None
    assert index.find_kecamatan("Kecamatan") is None
    assert index.find_kecamatan("15.71.99") is None
    assert index.find_kecamatan("1571") is None


def test_ambiguous_names_need_a_kecamatan() -> None:
    kecamatan = (Kecamatan("99.01.01", "Utara"), Kecamatan("99.01.02", "Selatan"))
    kelurahan = (
        Kelurahan("99.01.01.1001", "Sukamaju", "99.01.01"),
        Kelurahan("99.01.02.1001", "Suka Maju", "99.01.02"),
    )
    index = RegionIndex(kecamatan, kelurahan)
    assert index.find_kelurahan("Sukamaju") is None
    assert index.find_kelurahan("sukamaju", kecamatan_code="99.01.02") == kelurahan[1]
    assert index.find_kelurahan("99.01.01.1001") == kelurahan[0]
    assert index.kelurahan_of("990101") == (kelurahan[0],)


def test_kelurahan_of(index: RegionIndex) -> None:
    assert len(index.kelurahan_of("15.71.03")) == 9
    assert sum(len(index.kelurahan_of(k.code)) for k in index.kecamatan) == 68


@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Tj. Pinang", "Tanjung Pinang"),
        ("Tj.Pinang", "Tanjung Pinang"),
        ("tanjungpinang", "Tanjung Pinang"),
        ("Sei Putri", "Sungai Putri"),
        ("Kel. Sei Putri", "Sungai Putri"),
        ("Sungai  Putri", "Sungai Putri"),
        ("Pal Merah", "Paal Merah"),
        ("Palmerah", "Paal Merah"),
        ("Kelurahan Paal Merah", "Paal Merah"),
        ("Sp. IV Sipin", "Simpang IV Sipin"),
        ("Sp.4 Sipin", "Simpang IV Sipin"),
        ("Simpang IVSipin", "Simpang IV Sipin"),
        ("Kel.Thehok", "Thehok"),
        ("The Hok", "Thehok"),
        ("  Rawasari ", "Rawa Sari"),
    ],
)
def test_kelurahan_as_people_type_them(index: RegionIndex, typed: str, official: str) -> None:
    found = index.find_kelurahan(typed)
    assert found is not None and found.name == official
    assert index.suggest_kelurahan(typed) == []


@pytest.mark.parametrize(
    ("typed", "official"),
    [("Kec. Pal Merah", "Paal Merah"), ("Kecamatan Telanaipura", "Telanaipura")],
)
def test_kecamatan_as_people_type_them(index: RegionIndex, typed: str, official: str) -> None:
    found = index.find_kecamatan(typed)
    assert found is not None and found.name == official


def test_abbreviations_keep_official_names_apart(index: RegionIndex) -> None:
    keys = [name_key(k.name) for k in index.kelurahan]
    # Expanding abbreviations and collapsing doubled letters must not merge two places.
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("Tanjung Pinag", "Tanjung Pinang"),
        ("Sungai Putra", "Sungai Putri"),
        ("Simpang IV Sipn", "Simpang IV Sipin"),
        ("Rawa Sarii Baru", "Rawa Sari"),
    ],
)
def test_close_names_are_offered_not_taken(index: RegionIndex, typed: str, offered: str) -> None:
    assert index.find_kelurahan(typed) is None
    assert offered in [k.name for k in index.suggest_kelurahan(typed)]


def test_far_names_are_not_offered(index: RegionIndex) -> None:
    assert index.suggest_kelurahan("Jakarta Pusat") == []
    assert index.suggest_kelurahan("") == []
    assert index.suggest_kecamatan("Telanaipura") == []
    assert [k.name for k in index.suggest_kecamatan("Telanaipra")] == ["Telanaipura"]


def test_roman_numerals_stay_apart() -> None:
    assert name_key("Simpang III Sipin") != name_key("Simpang I Sipin")
    assert name_key("Simpang 3 Sipin") == name_key("Sp. III Sipin")
