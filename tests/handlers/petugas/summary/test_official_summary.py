"""Ringkasan for officials: the figures for seeded data across several kecamatan (statuses
from the dates, removed people, cancelled and draft activities, last year's activities),
limited to the official's scope (city, kecamatan, kelurahan), the chart sent as a PNG of
the intended size, refusals for non-officials, and bad input at the one question."""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from datetime import UTC, date, datetime

import matplotlib.image

from bot.activities import lifecycle as coverage
from bot.app import App
from bot.domain.scope import Scope
from bot.reports.statistics import (
    BY_KECAMATAN,
    BY_KELURAHAN,
    BY_RT,
    RegionFigure,
    Summary,
    build_summary,
    grouping,
    left_out,
    month_bounds,
    top_bars,
)
from storage.models import Incident
from support.activity_helpers import (
    add_participant,
    confirm_directly,
    create_activity,
    plain,
    put_in,
)
from support.chat import Chat, Clock
from support.seeding import grant, seed_rt

TELANAIPURA = "15.71.01"
SIMPANG_IV_SIPIN = "15.71.01.1001"
BULURAN_KENALI = "15.71.01.1002"
THEHOK = "15.71.02.1004"
SIJENJANG = "15.71.03.1001"
Person = tuple[str, str, date, str]


def person(serial: int, name: str) -> Person:
    """A valid NIK of a man born 2 March 1990, made unique by its serial."""
    return (f"15710102039{serial:05d}"[:16], name, date(1990, 3, 2), "L")


SITI, JOKO, DEWI, RUDI, ANI, BUDI, EKO, FAJAR, GITA = (
    person(n, name)
    for n, name in enumerate(
        ("Siti", "Joko", "Dewi", "Rudi", "Ani", "Budi", "Eko", "Fajar", "Gita"), start=1
    )
)


@dataclass(frozen=True)
class Seeded:
    rt_a: int
    rt_b: int
    rt_c: int
    rt_d: int


async def confirmed(
    app: App,
    rt_id: int,
    people: tuple[Person, ...],
    start: date,
    end: date,
    value: int,
    at: datetime | None = None,
) -> int:
    activity_id = await create_activity(app, rt_id, start=start, end=end, value=value)
    for who in people:
        await add_participant(app, activity_id, who)
    await confirm_directly(app, activity_id, at or datetime(2026, 2, 1, tzinfo=UTC))
    return activity_id


async def incident(app: App, reference: str, rt_id: int | None, status: str = "open") -> None:
    async with app.uow_factory() as uow:
        await uow.incidents.add(
            Incident(
                reference=reference,
                rt_id=rt_id,
                occurred_at=datetime(2026, 3, 1, 3, 0, tzinfo=UTC),
                severity="ringan",
                status=status,
            )
        )
        await uow.commit()


async def seed(app: App, clock: Clock) -> Seeded:
    """Today is 2 March 2026 (WIB). Telanaipura: RT 01 Simpang IV Sipin and RT 02 Buluran
    Kenali; Jambi Selatan: RT 05 Thehok; Jambi Timur: RT 03 Sijenjang."""
    rt_a = (await seed_rt(app, SIMPANG_IV_SIPIN, 1, "Budi", "+6281200000001")).id
    rt_b = (await seed_rt(app, BULURAN_KENALI, 2, "Sari", "+6281200000002")).id
    rt_c = (await seed_rt(app, THEHOK, 5, "Ahmad", "+6281200000003")).id
    rt_d = (await seed_rt(app, SIJENJANG, 3, "Wati", "+6281200000004")).id
    march = (date(2026, 3, 1), date(2026, 3, 31))
    # RT 01: running (Dewi removed), upcoming.
    running = await confirmed(app, rt_a, (SITI, JOKO, DEWI), *march, 25_000_000)
    async with app.uow_factory() as uow:
        removed = await uow.participations.active_for(
            running, (await uow.persons.find_by_nik(DEWI[0])).id
        )
        await uow.participations.remove(removed, None, datetime(2026, 3, 1, 5, 0, tzinfo=UTC))
        await uow.commit()
    await confirmed(app, rt_a, (GITA,), date(2026, 3, 10), date(2026, 3, 20), 50_000_000)
    # RT 02: running since February; running since last December.
    await confirmed(app, rt_b, (RUDI,), date(2026, 2, 20), date(2026, 3, 5), 10_000_000)
    await confirmed(
        app, rt_b, (SITI,), date(2025, 12, 20), date(2026, 3, 10), 40_000_000,
        at=datetime(2025, 12, 1, tzinfo=UTC),
    )  # fmt: skip
    # RT 05: running for one day (today); cancelled.
    await confirmed(app, rt_c, (ANI,), date(2026, 3, 2), date(2026, 3, 2), 20_000_000)
    cancelled = await confirmed(app, rt_c, (BUDI,), *march, 30_000_000)
    async with app.uow_factory() as uow:
        await coverage.cancel(uow, await uow.activities.get(cancelled), clock.now, None)
        await uow.commit()
    # RT 03: ended in February; a draft; ended last year.
    await confirmed(app, rt_d, (EKO,), date(2026, 2, 1), date(2026, 2, 10), 5_000_000)
    draft = await create_activity(app, rt_d, start=date(2026, 3, 15), end=date(2026, 3, 20))
    await add_participant(app, draft, FAJAR)
    await confirmed(
        app, rt_d, (EKO,), date(2025, 12, 1), date(2025, 12, 31), 60_000_000,
        at=datetime(2025, 11, 1, tzinfo=UTC),
    )  # fmt: skip
    await incident(app, "LK-20260301-001", rt_a)
    await incident(app, "LK-20260301-002", rt_c)
    await incident(app, "LK-20260301-003", rt_a, status="reported")
    await incident(app, "LK-20260301-004", None)
    return Seeded(rt_a, rt_b, rt_c, rt_d)


async def summary_for(app: App, clock: Clock, scope: Scope) -> Summary:
    async with app.uow_factory() as uow:
        return await build_summary(uow, scope, clock.now)


async def test_city_wide_figures(app: App, clock: Clock) -> None:
    await seed(app, clock)
    summary = await summary_for(app, clock, Scope(city=True))
    assert summary.today == date(2026, 3, 2)
    assert dict(summary.statuses) == {
        "draft": 1,
        "confirmed": 1,
        "running": 4,
        "ended": 1,
        "cancelled": 1,
    }
    assert (summary.rts_active, summary.rts_total) == (3, 4)
    # Siti (twice), Joko, Rudi, Ani; not Dewi (removed), Budi (cancelled), Eko (ended),
    # Fajar (draft) or Gita (not started).
    assert summary.people_covered == 4
    assert summary.premium_month == 60_000 + 120_000 + 48_000
    assert summary.premium_year == 60_000 + 120_000 + 24_000 + 48_000 + 12_000
    assert summary.open_incidents == 3  # the one with no RT too; not the reported one
    assert summary.by == BY_KECAMATAN
    assert len(summary.regions) == 11
    assert [(r.name, r.value) for r in summary.regions[:3]] == [
        ("Telanaipura", 4),
        ("Jambi Selatan", 1),
        ("Jambi Timur", 1),
    ]
    assert {r.value for r in summary.regions[3:]} == {0}


async def test_kecamatan_scope(app: App, clock: Clock) -> None:
    await seed(app, clock)
    summary = await summary_for(app, clock, Scope(kecamatan=frozenset({TELANAIPURA})))
    assert dict(summary.statuses) == {
        "draft": 0,
        "confirmed": 1,
        "running": 3,
        "ended": 0,
        "cancelled": 0,
    }
    assert (summary.rts_active, summary.rts_total) == (2, 2)
    assert summary.people_covered == 3
    assert (summary.premium_month, summary.premium_year) == (180_000, 204_000)
    assert summary.open_incidents == 1
    assert summary.by == BY_KELURAHAN
    assert len(summary.regions) == 7  # every kelurahan of Telanaipura, zeros included
    assert {(r.name, r.value) for r in summary.regions[:2]} == {
        ("Simpang IV Sipin", 2),
        ("Buluran Kenali", 2),
    }


async def test_kelurahan_scope_groups_per_rt(app: App, clock: Clock) -> None:
    seeded = await seed(app, clock)
    extra = await seed_rt(app, THEHOK, 6, "Lina", "+6281200000009")
    summary = await summary_for(app, clock, Scope(kelurahan=frozenset({"1571021004"})))
    assert dict(summary.statuses)["running"] == 1
    assert dict(summary.statuses)["cancelled"] == 1
    assert (summary.rts_active, summary.rts_total, summary.people_covered) == (1, 2, 1)
    assert (summary.premium_month, summary.premium_year, summary.open_incidents) == (
        48_000,
        48_000,
        1,
    )
    assert summary.by == BY_RT
    assert summary.regions == (
        # RT 05: one confirmed activity with one person on it, Rp48.000 of premium.
        RegionFigure(str(seeded.rt_c), "RT 05", 1, 1, 48_000),
        RegionFigure(str(extra.id), "RT 06", 0),
    )


def test_grouping_follows_the_scope() -> None:
    assert grouping(Scope(city=True)) == BY_KECAMATAN
    assert grouping(Scope(kecamatan=frozenset({"15.71.01", "15.71.02"}))) == BY_KECAMATAN
    assert grouping(Scope(kecamatan=frozenset({"15.71.01"}))) == BY_KELURAHAN
    both = Scope(kelurahan=frozenset({SIMPANG_IV_SIPIN, BULURAN_KENALI}))
    assert grouping(both) == BY_KELURAHAN
    apart = Scope(kelurahan=frozenset({SIMPANG_IV_SIPIN, THEHOK}))
    assert grouping(apart) == BY_KECAMATAN
    assert grouping(Scope(kelurahan=frozenset({THEHOK}))) == BY_RT


def test_month_bounds_and_top_bars() -> None:
    assert month_bounds(date(2026, 12, 31)) == (date(2026, 12, 1), date(2027, 1, 1))
    assert month_bounds(date(2026, 3, 2)) == (date(2026, 3, 1), date(2026, 4, 1))
    figures = [RegionFigure(str(n), f"RT {n:02d}", 20 - n) for n in range(1, 21)]
    bars, others = top_bars(figures, 15, "Lainnya")
    assert len(bars) == 14 and bars[0] == ("RT 01", 19)
    assert others == ("Lainnya", sum(range(0, 6)))
    assert left_out(figures, 15) == 6 and left_out(figures[:15], 15) == 0
    assert top_bars(figures[:3], 15, "x") == ([("RT 01", 19), ("RT 02", 18), ("RT 03", 17)], None)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def test_petugas_gets_the_summary_and_the_chart(
    app: App, clock: Clock, petugas: Chat
) -> None:
    await seed(app, clock)
    await petugas.says("menu")
    await petugas.taps("Ringkasan")
    text = plain(petugas.text)
    assert "Wilayah: Kota Jambi" in text
    assert "Data per 2 Maret 2026 09.00 WIB" in text
    assert "RT aktif hari ini: 3 dari 4 RT" in text
    assert "Orang terlindungi saat ini: 4" in text
    assert "Insiden belum dilaporkan ke BPJS: 3" in text
    assert "Draf: 1" in text and "Berjalan: 4" in text and "Dibatalkan: 1" in text
    assert "Mulai bulan Maret 2026: Rp228.000" in text
    assert "Mulai tahun 2026: Rp264.000" in text
    images = [reply.image for reply in petugas.replies if reply.image is not None]
    assert [i.file_name for i in images] == [
        "ringkasan_2026-03-02.png",
        "ringkasan_people_2026-03-02.png",
        "ringkasan_premium_2026-03-02.png",
    ]
    image = images[0]
    assert image.mime_type == "image/png"
    assert png_size(image.data) == (1080, 1350)
    pixels = matplotlib.image.imread(io.BytesIO(image.data), format="png")
    assert pixels.shape[:2] == (1350, 1080)
    captions = "\n".join(plain(r.text) for r in petugas.replies if r.image is not None)
    assert "Kegiatan terkonfirmasi tahun 2026 per kecamatan: 6 kegiatan" in captions
    assert "Warga pada daftar kegiatan terkonfirmasi tahun 2026 per kecamatan:" in captions
    assert "Premi kegiatan terkonfirmasi yang mulai tahun 2026 per kecamatan: Rp264.000" in captions
    assert petugas.choices == ["Perbarui ringkasan", "Daftar kegiatan", "Menu utama"]


async def test_no_confirmed_activity_is_said_in_a_sentence_not_a_chart_of_zeros(
    petugas: Chat,
) -> None:
    await petugas.says("/ringkasan")
    assert all(reply.image is None for reply in petugas.replies)
    assert "Belum ada kegiatan terkonfirmasi tahun 2026 di Kota Jambi, jadi belum ada grafik." in (
        plain(" ".join(r.text for r in petugas.replies))
    )


async def test_kecamatan_official_sees_only_their_kecamatan(app: App, clock: Clock) -> None:
    await seed(app, clock)
    await grant(app, "petugas", "+6281100000011", "Camat", "kecamatan", TELANAIPURA)
    camat = Chat(app, "camat", channel="whatsapp", phone="+6281100000011")
    await camat.says("/ringkasan")
    text = plain(camat.text)
    assert "Wilayah: Kec. Telanaipura" in text
    assert "RT aktif hari ini: 2 dari 2 RT" in text
    assert "Orang terlindungi saat ini: 3" in text
    assert "Mulai bulan Maret 2026: Rp180.000" in text
    assert "Insiden belum dilaporkan ke BPJS: 1" in text
    assert "per kelurahan: 4 kegiatan" in text


async def test_kelurahan_official_sees_only_their_kelurahan(app: App, clock: Clock) -> None:
    await seed(app, clock)
    await grant(app, "bpjs", "+6281100000012", "Lurah", "kelurahan", THEHOK)
    lurah = Chat(app, "lurah", channel="whatsapp", phone="+6281100000012")
    await lurah.says("/ringkasan")
    text = plain(lurah.text)
    assert "Wilayah: Kel. Thehok" in text
    assert "RT aktif hari ini: 1 dari 1 RT" in text
    assert "Orang terlindungi saat ini: 1" in text
    assert "Mulai tahun 2026: Rp48.000" in text
    assert "per RT: 1 kegiatan" in text


async def test_non_officials_are_refused(ketua: Chat, warga: Chat) -> None:
    for chat in (ketua, warga):
        await chat.says("/ringkasan")
        assert "tidak tersedia untuk Anda" in chat.text
        assert all(reply.image is None for reply in chat.replies)
        assert "Ringkasan" not in chat.choices


async def test_refresh_and_bad_input(app: App, clock: Clock, petugas: Chat) -> None:
    await seed(app, clock)
    await petugas.says("/ringkasan")
    for nonsense in ("🙂🙂", "x" * 5000, "apa ini", "9"):
        await petugas.says(nonsense)
        assert all(reply.image is None for reply in petugas.replies)
        assert petugas.choices == ["Perbarui ringkasan", "Daftar kegiatan", "Menu utama"]
    clock.advance(days=30)  # 1 April: March's activities have ended
    await petugas.taps("Perbarui")
    text = plain(petugas.text)
    assert "Data per 1 April 2026 09.00 WIB" in text
    assert "RT aktif hari ini: 0 dari 4 RT" in text
    assert "Orang terlindungi saat ini: 0" in text
    assert "Mulai bulan April 2026: Rp0" in text
    assert [r.image.file_name for r in petugas.replies if r.image] == [
        "ringkasan_2026-04-01.png",
        "ringkasan_people_2026-04-01.png",
        "ringkasan_premium_2026-04-01.png",
    ]
    await petugas.says("bantuan")
    assert "RT aktif" in petugas.text
    await petugas.taps("Daftar kegiatan")
    assert "Kegiatan" in petugas.text


async def test_an_official_without_a_scope_is_told_so(app: App) -> None:
    # A grant whose scope kind is not a region gives no scope at all.
    await grant(app, "petugas", "+6281100000013", "Tanpa wilayah", "desa", "123")
    official = Chat(app, "no-scope", channel="whatsapp", phone="+6281100000013")
    await official.says("/ringkasan")
    assert "belum punya wilayah tugas" in official.text
    assert all(reply.image is None for reply in official.replies)


async def test_scope_removed_while_in_the_dialog(app: App, clock: Clock) -> None:
    await grant(app, "petugas", "+6281100000014", "Pindah", "kecamatan", TELANAIPURA)
    official = Chat(app, "moved", channel="whatsapp", phone="+6281100000014")
    await official.says("/ringkasan")
    async with app.uow_factory() as uow:
        for role in await uow.roles.list("petugas"):
            if role.phone == "+6281100000014":
                await uow.roles.revoke(role.id)
        await uow.commit()
    await put_in(official, "official_summary", "next", {}, [["refresh", "Perbarui ringkasan"]])
    await official.taps_id("refresh")
    assert "tidak tersedia" in official.text  # the engine re-checks the role every message
    assert all(reply.image is None for reply in official.replies)
