"""The BPJS Ketenagakerjaan construction-services (Jakon) premium schedule.

Owns the five value bands, their JKK and JKM rates and the marginal calculation of the
premium for a contract value when no wages are declared (DOMAIN.md §2), and the value the
schedule is applied to (`PremiumBasis`): the value as entered (the default), or, where the
BPJS branch computes on the value excluding PPN (program.premium_basis = "excluding_ppn"),
a value that includes PPN divided by 1 + the PPN rate (program.ppn_rate) in exact decimal
arithmetic and rounded to whole rupiah with the programme's premium rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal


@dataclass(frozen=True)
class Band:
    """One band of the contract value; `upper` is inclusive and None for the open top band."""

    number: int
    lower: int
    upper: int | None
    jkk_rate: Decimal
    jkm_rate: Decimal

    @property
    def rate(self) -> Decimal:
        """Combined JKK + JKM rate."""
        return self.jkk_rate + self.jkm_rate

    def portion(self, value: int) -> int:
        """The part of `value` that lies inside this band (0 when the value stays below it)."""
        top = value if self.upper is None else min(value, self.upper)
        return max(0, top - self.lower)


# Permenaker 5/2021 as amended by Permenaker 1/2025: rates apply only to the part of the
# value inside each band, like income tax brackets.
BANDS: tuple[Band, ...] = (
    Band(1, 0, 100_000_000, Decimal("0.0021"), Decimal("0.0003")),
    Band(2, 100_000_000, 500_000_000, Decimal("0.0017"), Decimal("0.0002")),
    Band(3, 500_000_000, 1_000_000_000, Decimal("0.0013"), Decimal("0.0002")),
    Band(4, 1_000_000_000, 5_000_000_000, Decimal("0.0011"), Decimal("0.0001")),
    Band(5, 5_000_000_000, None, Decimal("0.0009"), Decimal("0.0001")),
)

ROUNDING_MODES: dict[str, str] = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "up": ROUND_UP,
    "down": ROUND_DOWN,
}


@dataclass(frozen=True)
class Premium:
    """A premium in whole rupiah; JKK and JKM are rounded separately, so total is their sum."""

    value: int
    jkk: int
    jkm: int
    band: int

    @property
    def total(self) -> int:
        return self.jkk + self.jkm


@dataclass(frozen=True)
class ExactPremium:
    """The unrounded premium, kept so callers and tests can reason about rounding."""

    jkk: Decimal
    jkm: Decimal

    @property
    def total(self) -> Decimal:
        return self.jkk + self.jkm


def _check_value(value: int) -> None:
    # bool is an int subclass; True as a contract value is always a bug upstream.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"value must be an int of rupiah, got {type(value).__name__}")
    if value < 0:
        raise ValueError("value must not be negative")


def band_for(value: int) -> Band:
    """The band that the top of `value` falls in (0 and every value up to 100 jt: band 1)."""
    _check_value(value)
    for band in BANDS:
        if band.upper is None or value <= band.upper:
            return band
    raise AssertionError("the top band is open, so this is unreachable")


def exact_premium(value: int) -> ExactPremium:
    """JKK and JKM in exact decimal arithmetic, summed band by band."""
    _check_value(value)
    jkk = sum((band.jkk_rate * band.portion(value) for band in BANDS), Decimal(0))
    jkm = sum((band.jkm_rate * band.portion(value) for band in BANDS), Decimal(0))
    return ExactPremium(jkk=jkk, jkm=jkm)


def premium_for(value: int, rounding: str = "half_up") -> Premium:
    """The Jakon premium for a contract value in rupiah.

    JKK and JKM are each rounded to whole rupiah with `rounding` (one of ROUNDING_MODES);
    the default half-up is our documented choice (DOMAIN.md §2, open point).
    """
    try:
        mode = ROUNDING_MODES[rounding]
    except KeyError:
        known = ", ".join(ROUNDING_MODES)
        raise ValueError(f"unknown rounding {rounding!r}; use one of: {known}") from None
    exact = exact_premium(value)
    return Premium(
        value=value,
        jkk=int(exact.jkk.quantize(Decimal(1), rounding=mode)),
        jkm=int(exact.jkm.quantize(Decimal(1), rounding=mode)),
        band=band_for(value).number,
    )


AS_ENTERED = "as_entered"
EXCLUDING_PPN = "excluding_ppn"


@dataclass(frozen=True)
class PremiumBasis:
    """Which value the premium schedule is applied to (settings: program.premium_basis,
    program.ppn_rate)."""

    mode: str = AS_ENTERED
    ppn_rate: Decimal = Decimal("0.11")

    @property
    def excludes_ppn(self) -> bool:
        return self.mode == EXCLUDING_PPN

    def base_value(self, value: int, includes_ppn: bool, rounding: str = "half_up") -> int:
        """The value the schedule applies to: a value that includes PPN, divided by
        1 + rate when the basis excludes PPN; otherwise the value as entered."""
        if not (self.excludes_ppn and includes_ppn):
            return value
        _check_value(value)
        exact = Decimal(value) / (Decimal(1) + self.ppn_rate)
        return int(exact.quantize(Decimal(1), rounding=ROUNDING_MODES[rounding]))


def premium_on_basis(
    value: int, includes_ppn: bool, basis: PremiumBasis, rounding: str = "half_up"
) -> Premium:
    """The premium of an activity whose value was entered with (or without) PPN; its
    `value` is the basis the schedule was applied to."""
    return premium_for(basis.base_value(value, includes_ppn, rounding), rounding)
