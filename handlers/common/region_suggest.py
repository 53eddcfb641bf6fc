"""Reading a kelurahan the way people type it, for every region picker: the official name
loosely matched (abbreviations and spellings, bot.domain.regions), and when the name only
comes close, the candidates for a "Maksud Anda Kel. …?" question whose buttons pick them.
Only kelurahan in `allowed` (the caller's scope) are ever offered."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from bot.core.dialog import Context
from bot.reports.export_request import region_index


async def read_kelurahan(
    ctx: Context, text: str, allowed: Collection[str]
) -> tuple[Any | None, list[Any]]:
    """The kelurahan `text` names (when in `allowed`), else the close candidates in
    `allowed`, best first (possibly none)."""
    regions = await region_index(ctx.services.uow)
    found = regions.find_kelurahan(text)
    if found is not None:
        return (found if found.code in allowed else None), []
    return None, [k for k in regions.suggest_kelurahan(text) if k.code in allowed]


def did_you_mean(ctx: Context, candidates: list[Any]) -> str:
    """ "Maksud Anda Kel. Sungai Putri atau Kel. Solok Sipin?" """
    names = ctx.t("region_suggest_or").join(f"Kel. {k.name}" for k in candidates)
    return ctx.t("region_suggest", names=names)
