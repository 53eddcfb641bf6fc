"""Rupiah amounts as people type them on a phone, and how the bot writes them back.

Owns the parsing rules of DOMAIN.md §5. Indonesian convention: `.` groups thousands and `,`
is the decimal mark; with a unit word (ribu, juta, miliar, ...) a single `.` or `,` before
one or two digits is a decimal mark. Money is an int of whole rupiah; no floats anywhere.

Decisions (documented so the chat layer can explain them):
- A bare number below 1,000 ("25", "2,5") is ambiguous: people type "25" meaning 25 juta.
  `MoneyError.likely` then holds that many juta, for a "Maksud Anda Rp25.000.000?" question.
  An explicit "Rp"/"IDR" prefix makes a whole number literal ("Rp25" is 25 rupiah).
- A single comma group without a unit ("25,000") is ambiguous between English thousands
  and an Indonesian decimal; likely = the thousands reading (25,000 rupiah). With a unit
  ("1,500 jt") likely = the Indonesian decimal reading (1.5 juta).
- Zero sen (",00", ",-", English ".00") is accepted; any other sen ("25.000,50") is
  rejected as "not_a_number": activity values are whole rupiah and we never round silently.
- "M"/"m" is miliar, as in Indonesian usage; "T" is triliun. Zero parses as 0.
"""

from __future__ import annotations

import re
from decimal import Decimal

REASON_EMPTY = "empty"
REASON_NOT_A_NUMBER = "not_a_number"
REASON_NEGATIVE = "negative"
REASON_TOO_LARGE = "too_large"
REASON_AMBIGUOUS = "ambiguous"

MAX_AMOUNT = 1_000_000_000_000_000  # sanity bound, far above any contract value
JUTA = 1_000_000

UNITS: dict[str, int] = {
    "k": 1_000,
    "rb": 1_000,
    "ribu": 1_000,
    "jt": JUTA,
    "juta": JUTA,
    "m": 1_000_000_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
    "t": 1_000_000_000_000,
    "triliun": 1_000_000_000_000,
    "trilyun": 1_000_000_000_000,
}

# ASCII digits only: `\d` would also accept Arabic-Indic or full-width digits.
_SIGN = re.compile(r"^[-\u2212]\s*")
_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*")
_SUFFIX = re.compile(r"\s*(?:rupiah|rp\.?)$")
_ZERO_SEN_DASH = re.compile(r"[.,]-+$")
_SHAPE = re.compile(r"(?P<number>[0-9][0-9.,]*)\s*(?P<unit>[a-z]+)?\.?")
_ID_NUMBER = re.compile(r"(?P<int>[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:,(?P<frac>[0-9]{1,2}))?")
_EN_NUMBER = re.compile(r"(?P<int>[0-9]+|[0-9]{1,3}(?:,[0-9]{3}){2,})(?:\.(?P<frac>[0-9]{1,2}))?")
_ONE_COMMA_GROUP = re.compile(r"[0-9]{1,3},[0-9]{3}")


class MoneyError(ValueError):
    """An amount the bot cannot take as typed; `likely` is set for reason "ambiguous"."""

    def __init__(self, reason: str, message: str, likely: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.likely = likely


def _ambiguous(likely: Decimal) -> MoneyError:
    if likely > MAX_AMOUNT:
        return MoneyError(REASON_TOO_LARGE, "amount is implausibly large")
    return MoneyError(REASON_AMBIGUOUS, "amount is ambiguous", likely=int(likely))


def _decimal(token: str) -> Decimal | None:
    """The value of a number token in Indonesian or unambiguous English notation."""
    for pattern, group_separator in ((_ID_NUMBER, "."), (_EN_NUMBER, ",")):
        match = pattern.fullmatch(token)
        if match:
            whole = match["int"].replace(group_separator, "")
            return Decimal(f"{whole}.{match['frac'] or '0'}")
    return None


def _with_unit(token: str, multiplier: int) -> Decimal:
    if _ONE_COMMA_GROUP.fullmatch(token):
        raise _ambiguous(Decimal(token.replace(",", ".")) * multiplier)
    number = _decimal(token)
    if number is None:
        raise MoneyError(REASON_NOT_A_NUMBER, "not a number")
    # At most two decimals times a unit of at least 1,000 is always whole rupiah.
    return number * multiplier


def _without_unit(token: str, prefixed: bool) -> Decimal:
    if _ONE_COMMA_GROUP.fullmatch(token):
        raise _ambiguous(Decimal(token.replace(",", "")))
    number = _decimal(token)
    if number is None:
        raise MoneyError(REASON_NOT_A_NUMBER, "not a number")
    is_whole = number == number.to_integral_value()
    if 0 < number < 1000 and not (prefixed and is_whole):
        raise _ambiguous(number * JUTA)
    if not is_whole:
        raise MoneyError(REASON_NOT_A_NUMBER, "amount has sen; expected whole rupiah")
    return number


def _amount(text: str) -> tuple[Decimal, bool]:
    """Parse everything but the sign; returns the amount and whether a minus was typed."""
    s = text.strip().lower()
    negative = bool(_SIGN.match(s))
    s = _SIGN.sub("", s)
    prefixed = bool(_PREFIX.match(s))
    s = _PREFIX.sub("", s)
    if not negative and _SIGN.match(s):  # "Rp -25.000"
        negative = True
        s = _SIGN.sub("", s)
    s = _ZERO_SEN_DASH.sub("", _SUFFIX.sub("", s))
    match = _SHAPE.fullmatch(s)
    if not match:
        raise MoneyError(REASON_NOT_A_NUMBER, "not a number")
    token, unit = match["number"], match["unit"]
    try:
        if unit is None:
            return _without_unit(token, prefixed), negative
        if unit not in UNITS:
            raise MoneyError(REASON_NOT_A_NUMBER, "unknown unit word")
        return _with_unit(token, UNITS[unit]), negative
    except MoneyError as error:
        # A minus sign outranks ambiguity: asking "did you mean X?" about a negative is moot.
        if negative and error.reason in (REASON_AMBIGUOUS, REASON_TOO_LARGE):
            raise MoneyError(REASON_NEGATIVE, "amount is negative") from None
        raise


def parse_rupiah(text: str) -> int:
    """Parse a typed rupiah amount into whole rupiah, or raise MoneyError with a reason."""
    if not text or not text.strip():
        raise MoneyError(REASON_EMPTY, "no amount given")
    amount, negative = _amount(text)
    if negative and amount != 0:
        raise MoneyError(REASON_NEGATIVE, "amount is negative")
    if amount > MAX_AMOUNT:
        raise MoneyError(REASON_TOO_LARGE, "amount is implausibly large")
    return int(amount)


def format_amount(amount: int) -> str:
    """Indonesian digit grouping without currency: 1525000 -> "1.525.000"."""
    return f"{amount:,}".replace(",", ".")


def format_rupiah(amount: int) -> str:
    """Rupiah as the bot writes it: "Rp1.525.000", negatives as "-Rp1.000"."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{format_amount(abs(amount))}"
