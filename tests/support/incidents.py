"""An open accident report as the accident dialog saves it, for the officials' incident
and scheduler tests."""

from __future__ import annotations

from datetime import date, datetime

from bot.app import App
from bot.domain.dates import today_wib
from bot.domain.nik import parse_nik
from support.seeding import SeededRt

SITI = "1571014506900001"
MASKED = "1571********0001"


async def seed_incident(
    app: App,
    rt: SeededRt | None,
    occurred_at: datetime,
    *,
    reported_at: datetime | None = None,
    reporter_account_id: int | None = None,
    victim: str = "Siti Aminah",
    severity: str = "rawat_inap",
) -> tuple[int, str]:
    """An open accident report (as the accident dialog saves it); its id and reference."""
    reported_at = reported_at or occurred_at
    async with app.uow_factory() as uow:
        nik = parse_nik(SITI, date(2026, 3, 2))
        person = await uow.persons.find_by_nik(nik.value) or await uow.persons.add(
            nik.value, victim, nik.birth_date, nik.sex
        )
        incident = await uow.incidents.report(
            today_wib(reported_at),
            rt_id=rt.id if rt is not None else None,
            person_id=person.id,
            victim_name=victim,
            occurred_at=occurred_at,
            place="Gang Damai",
            description="Terjatuh dari tangga",
            severity=severity,
            covered=True,
            reporter_account_id=reporter_account_id,
            reporter_name="Budi Santoso",
            reporter_phone="+6281200000001",
            reported_at=reported_at,
            status="open",
        )
        await uow.commit()
        return int(incident.id), str(incident.reference)
