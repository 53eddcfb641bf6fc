"""Phone numbers: normalising what people type to E.164 and masking them for chat.

Indonesian habits (DOMAIN.md §5): `0812-3456-7890`, `+62 812 3456 7890`, `62812...`,
`(0812) 3456 7890`, or just `812...`. Indonesian numbers must be mobile (national part
starting with 8) where the bot reaches people on WhatsApp and Telegram; where a number is only
for calling back (an accident reporter), `landline_ok` also takes fixed lines written with
their area code: `0741-123456`, `(0741) 7551234`, `+62 741 123456`. Numbers from other
countries are accepted only when written with `+` (or `00`), since we cannot guess them.
"""

from __future__ import annotations

import re

REASON_EMPTY = "empty"
REASON_FORMAT = "format"
REASON_LENGTH = "length"
REASON_NOT_MOBILE = "not_mobile"

INDONESIA = "62"
# Digits after +62 for a mobile number: 8xx plus 6 to 9 more digits.
ID_NATIONAL_MIN, ID_NATIONAL_MAX = 9, 12
# Digits after +62 for a fixed line: a 2-3 digit area code (21 Jakarta, 741 Jambi; never
# starting with 0, 1 or 8) and a 5-8 digit subscriber number.
ID_LANDLINE_MIN, ID_LANDLINE_MAX = 8, 11
_AREA_CODE_START = frozenset("234579")
# ITU E.164: at most 15 digits; 8 is the shortest real international number we accept.
E164_MIN, E164_MAX = 8, 15

# Punctuation people put in numbers; anything else (letters, emoji) is rejected.
_WRITTEN = re.compile(r"\+?[0-9\s\-.()/]+")
_NOT_DIGIT = re.compile(r"[^0-9]")
_TRUNK_ZERO = re.compile(r"^\+62\s*\(0\)")  # "+62 (0)812...": the trunk 0 in brackets
_E164 = re.compile(r"\+[1-9][0-9]{7,14}")


class PhoneError(ValueError):
    """A number the bot cannot use; `reason` is one of the REASON_* constants."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _indonesian(national: str, landline_ok: bool) -> str:
    # A trunk 0 after the country code ("+62 0812...") is a common slip; drop one.
    if national.startswith("0"):
        national = national[1:]
    if not national.startswith("8"):
        if landline_ok and national[:1] in _AREA_CODE_START:
            if not ID_LANDLINE_MIN <= len(national) <= ID_LANDLINE_MAX:
                raise PhoneError(REASON_LENGTH, "wrong number of digits for a fixed line")
            return f"+{INDONESIA}{national}"
        raise PhoneError(REASON_NOT_MOBILE, "not an Indonesian mobile number")
    if not ID_NATIONAL_MIN <= len(national) <= ID_NATIONAL_MAX:
        raise PhoneError(REASON_LENGTH, "wrong number of digits for an Indonesian mobile")
    return f"+{INDONESIA}{national}"


def _international(digits: str, landline_ok: bool) -> str:
    if digits.startswith(INDONESIA):
        return _indonesian(digits[len(INDONESIA) :], landline_ok)
    if digits.startswith("0"):
        raise PhoneError(REASON_FORMAT, "country codes never start with 0")
    if not E164_MIN <= len(digits) <= E164_MAX:
        raise PhoneError(REASON_LENGTH, "wrong number of digits for an international number")
    return f"+{digits}"


def normalise_phone(text: str, *, landline_ok: bool = False) -> str:
    """Normalise a typed phone number to E.164 ("+6281234567890") or raise PhoneError.

    `landline_ok` accepts Indonesian fixed lines too ("0741-123456" -> "+62741123456"):
    only for numbers the bot never messages, since a landline has no WhatsApp.
    """
    s = text.strip()
    if not s:
        raise PhoneError(REASON_EMPTY, "no phone number given")
    if not _WRITTEN.fullmatch(s):
        raise PhoneError(REASON_FORMAT, "phone number contains letters or symbols")
    s = _TRUNK_ZERO.sub("+62", s)
    digits = _NOT_DIGIT.sub("", s)
    if not digits:
        raise PhoneError(REASON_FORMAT, "phone number has no digits")
    if s.startswith("+"):
        return _international(digits, landline_ok)
    if digits.startswith("00"):  # international dialling prefix
        return _international(digits[2:], landline_ok)
    if digits.startswith(INDONESIA):
        return _indonesian(digits[len(INDONESIA) :], landline_ok)
    if digits.startswith("0"):
        return _indonesian(digits[1:], landline_ok)
    if digits.startswith("8"):
        return _indonesian(digits, landline_ok)
    raise PhoneError(REASON_FORMAT, "write foreign numbers with + and the country code")


def mask_phone(e164: str) -> str:
    """Hide the middle of an E.164 number: "+6281234567890" -> "+62812****7890"."""
    if not _E164.fullmatch(e164):
        raise PhoneError(REASON_FORMAT, "mask_phone expects an E.164 number")
    digits = e164[1:]
    # Keep the country code and operator prefix where the number is long enough, but
    # always hide at least three digits; four asterisks so the length is not revealed.
    head = max(1, min(5, len(digits) - 7))
    return f"+{digits[:head]}****{digits[-4:]}"
