"""Rupiah amounts as people type them on a phone, and how the bot writes them back.

Owns the parsing rules of DOMAIN.md §5 and the readings an ambiguous amount offers.
Indonesian convention: `.` groups thousands and `,` is the decimal mark; with a unit word
(ribu, juta, miliar, ...) a single `.` or `,` before one or two digits is a decimal mark.
Money is an int of whole rupiah; no floats anywhere. True, or silent: when input is
ambiguous the bot asks back with every plausible reading and never guesses.

Decisions (documented so the chat layer can explain them):
- An ambiguous amount raises MoneyError("ambiguous") with `readings`, most likely first
  (`likely` is readings[0]). One reading means "did you mean X?"; several mean "X or Y?".
- A bare number below 1,000 ("25", "2,5") is ambiguous: people type "25" meaning 25 juta.
  Its one reading is that many juta. An explicit "Rp"/"IDR" prefix makes a whole number
  literal ("Rp25" is 25 rupiah).
- A single comma group without a unit ("25,000") is ambiguous between English thousands
  and an Indonesian decimal; its one reading is the thousands one (25,000 rupiah), since
  25 rupiah is never meant.
- With a unit, one separator before exactly three digits has two readings: "1,500 jt" is
  Indonesian 1,5 juta or English 1,500 juta; "1.500 jt" is Indonesian 1.500 juta
  (1,5 miliar) or English 1.5 juta. The Indonesian reading comes first.
- "M" (capital) is miliar, as in Indonesian usage; a lowercase "m" may be miliar or the
  English "million", so "25m" reads as 25 miliar or 25 juta. "jt"/"juta" is never
  ambiguous by its unit. "T" is triliun. Zero parses as 0.
- Number words are understood: "dua puluh lima juta", "satu setengah juta", "seribu".
  Without a scale word ("dua puluh lima") they are a bare number and asked back like "25".
- Zero sen (",00", ",-", English ".00") is accepted; any other sen ("25.000,50") is
  rejected as "not_a_number": activity values are whole rupiah and we never round silently.
- A reading above MAX_AMOUNT is dropped; if none remains the amount is "too_large".
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
_ONE_GROUP = re.compile(r"[0-9]{1,3}[.,][0-9]{3}")
_CAPITAL_M = re.compile(r"[0-9.,]\s*M\b")

_DIGIT_WORDS = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# Each number word: its kind and, for digits and scales, its value.
_WORDS: dict[str, tuple[str, int]] = {
    **{word: ("digit", value) for value, word in enumerate(_DIGIT_WORDS, start=1)},
    "puluh": ("puluh", 0),
    "sepuluh": ("puluh", 0),
    "belas": ("belas", 0),
    "sebelas": ("belas", 0),
    "ratus": ("ratus", 0),
    "seratus": ("ratus", 0),
    "setengah": ("half", 0),
    "ribu": ("scale", 1_000),
    "seribu": ("scale", 1_000),
    "juta": ("scale", JUTA),
    "sejuta": ("scale", JUTA),
    "miliar": ("scale", 1_000_000_000),
    "milyar": ("scale", 1_000_000_000),
    "semiliar": ("scale", 1_000_000_000),
    "triliun": ("scale", 1_000_000_000_000),
}


class MoneyError(ValueError):
    """An amount the bot cannot take as typed. For reason "ambiguous", `readings` holds
    every plausible amount, most likely first, and `likely` is the first of them."""

    def __init__(self, reason: str, message: str, readings: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.reason = reason
        self.readings = readings
        self.likely: int | None = readings[0] if readings else None


def _ambiguous(*readings: Decimal) -> MoneyError:
    plausible: list[int] = []
    for reading in readings:
        if reading <= MAX_AMOUNT and int(reading) not in plausible:
            plausible.append(int(reading))
    if not plausible:
        return MoneyError(REASON_TOO_LARGE, "amount is implausibly large")
    return MoneyError(REASON_AMBIGUOUS, "amount is ambiguous", tuple(plausible))


def _decimal(token: str) -> Decimal | None:
    """The value of a number token in Indonesian or unambiguous English notation."""
    for pattern, group_separator in ((_ID_NUMBER, "."), (_EN_NUMBER, ",")):
        match = pattern.fullmatch(token)
        if match:
            whole = match["int"].replace(group_separator, "")
            return Decimal(f"{whole}.{match['frac'] or '0'}")
    return None


def _unit_readings(token: str, multiplier: int) -> list[Decimal]:
    """Every reading of a number token before a unit word: one, or two for a single
    separator before three digits ("1,500" / "1.500")."""
    if _ONE_GROUP.fullmatch(token):
        whole = Decimal(token.replace(",", "").replace(".", ""))
        # The Indonesian reading first: "," is a decimal mark, "." groups thousands.
        if "," in token:
            return [whole / 1000 * multiplier, whole * multiplier]
        return [whole * multiplier, whole / 1000 * multiplier]
    number = _decimal(token)
    if number is None:
        raise MoneyError(REASON_NOT_A_NUMBER, "not a number")
    # At most two decimals times a unit of at least 1,000 is always whole rupiah.
    return [number * multiplier]


def _with_unit(token: str, multipliers: tuple[int, ...]) -> Decimal:
    readings = [r for m in multipliers for r in _unit_readings(token, m)]
    if len(readings) > 1:
        raise _ambiguous(*readings)
    return readings[0]


def _without_unit(token: str, prefixed: bool) -> Decimal:
    if _ONE_COMMA_GROUP.fullmatch(token):
        raise _ambiguous(Decimal(token.replace(",", "")))
    number = _decimal(token)
    if number is None:
        raise MoneyError(REASON_NOT_A_NUMBER, "not a number")
    return _bare(number, prefixed)


def _bare(number: Decimal, prefixed: bool) -> Decimal:
    """A number without a unit: below 1,000 it is asked back as that many juta."""
    is_whole = number == number.to_integral_value()
    if 0 < number < 1000 and not (prefixed and is_whole):
        raise _ambiguous(number * JUTA)
    if not is_whole:
        raise MoneyError(REASON_NOT_A_NUMBER, "amount has sen; expected whole rupiah")
    return number


def _words(s: str, prefixed: bool) -> Decimal | None:
    """The value of Indonesian number words ("dua puluh lima juta"), or None when the
    text is not made of number words only."""
    words = s.split()
    if not words or any(w not in _WORDS for w in words):
        return None
    total = Decimal(0)
    chunk = Decimal(0)  # the part below 1,000 before the next scale word
    digit: int | None = None  # "dua" waiting for "puluh", "ratus", "belas" or a scale
    last_scale = MAX_AMOUNT * 1000
    half = False  # "setengah" must be followed by a scale word or nothing
    for word in words:
        kind, value = _WORDS[word]
        if half and kind != "scale":
            return None
        if kind == "digit":
            # A digit may start a chunk or follow a round ten ("dua puluh lima").
            tens = chunk % 100
            if digit is not None or not (tens == 0 or (tens >= 20 and tens % 10 == 0)):
                return None
            digit = value
            continue
        if kind in ("puluh", "belas", "ratus"):
            if word.startswith("se"):  # sepuluh, sebelas, seratus: "one ten", ...
                if digit is not None:
                    return None
                digit = 1
            if digit is None:
                return None
            if kind == "ratus" and chunk == 0:
                chunk = Decimal(digit * 100)
            elif kind != "ratus" and chunk % 100 == 0:
                chunk += digit * 10 if kind == "puluh" else 10 + digit
            else:
                return None
            digit = None
            continue
        if kind == "half":  # "satu setengah juta", "setengah juta"
            chunk += (digit or 0) + Decimal("0.5")
            digit, half = None, True
            continue
        # A scale word: ribu, juta, miliar, triliun, or its "se" form (seribu, sejuta).
        if word.startswith("se"):
            if digit is not None or chunk != 0:
                return None
            digit = 1
        chunk += digit or 0
        digit = None
        if chunk == 0 or value >= last_scale:
            return None
        total += chunk * value
        chunk, last_scale, half = Decimal(0), value, False
    chunk += digit or 0
    if last_scale > MAX_AMOUNT:  # no scale word: a bare number such as "dua puluh lima"
        return _bare(chunk, prefixed)
    return total + chunk


# A unit word of an amount in parts ("25 juta 500 ribu", "1m 250jt"), spelled out so a part
# in words ("dua puluh lima juta") is read by `_words`. Inside parts, "m" is miliar: it must
# stand above the juta part that follows it.
_PART_UNITS: dict[str, str] = {
    "k": "ribu", "rb": "ribu", "ribu": "ribu", "jt": "juta", "juta": "juta",
    "m": "miliar", "miliar": "miliar", "milyar": "miliar", "t": "triliun", "triliun": "triliun",
}  # fmt: skip
_PART_TOKEN = re.compile(r"[0-9][0-9.,]*|[a-z]+")


def _part_readings(number: list[str], unit: str) -> list[Decimal]:
    """The readings of one part: digits ("500", "1,5") or number words, times its unit."""
    if len(number) == 1 and number[0][0].isdigit():
        return _unit_readings(number[0], UNITS[unit])
    value = _words(" ".join((*number, unit)), prefixed=False) if number else None
    if value is None:
        raise MoneyError(REASON_NOT_A_NUMBER, "not a number")
    return [value]


def _compound(s: str) -> Decimal | None:
    """An amount in parts with falling units, digits and words mixed ("25 juta 500 ribu",
    "1 juta 250 ribu", "dua juta 500 ribu", "1m 250jt"); None when `s` is not one. A bare
    number after the last unit ("2 juta 500") is asked back: 2.000.500 or 2.500.000."""
    tokens = _PART_TOKEN.findall(s)
    if "".join(tokens) != s.replace(" ", ""):
        return None
    parts: list[tuple[list[str], str]] = []
    number: list[str] = []
    for token in tokens:
        if token in _PART_UNITS and (number or not parts):
            parts.append((number, _PART_UNITS[token]))
            number = []
        elif token[0].isdigit() or token in _WORDS:
            if token[0].isdigit() and number:
                return None  # two numbers in a row
            number.append(token)
        else:
            return None
    scales = [UNITS[unit] for _, unit in parts]
    if len(parts) + bool(number) < 2 or scales != sorted(set(scales), reverse=True):
        return None
    readings = [Decimal(0)]
    above = Decimal(MAX_AMOUNT * 1000)
    for part, unit in parts:
        values = _part_readings(part, unit)
        if any(value >= above for value in values):
            return None  # "25 juta 1.500 ribu": a part reaching the unit above it
        readings = [r + v for r in readings for v in values]
        above = Decimal(UNITS[unit])
    if number:  # a bare tail: exact ("2 juta 500" = 2.000.500) or colloquial (2,5 juta)
        if len(number) != 1 or not number[0].isdigit():
            return None
        tail, last = int(number[0]), scales[-1]
        if tail >= last:
            return None
        readings = [r + tail for r in readings]
        if tail < 1000 and last >= 1000_000:
            readings.append(readings[0] - tail + tail * last // 1000)
    if len(readings) > 1:
        raise _ambiguous(*readings)
    return readings[0]


def _amount(text: str) -> tuple[Decimal, bool]:
    """Parse everything but the sign; returns the amount and whether a minus was typed."""
    # Capital "M" is miliar without doubt; lowercase "m" might be the English million.
    capital_m = bool(_CAPITAL_M.search(text))
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
    try:
        if not match:
            words = _words(s, prefixed)
            if words is None:
                words = _compound(s)
            if words is None:
                raise MoneyError(REASON_NOT_A_NUMBER, "not a number")
            return words, negative
        token, unit = match["number"], match["unit"]
        if unit is None:
            return _without_unit(token, prefixed), negative
        if unit not in UNITS:
            raise MoneyError(REASON_NOT_A_NUMBER, "unknown unit word")
        if unit == "m" and not capital_m:
            return _with_unit(token, (UNITS["miliar"], JUTA)), negative
        return _with_unit(token, (UNITS[unit],)), negative
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
    if amount != amount.to_integral_value():  # "setengah ribu rupiah" is whole; sen are not
        raise MoneyError(REASON_NOT_A_NUMBER, "amount has sen; expected whole rupiah")
    return int(amount)


_SCALES = (
    (1_000_000_000_000, "triliun"),
    (1_000_000_000, "miliar"),
    (JUTA, "juta"),
    (1_000, "ribu"),
)


def short_amount(amount: int) -> str | None:
    """The amount in its largest unit word, as a reading's gloss: 1500000000 -> "1,5 miliar";
    None below a thousand."""
    for scale, name in _SCALES:
        if amount >= scale:
            whole, _, fraction = f"{(Decimal(amount) / scale).normalize():f}".partition(".")
            grouped = format_amount(int(whole))
            return f"{grouped},{fraction} {name}" if fraction else f"{grouped} {name}"
    return None


def format_amount(amount: int) -> str:
    """Indonesian digit grouping without currency: 1525000 -> "1.525.000"."""
    return f"{amount:,}".replace(",", ".")


def format_rupiah(amount: int) -> str:
    """Rupiah as the bot writes it: "Rp1.525.000", negatives as "-Rp1.000"."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{format_amount(abs(amount))}"
