"""The scale benchmark's city generator on a tiny size, on every backend: it writes what
it says (every RT, activities, persons with valid encrypted NIKs, both halves of every
worker list), and the bot's own queries work on what it wrote. No timings here."""

from __future__ import annotations

import importlib.util
import io
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import load_workbook

from bot.domain.nik import parse_nik
from bot.domain.regions import RegionIndex
from bot.domain.scope import Scope
from bot.reports.bpjs_export import ExportRequest, export_document
from bot.reports.export_request import whole_area
from bot.reports.statistics import build_summary

pytestmark = pytest.mark.backends()

TODAY = date(2026, 3, 16)
SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "scale_city.py"


@pytest.fixture(scope="module")
def scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale_city", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_generated_niks_are_valid_and_distinct(scale: ModuleType) -> None:
    niks = [scale.nik_for(index) for index in range(0, 300_000, 97)]
    assert len(set(niks)) == len(niks)
    for nik in niks[:500]:
        assert parse_nik(nik, TODAY).value == nik


def test_sizes_keep_the_city_proportions(scale: ModuleType) -> None:
    full = scale.Size()
    assert (full.rts, full.activities, full.persons) == (1_650, 30_000, 300_000)
    small = scale.Size.for_participations(100_000)
    assert (small.rts, small.activities, small.persons) == (1_650, 3_000, 30_000)


async def test_a_tiny_city_is_filled_and_queried(scale, database, vault, uow_factory) -> None:  # noqa: ANN001
    size = scale.Size.for_participations(3_000)
    filler = scale.CityFiller(database, vault, size)
    assert await filler.places() == 1_650
    assert await filler.persons() == size.persons
    assert await filler.activities() == size.activities == 90
    first, second = await filler.participations(0), await filler.participations(1)
    assert first + second == 3_000 and first >= second
    await filler.analyze()

    async with uow_factory() as uow:
        assert await uow.rts.count() == 1_650
        person = await uow.persons.find_by_nik(scale.nik_for(41))
        assert person is not None and uow.persons.reveal_nik(person) == scale.nik_for(41)
        worked = await uow.participations.of_persons([person.id])
        assert worked and len({a.id for _, a in worked}) == len(worked)  # never twice on one
        summary = await build_summary(uow, Scope(city=True), scale.STATISTICS_AT)
        assert summary.rts_total == 1_650 and summary.people_covered > 0

    area = whole_area(Scope(city=True), RegionIndex.load())
    request = ExportRequest(date(2026, 1, 1), date(2026, 3, 31), area, "xlsx", full_nik=True)
    async with uow_factory() as uow:
        result = await export_document(uow, request, actor_account_id=None, actor="tes")
    sheet = load_workbook(io.BytesIO(result.data)).active
    niks = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(niks) == result.rows > 0
    assert all(parse_nik(nik, TODAY) for nik in niks)
