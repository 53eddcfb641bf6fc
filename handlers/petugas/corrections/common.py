"""What the Perbaikan data steps share: the caller's scope, the request of this
conversation (checked against the scope on every step, so a request outside it is
invisible and refused by its id), how a person's data reads, and the way back to a fresh
list."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Context, Outcome, Start
from bot.core.messages import Choice
from bot.domain.dates import format_date
from bot.domain.scope import Scope
from bot.domain.vocabulary import CorrectionStatus
from bot.reports.statistics import normalised
from handlers.common.access import official_scope
from handlers.petugas.corrections import NAME

REQUEST, PAGE, CHANGES, REASON = "request_id", "page", "changes", "reject_reason"
HELP = "help_corrections"
SEX_KEYS = {"L": "participants_sex_l", "P": "participants_sex_p"}


def choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"corr_choice_{choice_id}"))


def scope_args(ctx: Context) -> tuple[list[str], list[str], bool]:
    scope: Scope = normalised(official_scope(ctx))
    return sorted(scope.kecamatan), sorted(scope.kelurahan), scope.city


async def open_requests(ctx: Context) -> list[Any]:
    """The open requests the caller may handle, oldest first."""
    return list(await ctx.services.uow.corrections.open_in_scope(*scope_args(ctx)))


async def in_scope(ctx: Context, request_id: int) -> Any | None:
    """The open request with this id if it lies in the caller's scope, else None."""
    return next((r for r in await open_requests(ctx) if r.id == request_id), None)


async def current(ctx: Context) -> Any | None:
    """The request of this conversation while it is open and in scope."""
    try:
        request_id = int(ctx.data.get(REQUEST, ""))
    except (TypeError, ValueError):
        return None
    return await in_scope(ctx, request_id)


async def person_of(ctx: Context, request: Any) -> Any | None:
    if request.person_id is None:
        return None
    return await ctx.services.uow.persons.get(request.person_id)


def sex_text(ctx: Context, sex: str | None) -> str:
    key = SEX_KEYS.get(sex or "")
    return ctx.t(key) if key else "-"


def person_text(ctx: Context, person: Any) -> str:
    """What is held now. No NIK, not even masked: beside the birth date and sex it would
    narrow the number down to a handful (bot.domain.nik, "Masking")."""
    return ctx.t(
        "corr_person",
        name=person.name,
        birth=format_date(person.birth_date),
        sex=sex_text(ctx, person.sex),
        phone=person.phone or "-",
    )


def restart(ctx: Context) -> Outcome:
    """Back to a fresh list on the same page: `kembali` must not lead into a finished
    confirmation."""
    return Start(NAME, {PAGE: ctx.data.get(PAGE, 0)})


def is_open(request: Any) -> bool:
    return bool(request.status == CorrectionStatus.OPEN)
