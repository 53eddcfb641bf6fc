"""Import of the official RT list into the `rts` table: validation and the upsert.

Owns validating each row read by `bot.rt_file` (kelurahan by code or loose name, RT number,
chair name, phone, budget) and writing them. Reasons are in Indonesian because an admin
reads them in the chat; each carries the row's line number in the file.

All or nothing: if any row is bad, nothing is staged unless `skip_invalid` is set. The
caller owns the unit of work and commits it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from bot.core.ports import UnitOfWork
from bot.domain.money import REASON_AMBIGUOUS, MoneyError, parse_rupiah
from bot.domain.phone import REASON_LENGTH, REASON_NOT_MOBILE, PhoneError, normalise_phone
from bot.domain.regions import Kelurahan, RegionIndex, name_key
from bot.rts.rt_file import RtFileError, RtRow, read_rt_rows

# Reading is re-exported: callers import the whole RT-list workflow from here.
__all__ = ["ImportReport", "RowError", "RtFileError", "RtRow", "import_rts", "read_rt_rows"]

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_RT_NUMBER = 999
MAX_NAME_LENGTH = 120

_RT_NUMBER = re.compile(r"(?:rt)?[\s.:/-]*([0-9]{1,4})", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"Baris {self.line}: {self.reason}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return self.created + self.updated > 0


@dataclass(frozen=True)
class _ValidRt:
    line: int
    kelurahan: Kelurahan
    number: int
    chair_name: str
    phone: str | None  # None: empty cell
    has_phone: bool  # False: the file has no phone column
    budget: int | None


# --- validation --------------------------------------------------------------------


class _Invalid(Exception):
    """One problem with a cell; the reason is shown to the admin."""


def _kelurahan(row: RtRow, regions: RegionIndex) -> Kelurahan:
    name = row.kelurahan
    if not name:
        raise _Invalid("Kelurahan kosong.")
    if row.kecamatan:
        kecamatan = regions.find_kecamatan(row.kecamatan)
        if kecamatan is None:
            raise _Invalid(f"Kecamatan '{row.kecamatan}' tidak dikenal.")
        found = regions.find_kelurahan(name, kecamatan.code)
        if found is None and regions.find_kelurahan(name) is not None:
            raise _Invalid(f"Kelurahan '{name}' tidak berada di Kecamatan {kecamatan.name}.")
    else:
        found = regions.find_kelurahan(name)
        key = name_key(name)
        if found is None and sum(name_key(k.name) == key for k in regions.kelurahan) > 1:
            raise _Invalid(
                f"Kelurahan '{name}' ada di lebih dari satu kecamatan: isi kolom kecamatan."
            )
    if found is None:
        raise _Invalid(f"Kelurahan '{name}' tidak dikenal.")
    return found


def _rt_number(text: str) -> int:
    match = _RT_NUMBER.fullmatch(text)
    if not match:
        raise _Invalid(f"Nomor RT '{text}' tidak valid." if text else "Nomor RT kosong.")
    number = int(match.group(1))
    if not 1 <= number <= MAX_RT_NUMBER:
        raise _Invalid(f"Nomor RT harus antara 1 dan {MAX_RT_NUMBER}.")
    return number


def _chair_name(text: str) -> str:
    name = _SPACES.sub(" ", text).strip()
    if not name:
        raise _Invalid("Nama ketua RT kosong.")
    if len(name) > MAX_NAME_LENGTH:
        raise _Invalid(f"Nama ketua RT lebih dari {MAX_NAME_LENGTH} huruf.")
    return name


def _phone(text: str) -> str | None:
    # An empty cell is allowed: the invite code is the fallback for a Ketua RT whose
    # number is not on the list.
    if not text:
        return None
    try:
        return normalise_phone(text)
    except PhoneError as error:
        if error.reason == REASON_NOT_MOBILE:
            raise _Invalid(f"Nomor HP '{text}' bukan nomor seluler (harus 08…).") from None
        if error.reason == REASON_LENGTH:
            raise _Invalid(f"Nomor HP '{text}' jumlah digitnya salah.") from None
        raise _Invalid(f"Nomor HP '{text}' tidak valid.") from None


def _budget(text: str) -> int | None:
    if not text:
        return None
    try:
        amount = parse_rupiah(text)
    except MoneyError as error:
        hint = " Tulis lengkap, mis. 100000000." if error.reason == REASON_AMBIGUOUS else ""
        raise _Invalid(f"Anggaran '{text}' tidak valid.{hint}") from None
    if amount <= 0:
        raise _Invalid(f"Anggaran '{text}' tidak valid.")
    return amount


def _validate(row: RtRow, regions: RegionIndex) -> _ValidRt | list[str]:
    """The row's values, or every problem found in it (an admin fixes them in one go)."""
    problems: list[str] = []

    def check(parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except _Invalid as problem:
            problems.append(str(problem))
            return None

    kelurahan = check(lambda: _kelurahan(row, regions))
    number = check(lambda: _rt_number(row.rt))
    chair_name = check(lambda: _chair_name(row.chair_name))
    phone = check(lambda: _phone(row.phone or ""))
    budget = check(lambda: _budget(row.budget or ""))
    if problems or kelurahan is None or number is None or chair_name is None:
        return problems
    return _ValidRt(row.line, kelurahan, number, chair_name, phone, row.phone is not None, budget)


def _validate_rows(
    rows: Iterable[RtRow], regions: RegionIndex
) -> tuple[list[_ValidRt], list[RowError]]:
    valid: list[_ValidRt] = []
    errors: list[RowError] = []
    first_line: dict[tuple[str, int], int] = {}
    for row in rows:
        result = _validate(row, regions)
        if isinstance(result, list):
            errors.extend(RowError(row.line, reason) for reason in result)
            continue
        key = (result.kelurahan.code, result.number)
        if key in first_line:
            where = f"RT {result.number:02d} Kelurahan {result.kelurahan.name}"
            errors.append(RowError(row.line, f"{where} sudah ada di baris {first_line[key]}."))
            continue
        first_line[key] = row.line
        valid.append(result)
    return valid, errors


# --- import ------------------------------------------------------------------------


async def import_rts(
    uow: UnitOfWork,
    rows: Iterable[RtRow],
    *,
    skip_invalid: bool = False,
    year: int,
    region_index: RegionIndex,
) -> ImportReport:
    """Create or update the RTs of the file. Re-importing the same file changes nothing.
    Budgets in the file are set for `year`. The caller commits."""
    valid, errors = _validate_rows(rows, region_index)
    report = ImportReport(errors=errors)
    if errors and not skip_invalid:
        return report
    existing = {(rt.kelurahan_code, rt.number): rt for rt in await uow.rts.list()}
    budgets = await uow.rts.budgets_for_year(year)
    for item in valid:
        rt = existing.get((item.kelurahan.code, item.number))
        if rt is None:
            rt = await uow.rts.add(item.kelurahan.code, item.number, item.chair_name, item.phone)
            if item.budget is not None:
                await uow.rts.set_budget(rt.id, year, item.budget)
            report.created += 1
            continue
        changed = False
        if rt.chair_name != item.chair_name:
            rt.chair_name, changed = item.chair_name, True
        if item.has_phone and rt.chair_phone != item.phone:
            rt.chair_phone, changed = item.phone, True
        if item.budget is not None and budgets.get(rt.id) != item.budget:
            await uow.rts.set_budget(rt.id, year, item.budget)
            changed = True
        if changed:
            report.updated += 1
        else:
            report.unchanged += 1
    await uow.flush()
    log.info(
        "RT import: %d created, %d updated, %d unchanged, %d rows with errors",
        report.created,
        report.updated,
        report.unchanged,
        len({e.line for e in errors}),
    )
    return report
