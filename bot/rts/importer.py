"""Import of the official RT list into the `rts` table: validation and the upsert.

Owns validating each row read by `bot.rt_file` (kelurahan by code or loose name, RT number,
chair name, phone, budget) and writing them. Reasons are in Indonesian because an admin
reads them in the chat; each carries the row's line number in the file.

All or nothing: if any row is bad, nothing is staged unless `skip_invalid` is set. The
caller owns the unit of work and commits it.

The list is the official word on who chairs an RT, so a change of chair is applied — but
never silently: `ImportReport.chair_changes` says, a line per RT, whose phone now makes an
account Ketua RT and whose no longer does. A chair is recognised by the phone on the list,
so the previous chair's phone stops giving the role by itself; a Ketua RT role that came
from an invite code for that RT is revoked (and audited) when the list names a chair with
another phone, unless it belongs to the new chair's own account. A phone on the list that
already belongs to an account of the bot (a resident) is reported too: that account is a
Ketua RT from now on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.core.ports import UnitOfWork
from bot.domain.money import REASON_AMBIGUOUS, MoneyError, parse_rupiah
from bot.domain.phone import REASON_LENGTH, REASON_NOT_MOBILE, PhoneError, normalise_phone
from bot.domain.regions import Kelurahan, RegionIndex, name_key
from bot.domain.vocabulary import Role
from bot.rts.rt_file import RtFileError, RtRow, read_rt_rows

# Reading is re-exported: callers import the whole RT-list workflow from here.
__all__ = [
    "ChairChange",
    "ImportReport",
    "RowError",
    "RtFileError",
    "RtRow",
    "import_rts",
    "read_rt_rows",
]

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


@dataclass(frozen=True)
class ChairChange:
    """Who is Ketua RT of one RT after the import, as the admin reads it: `old_*` the chair
    before (None for a new RT), `known_account` when the new phone already belonged to an
    account of the bot, `revoked` the invite-code grants of this RT that were revoked."""

    line: int
    rt: str  # "RT 03 Kel. Simpang IV Sipin"
    new_name: str
    new_phone: str | None
    old_name: str | None = None
    old_phone: str | None = None
    known_account: bool = False
    revoked: int = 0

    def __str__(self) -> str:
        new = _chair(self.new_name, self.new_phone)
        if self.old_name is None:
            text = f"{self.rt} (RT baru): ketua {new}."
        elif self.new_phone is None:
            text = (
                f"{self.rt}: nomor HP ketua dihapus ({_chair(self.old_name, self.old_phone)}); "
                "ketua RT ini hanya dikenali lewat kode undangan."
            )
        elif self.old_phone is None and self.old_name.casefold() == self.new_name.casefold():
            text = f"{self.rt}: nomor HP ketua diisi, {new}."
        elif self.old_name.casefold() == self.new_name.casefold():
            text = (
                f"{self.rt}: nomor HP ketua {self.new_name} berganti dari {self.old_phone} "
                f"ke {self.new_phone}."
            )
        else:
            text = (
                f"{self.rt}: ketua berganti dari {_chair(self.old_name, self.old_phone)} ke {new}."
            )
        if self.old_phone and self.old_name is not None:
            text += f" Nomor {self.old_phone} tidak lagi dikenali sebagai Ketua RT {self.rt}."
        if self.known_account and self.new_phone:
            text += f" Nomor {self.new_phone} sudah terdaftar di bot: akun itu kini Ketua RT."
        if self.revoked:
            text += f" Peran Ketua RT dari kode undangan dicabut ({self.revoked} akun)."
        return text


def _chair(name: str, phone: str | None) -> str:
    return f"{name} ({phone or 'tanpa nomor HP'})"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    chair_changes: list[ChairChange] = field(default_factory=list)

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
            if item.phone and await uow.accounts.by_phone(item.phone):
                report.chair_changes.append(
                    ChairChange(
                        item.line, _rt_label(item), item.chair_name, item.phone, known_account=True
                    )
                )
            continue
        changed = False
        if item.has_phone and rt.chair_phone != item.phone:
            report.chair_changes.append(await _change_chair(uow, rt, item))
            changed = True
        if rt.chair_name != item.chair_name:
            rt.chair_name, changed = item.chair_name, True
        if item.budget is not None and budgets.get(rt.id) != item.budget:
            await uow.rts.set_budget(rt.id, year, item.budget)
            changed = True
        if changed:
            report.updated += 1
        else:
            report.unchanged += 1
    await uow.flush()
    log.info(
        "RT import: %d created, %d updated, %d unchanged, %d chair changes, %d rows with errors",
        report.created,
        report.updated,
        report.unchanged,
        len(report.chair_changes),
        len({e.line for e in errors}),
    )
    return report


def _rt_label(item: _ValidRt) -> str:
    return f"RT {item.number:02d} Kel. {item.kelurahan.name}"


async def _change_chair(uow: UnitOfWork, rt: Any, item: _ValidRt) -> ChairChange:
    """Give the RT the chair phone of the list; revoke the invite-code grants of this RT
    that belong to another account than the new chair's (when the list names a phone)."""
    old_name, old_phone = rt.chair_name, rt.chair_phone
    rt.chair_phone = item.phone
    known = bool(item.phone and await uow.accounts.by_phone(item.phone))
    revoked: list[int] = []
    if item.phone is not None:
        for grant in await uow.roles.list(Role.KETUA_RT):
            if grant.scope_kind != "rt" or grant.scope_code != str(rt.id):
                continue
            account = await uow.accounts.get(grant.account_id) if grant.account_id else None
            if account is not None and account.phone == item.phone:
                continue  # the new chair came in with a code before: the same person
            if await uow.roles.revoke(grant.id):
                revoked.append(grant.id)
    await uow.audit.record(
        "rt_chair_changed_by_import",
        detail={
            "rt_id": rt.id,
            "old_name": old_name,
            "new_name": item.chair_name,
            "phone_changed": True,
            "revoked_role_ids": revoked,
        },
    )
    return ChairChange(
        item.line,
        _rt_label(item),
        item.chair_name,
        item.phone,
        old_name=old_name,
        old_phone=old_phone,
        known_account=known,
        revoked=len(revoked),
    )
