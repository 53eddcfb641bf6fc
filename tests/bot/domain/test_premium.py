"""Tests for the Jakon premium schedule (DOMAIN.md §2)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.premium import BANDS, Premium, band_for, exact_premium, premium_for

CASES = Path(__file__).parent / "data" / "premium_cases.csv"
EDGES = [band.upper for band in BANDS if band.upper is not None]
TOP_RATE = max(band.rate for band in BANDS)


def _cases() -> list[tuple[int, int, int, int]]:
    with CASES.open(newline="", encoding="utf-8") as handle:
        return [
            (int(r["nilai_kegiatan"]), int(r["jkk"]), int(r["jkm"]), int(r["total"]))
            for r in csv.DictReader(handle)
        ]


@pytest.mark.parametrize(("value", "jkk", "jkm", "total"), _cases())
def test_reference_cases(value: int, jkk: int, jkm: int, total: int) -> None:
    premium = premium_for(value)
    assert (premium.jkk, premium.jkm, premium.total) == (jkk, jkm, total)


def test_reference_file_is_not_empty() -> None:
    assert len(_cases()) >= 10


@pytest.mark.parametrize(
    ("value", "jkk", "jkm", "total"),
    [
        (25_000_000, 52_500, 7_500, 60_000),
        (150_000_000, 295_000, 40_000, 335_000),
        (850_000_000, 1_345_000, 180_000, 1_525_000),
    ],
)
def test_domain_examples(value: int, jkk: int, jkm: int, total: int) -> None:
    assert premium_for(value) == Premium(value=value, jkk=jkk, jkm=jkm, band=band_for(value).number)
    assert premium_for(value).total == total


def test_bands_are_contiguous_and_match_the_table() -> None:
    assert [b.number for b in BANDS] == [1, 2, 3, 4, 5]
    assert BANDS[0].lower == 0 and BANDS[-1].upper is None
    for below, above in zip(BANDS, BANDS[1:], strict=False):
        assert below.upper == above.lower
    assert [b.rate for b in BANDS] == [
        Decimal(x) for x in ("0.0024", "0.0019", "0.0015", "0.0012", "0.0010")
    ]
    # "premium at the band's top" column of DOMAIN.md §2.
    assert [premium_for(e).total for e in EDGES] == [240_000, 1_000_000, 1_750_000, 6_550_000]


@pytest.mark.parametrize(
    ("value", "band"),
    [(0, 1), (100_000_000, 1), (100_000_001, 2), (500_000_000, 2), (500_000_001, 3),
     (1_000_000_000, 3), (5_000_000_000, 4), (5_000_000_001, 5)],
)  # fmt: skip
def test_band_is_where_the_top_of_the_value_falls(value: int, band: int) -> None:
    assert premium_for(value).band == band


def test_the_wrong_shortcuts_are_not_used() -> None:
    # Flat 0.19% on the whole value, or 0.17%/0.02% on the whole value, are published errors.
    value = 150_000_000
    assert premium_for(value).total != int(value * Decimal("0.0019"))
    assert premium_for(value).jkk != int(value * Decimal("0.0017"))
    assert premium_for(value).total == 335_000


def test_zero_value_costs_nothing() -> None:
    assert premium_for(0) == Premium(value=0, jkk=0, jkm=0, band=1)


@pytest.mark.parametrize(
    ("rounding", "jkk", "jkm"),
    # 12,345,678: JKK exact 25,925.9238, JKM exact 3,703.7034.
    [("half_up", 25_926, 3_704), ("half_even", 25_926, 3_704), ("up", 25_926, 3_704),
     ("down", 25_925, 3_703)],
)  # fmt: skip
def test_rounding_modes(rounding: str, jkk: int, jkm: int) -> None:
    premium = premium_for(12_345_678, rounding=rounding)
    assert (premium.jkk, premium.jkm) == (jkk, jkm)


def test_half_up_and_half_even_differ_on_an_exact_half() -> None:
    # JKM on 5,000 is exactly 1.5 and on 15,000 exactly 4.5.
    assert premium_for(5_000, "half_up").jkm == 2
    assert premium_for(5_000, "half_even").jkm == 2
    assert premium_for(15_000, "half_up").jkm == 5  # 4.5
    assert premium_for(15_000, "half_even").jkm == 4


def test_unknown_rounding_is_rejected() -> None:
    with pytest.raises(ValueError, match="rounding"):
        premium_for(1_000, rounding="banker")


@pytest.mark.parametrize("bad", [1.5, "1000", None, Decimal(1000)])
def test_value_must_be_int(bad: object) -> None:
    with pytest.raises(TypeError):
        premium_for(bad)  # type: ignore[arg-type]


def test_bool_is_not_a_value() -> None:
    with pytest.raises(TypeError):
        premium_for(True)


def test_negative_value_is_rejected() -> None:
    with pytest.raises(ValueError):
        premium_for(-1)


values = st.integers(min_value=0, max_value=20_000_000_000)


@given(values, values)
def test_total_never_decreases_as_value_grows(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert premium_for(low).total <= premium_for(high).total


@given(st.sampled_from(EDGES), st.integers(min_value=-1_000, max_value=1_000))
def test_exact_premium_is_continuous_around_band_edges(edge: int, offset: int) -> None:
    # Marginal rates mean one more rupiah never costs more than the highest rate.
    value = edge + offset
    step = exact_premium(value + 1).total - exact_premium(value).total
    assert 0 <= step <= TOP_RATE


@given(st.sampled_from(EDGES))
def test_rounded_total_has_no_jump_at_band_edges(edge: int) -> None:
    # Each of JKK and JKM can tip over a rounding boundary at most once per rupiah.
    assert 0 <= premium_for(edge + 1).total - premium_for(edge).total <= 2


@given(values)
def test_rounded_parts_stay_within_half_a_rupiah_of_exact(value: int) -> None:
    exact = exact_premium(value)
    premium = premium_for(value)
    assert abs(premium.jkk - exact.jkk) <= Decimal("0.5")
    assert abs(premium.jkm - exact.jkm) <= Decimal("0.5")
    assert premium.total == premium.jkk + premium.jkm


@given(values)
def test_premium_is_the_sum_of_band_slices(value: int) -> None:
    band = band_for(value)
    below = exact_premium(band.lower).total
    assert exact_premium(value).total == below + band.rate * (value - band.lower)


# --- the premium basis (program.premium_basis, program.ppn_rate) -------------------------


def test_excluding_ppn_divides_a_value_that_includes_it() -> None:
    from decimal import Decimal

    from bot.domain.premium import PremiumBasis, premium_on_basis

    excluding = PremiumBasis("excluding_ppn", Decimal("0.11"))
    assert excluding.base_value(111_000_000, includes_ppn=True) == 100_000_000
    assert excluding.base_value(111_000_000, includes_ppn=False) == 111_000_000
    assert PremiumBasis().base_value(111_000_000, includes_ppn=True) == 111_000_000
    # 25.000.000 / 1,11 = 22.522.522,52…: rounded with the premium rounding.
    assert excluding.base_value(25_000_000, True, "half_up") == 22_522_523
    assert excluding.base_value(25_000_000, True, "down") == 22_522_522
    premium = premium_on_basis(111_000_000, True, excluding)
    assert (premium.value, premium.total) == (100_000_000, 240_000)
