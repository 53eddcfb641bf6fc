"""No NIK in plain text anywhere (issue 12, item 3): real journeys against the real app on
a file-based SQLite database in WAL mode, then a byte scan of the database files (the
main file, the write-ahead log and its index, before and after a checkpoint), of every
log record (every logger at DEBUG, SQL statements with their parameters included), of
standard error and of the temporary directory, for every NIK the journeys used.

The journeys: a resident checks a NIK (one on a list, one nobody knows) and reports an
accident by NIK; a Ketua RT registers an activity, adds participants one by one (one
NIK typed in groups of four, as on the KTP) and by a pasted list, confirms it (the
participants' notices go to the outbox) and reports an accident with a victim by NIK;
a participant opens "Data saya" and asks for a correction that quotes her NIK; officials
list the workers, an admin reveals one full NIK, and masked and full exports are written
(XLSX and CSV in the chat, full-NIK XLSX to a file as `kampung-bahagia export` does); the
outbox and the scheduler run a round; and one step fails with the typed NIK in its
exception. Full NIKs may appear only in the full-NIK export files and in the one chat
reply that reveals a NIK to an admin — never in what is kept or logged.
"""

from __future__ import annotations

import errno
import io
import logging
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.app import App
from bot.core.log_redaction import NikRedactingFilter
from bot.reports import bpjs_export as exports
from bot.workers.outbox_sender import OutboxWorker
from support.activity_helpers import register
from support.chat import Chat
from support.export_city import seed_city
from support.fake_telegram import FakeTelegram, bot_on_fake
from support.seeding import SeededRt, grant

# Every NIK below is valid (Kota Jambi, a real birth date, serial not 0000) and distinct.
ALONE_A = "1571015203880011"  # a woman born 12 March 1988: added alone, the warga's phone
ALONE_B = "1571010507790012"  # a man born 5 July 1979: added alone, typed in groups of 4
PASTED_C = "1571024411920013"  # a woman born 4 November 1992: pasted, then checked by NIK
PASTED_D = "1571011809010014"  # a man born 18 September 2001: pasted
VICTIM_E = "1571026002960015"  # a woman born 20 February 1996: an accident victim, by NIK
UNKNOWN_F = "1571031010700016"  # checked by a resident, known to nobody
FAILING_G = "1571014101000017"  # typed at a step that fails
MINOR_H = "1571015506140018"  # a girl born 15 June 2014: pasted, held for a confirmation
ASKED_I = "1571012703830019"  # a man born 27 March 1983: pasted with a role to ask back
NIKS = (ALONE_A, ALONE_B, PASTED_C, PASTED_D, VICTIM_E, UNKNOWN_F, FAILING_G, MINOR_H, ASKED_I)
ON_THE_LIST = {ALONE_A, ALONE_B, PASTED_C, PASTED_D, MINOR_H, ASKED_I}


def forms(nik: str) -> list[bytes]:
    """How a NIK may sit in bytes: plain digits, in groups of four (space, dot, dash), as
    UTF-8/ASCII and as UTF-16 (little- and big-endian)."""
    groups = [nik[i : i + 4] for i in range(0, 16, 4)]
    texts = [nik, *(separator.join(groups) for separator in (" ", ".", "-"))]
    found = []
    for text in texts:
        found += [text.encode("ascii"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return found


@dataclass
class Scan:
    """What was scanned and what was found."""

    sources: dict[str, int] = field(default_factory=dict)  # name -> bytes scanned
    hits: list[tuple[str, str]] = field(default_factory=list)  # (source, NIK)

    def bytes(self, name: str, data: bytes, niks: Iterable[str] = NIKS) -> None:
        self.sources[name] = self.sources.get(name, 0) + len(data)
        for nik in niks:
            if any(form in data for form in forms(nik)):
                self.hits.append((name, nik))

    def text(self, name: str, text: str) -> None:
        self.bytes(name, text.encode("utf-8", "replace"))

    @property
    def total(self) -> int:
        return sum(self.sources.values())


def database_files(app: App) -> list[Path]:
    main = Path(str(app.database.url.database))
    return [main, main.with_name(main.name + "-wal"), main.with_name(main.name + "-shm")]


def scan_database(scan: Scan, app: App, label: str) -> None:
    for path in database_files(app):
        if path.exists():
            scan.bytes(f"{label}:{path.name}", path.read_bytes())


@pytest.fixture
def debug_everything(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG (SQLAlchemy's engine logs each statement with its parameters
    and each row it reads), before the app is built."""
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)
    for name in ("sqlalchemy.engine", "sqlalchemy.pool", "aiosqlite", "bot", "handlers"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The process's temporary directory for this test, to see what is left in it."""
    directory = tmp_path / "tmp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


async def official(app: App, role: str, phone: str, name: str) -> Chat:
    await grant(app, role, phone, name)
    chat = Chat(app, f"{role}-{phone[-4:]}", channel="whatsapp", phone=phone, name=name)
    await chat.says("menu")
    return chat


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def documents(chat: Chat) -> list[bytes]:
    return [reply.document.data for reply in chat.replies if reply.document is not None]


def workbook_text(data: bytes) -> str:
    book = load_workbook(io.BytesIO(data), read_only=True)
    cells = (cell for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row)
    return " ".join(str(cell) for cell in cells if cell is not None)


class Recorder:
    """An outbox sender that accepts every message (what a channel would send) but the
    first, which fails with a NIK in its error (a provider quoting a parameter)."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, parcel) -> str:  # noqa: ANN001
        if not self.sent:
            self.sent.append("")
            raise RuntimeError(f"provider refused parameter {UNKNOWN_F}")
        self.sent.append(str(parcel.payload))
        return f"sent-{parcel.id}"


async def ketua_journey(app: App, ketua: Chat) -> None:
    """Register, add two people one by one and two by a pasted list, confirm."""
    await register(ketua, start="hari ini")
    await ketua.taps("Simpan & tambah peserta")
    for typed, name, phone in (
        (ALONE_A, "Sari Wulandari", "0813-0000-0001"),  # the `warga` fixture's number
        ("1571 0105 0779 0012", "Bambang Irawan", None),
    ):
        await ketua.taps("Tambah satu peserta")
        await ketua.says(typed)
        assert "Ya, benar" in ketua.choices, ketua.text
        await ketua.taps("Ya, benar")
        await ketua.says(name)
        await ketua.taps("Warga")
        await (ketua.says(phone) if phone else ketua.taps("Lewati"))
        await ketua.taps("Lewati")  # no daily wage
        assert "ditambahkan" in ketua.text, ketua.text
    await ketua.taps("Tempel daftar peserta")
    await ketua.says(
        "\n".join(
            (
                f"{PASTED_C}; Cici Paramida; warga",
                f"{PASTED_D}; Dodi Setiawan; phl; 0813 0000 0044",
                f"{MINOR_H}; Hana Safitri; warga",
                f"{ASKED_I}; Indra Gunawan; astronot",
            )
        )
    )
    assert "2 ditambahkan" in ketua.text, ketua.text
    await ketua.taps("Warga")  # what "astronot" is
    await ketua.taps("Ya, tambahkan 1 anak")
    assert "*6* orang" in ketua.last.text, ketua.text
    await ketua.taps("Konfirmasi perlindungan")
    await ketua.taps("Ya, konfirmasi")
    assert "Perlindungan terkonfirmasi" in ketua.text, ketua.text
    [letter] = documents(ketua)
    assert all(nik.encode() not in letter for nik in NIKS)


async def accident_by_ketua(ketua: Chat) -> None:
    await ketua.says("menu")
    await ketua.taps("Lapor kecelakaan")
    await ketua.taps("Gang Melati")
    await ketua.says(f"{VICTIM_E} Euis Kartika")
    # Left for the menu halfway (the report is paused in the conversation), then resumed.
    await ketua.says("menu")
    async with ketua.app.uow_factory() as uow:
        conversation = await uow.conversations.get("whatsapp", ketua.address.chat_id)
        assert conversation is not None and conversation.paused, "the report is paused"
    await ketua.says("/lapor")
    await ketua.taps("Lanjutkan")
    await ketua.taps("Sekarang")
    await ketua.says("Jl. Sultan Agung no. 5")
    # A NIK typed into the description too, grouped as on the KTP.
    grouped = " ".join(VICTIM_E[i : i + 4] for i in range(0, 16, 4))
    await ketua.says(f"Korban (NIK {grouped}) terjatuh dari tangga saat memasang atap")
    await ketua.taps("Luka ringan")
    await ketua.taps("Pakai data saya")
    await ketua.taps("Kirim laporan")
    assert "LK-" in ketua.text, ketua.text


async def resident_journeys(warga: Chat, tetangga: Chat) -> None:
    # A NIK on a list and one nobody knows, typed at "Cek perlindungan".
    await tetangga.says("menu")
    await tetangga.taps("Cek perlindungan")
    await tetangga.says(PASTED_C)
    assert "terlindungi sekarang" in tetangga.text, tetangga.text
    await tetangga.says(UNKNOWN_F)
    assert "tidak terlindungi" in tetangga.text, tetangga.text
    # An accident reported by a resident, the victim by NIK and name.
    await tetangga.says("menu")
    await tetangga.taps("Lapor kecelakaan")
    await tetangga.says(f"{PASTED_D} Dodi Setiawan")
    await tetangga.taps("Tidak tahu")
    await tetangga.taps("Sekarang")
    await tetangga.says("Gang Melati")
    await tetangga.says("Tertimpa kayu saat membersihkan selokan")
    await tetangga.taps("Rawat inap")
    await tetangga.taps("Pakai data saya")
    await tetangga.taps("Kirim laporan")
    assert "LK-" in tetangga.text, tetangga.text
    # The participant's own data, and a correction request quoting her NIK.
    await warga.says("/cek")
    assert "Sari Wulandari" in warga.text, warga.text
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says(f"Nama saya seharusnya Sari Wulandari Lubis, NIK {ALONE_A}")
    await warga.taps("Ya, kirim")
    assert "terkirim ke 2 petugas" in warga.text, warga.text


async def officials_journeys(
    app: App, petugas: Chat, admin: Chat, tmp_path: Path
) -> dict[str, bytes]:
    """Worker lists, a revealed NIK, and the exports; returns the files they produced."""
    files: dict[str, bytes] = {}
    await petugas.says("/kegiatanrt")
    await petugas.taps("Gang Melati")
    await petugas.taps("Peserta")
    assert "1571********0011" in petugas.text, petugas.text
    await admin.says("/kegiatanrt")
    await admin.taps("Gang Melati")
    await admin.taps("Peserta")
    await admin.taps("Tampilkan NIK lengkap")
    await admin.taps("Bambang")
    assert ALONE_B in admin.text  # shown to the admin, once, and audited
    await admin.says("/admin")
    await admin.taps("Log audit")
    await admin.taps("Cari per NIK")
    await admin.says(PASTED_C)
    assert "1571********0013" in admin.text, admin.text
    for chat, file_format in ((petugas, "Excel"), (petugas, "CSV"), (admin, "Excel")):
        await chat.says("menu")
        await chat.taps("Ekspor BPJS")
        await chat.taps(file_format)
        await chat.taps("Bulan ini")
        await chat.taps("Seluruh wilayah")
        [data] = documents(chat)
        files[f"{chat.address.chat_id}.{file_format}"] = data
    target = tmp_path / "exports" / "ekspor.xlsx"
    target.parent.mkdir()
    request = exports.command_line_request(
        "1/3/2026", "31/3/2026", None, None, target, date(2026, 3, 2)
    )
    assert await exports.export_to_file(app.uow_factory, request, target) == 6
    assert leftovers(target.parent) == ["ekspor.xlsx"]  # no .part file left
    files["command-line.xlsx"] = target.read_bytes()
    return files


async def a_failing_step(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug at the NIK step whose exception carries the typed text (as `int(text)` or a
    driver error would): the traceback in the log must not carry it."""
    from handlers.warga.coverage_check import check

    def broken(text: str, today: date) -> None:
        raise ValueError(f"cannot read {text!r} at {today}")

    monkeypatch.setattr(check, "parse_nik", broken)
    await chat.says("/cek")
    await chat.says(FAILING_G)
    assert "internal" in chat.text.casefold() or "maaf" in chat.text.casefold(), chat.text


async def test_no_nik_in_plain_text_after_real_journeys(
    debug_everything: pytest.LogCaptureFixture,
    private_tmp: Path,
    app: App,
    rt: SeededRt,
    ketua: Chat,
    warga: Chat,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog = debug_everything
    tetangga = Chat(app, "warga-2", channel="whatsapp", phone="+6281300000009", name="Dewi")
    # Officials with accounts, so alerts and correction tasks reach the outbox.
    petugas = await official(app, "petugas", "+6281100000001", "Rina Marlina")
    admin = await official(app, "admin", "+6281100000002", "Admin Kota")
    await warga.says("menu")
    await ketua_journey(app, ketua)
    await accident_by_ketua(ketua)
    await resident_journeys(warga, tetangga)
    files = await officials_journeys(app, petugas, admin, tmp_path)
    recorder = Recorder()
    assert await OutboxWorker(app.uow_factory, {"whatsapp": recorder}, app.service.clock).run_once()
    await app.scheduler.run_once()
    await a_failing_step(tetangga, monkeypatch)

    # The files officials asked for: masked ones hold no NIK, full ones only the covered.
    for name, data in files.items():
        shown = workbook_text(data) if data.startswith(b"PK") else data.decode("utf-8-sig")
        full = name.startswith("admin") or name.startswith("command-line")
        expected = ON_THE_LIST if full else set()
        assert {nik for nik in NIKS if nik in shown} == expected, name
    assert leftovers(private_tmp) == []  # the sheets' temporary files are gone

    scan = Scan()
    assert any(p.name.endswith("-wal") and p.exists() for p in database_files(app))
    scan_database(scan, app, "before checkpoint")
    async with app.database.engine.connect() as connection:
        await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    scan_database(scan, app, "after checkpoint")
    scan.text("outbox deliveries", "\n".join(recorder.sent))
    scan.text("log", caplog.text)
    for record in caplog.records:
        scan.text("log records", record.getMessage())
    out, err = capfd.readouterr()
    scan.text("stderr", err)
    scan.text("stdout", out)

    summary = ", ".join(f"{name}: {size:,} B" for name, size in scan.sources.items())
    print(f"plain-text scan: {len(NIKS)} NIKs, {scan.total:,} bytes ({summary}), hits {scan.hits}")
    assert len(caplog.records) > 1000  # the SQL log is on: parameters were seen
    assert "failed" in caplog.text  # the failing step was logged
    assert scan.hits == []


async def test_the_scan_finds_a_nik_kept_in_clear(app: App) -> None:
    """The scan can fail: a NIK written in clear (here into an audit detail) is found in
    the write-ahead log before the checkpoint and in the main file after it, and a
    grouped one in a log text."""
    async with app.uow_factory() as uow:
        await uow.audit.record("export", actor_account_id=None, actor="test", detail={"n": ASKED_I})
        await uow.commit()
    scan = Scan()
    scan_database(scan, app, "before")
    async with app.database.engine.connect() as connection:
        await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    scan_database(scan, app, "after")
    scan.text("log", "typed 1571 0127 0383 0019")
    assert scan.hits == [
        ("before:test.db-wal", ASKED_I),
        ("after:test.db", ASKED_I),
        ("log", ASKED_I),
    ]


class FullDisk(io.BytesIO):
    """A target on a disk that is full when the file is first written (and has room
    again later, when the half-written zip is closed by the garbage collector)."""

    full = True

    def write(self, data) -> int:  # noqa: ANN001
        if self.full:
            self.full = False
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


async def test_a_failed_export_leaves_no_temporary_file(
    private_tmp: Path, app: App, rt: SeededRt, other_rt: SeededRt
) -> None:
    """Each XLSX sheet streams to a temporary file (full NIKs in it,
    `bot.documents.xlsx_stream`); a failed export leaves none of them behind."""
    await seed_city(app, rt.id, other_rt.id)
    request = exports.command_line_request(
        "1/3/2026", "31/3/2026", None, "xlsx", Path("ekspor.xlsx"), date(2026, 3, 2)
    )
    async with app.uow_factory() as uow:
        with pytest.raises(OSError, match="No space"):
            await exports.write_export(uow, request, FullDisk())
    assert leftovers(private_tmp) == []


@pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])
async def test_no_nik_in_plain_text_over_telegram(
    debug_everything: pytest.LogCaptureFixture,
    app: App,
    rt: SeededRt,
    webhook: bool,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The same over a real channel: python-telegram-bot and httpx (every logger at
    DEBUG) against a fake Bot API over real HTTP, by long polling and by the webhook.
    At DEBUG python-telegram-bot logs every Bot API answer, the user's text in it: the
    log handler carries the filter the command line puts on every handler
    (`log_redaction.install`), as under `kampung-bahagia serve`."""
    caplog = debug_everything
    caplog.handler.addFilter(NikRedactingFilter())
    fake = await FakeTelegram().start()
    try:
        async with bot_on_fake(fake, app.service.handle, webhook=webhook) as bot:
            dewi = bot.user(7001, "Dewi", "Lestari")
            await dewi.says("/cek")
            await dewi.says(" ".join(UNKNOWN_F[i : i + 4] for i in range(0, 16, 4)))
            assert "tidak terlindungi" in dewi.text, dewi.text
            await dewi.says(FAILING_G)
    finally:
        await fake.stop()
    scan = Scan()
    scan_database(scan, app, "database")
    scan.text("log", caplog.text)
    scan.text("stderr", capfd.readouterr().err)
    print(f"plain-text scan over Telegram: {scan.total:,} bytes, hits {scan.hits}")
    assert scan.hits == []
