"""The `kampung-bahagia` command line: demo, premium breakdown, database, RT import and
the first admin. Exit codes: 0 done, 1 failed, 2 wrong input or configuration."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot.app import App
from bot.config import ConfigError, Settings, load_settings
from bot.core import log_redaction
from bot.domain.dates import today_wib, using_zone
from bot.domain.money import MoneyError, format_rupiah, parse_rupiah
from bot.domain.phone import PhoneError, normalise_phone
from bot.domain.premium import PremiumBasis, premium_on_basis
from bot.domain.vocabulary import Role

DEMO_DIR = Path("data")
DEMO_DB_URL = "sqlite+aiosqlite:///data/demo.db"


MONEY_PROBLEMS = {
    "empty": "kosong",
    "not_a_number": "bukan nilai rupiah (contoh: 25jt, 'Rp 25.000.000')",
    "negative": "negatif: nilai kegiatan harus lebih dari Rp0",
    "too_large": "terlalu besar",
    "ambiguous": "bisa dibaca lebih dari satu cara",
}


class UsageError(Exception):
    """Wrong input on the command line: printed as one line, exit code 2."""


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="kampung-bahagia", description=__doc__)
    root.add_argument("--config", type=Path, help="TOML settings file (or KB_CONFIG)")
    commands = root.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="the bot in this terminal, on data/demo.db")
    demo.add_argument(
        "--as",
        dest="persona",
        default="ketua-rt",
        choices=("ketua-rt", "warga", "petugas", "admin"),
    )
    demo.add_argument("--phone", help="pretend the channel verified this phone number")

    premi = commands.add_parser("premi", help="BPJS Jakon premium for an activity value")
    premi.add_argument(
        "--termasuk-ppn",
        dest="includes_ppn",
        action="store_true",
        help="the value includes PPN (matters when program.premium_basis = excluding_ppn)",
    )
    premi.add_argument("value", nargs=argparse.REMAINDER, help="e.g. 25jt, 'Rp 25.000.000', 850jt")

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="migrate to the latest schema")
    down = db_commands.add_parser("downgrade", help="migrate back to a revision")
    down.add_argument("revision")

    rt = commands.add_parser("rt", help="the official RT list")
    rt_commands = rt.add_subparsers(dest="rt_command", required=True)
    rt_import = rt_commands.add_parser("import", help="import RTs from CSV or XLSX")
    rt_import.add_argument("file", type=Path)
    rt_import.add_argument("--skip-invalid", action="store_true", help="import the good rows")
    rt_import.add_argument("--year", type=int, help="budget year (default: this year)")

    admin = commands.add_parser("admin", help="administrators")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True)
    add = admin_commands.add_parser("add", help="grant the admin role to a phone number")
    add.add_argument("--name", required=True)
    add.add_argument("--phone", required=True)

    export = commands.add_parser("export", help="covered participants for BPJS (XLSX or CSV)")
    export.add_argument("--from", dest="date_from", required=True, help="first day: 1/8/2026")
    export.add_argument("--to", dest="date_to", required=True, help="last day: 31/8/2026")
    export.add_argument("--kecamatan", help="only this kecamatan (name or code)")
    export.add_argument("--format", choices=("xlsx", "csv"), help="default: FILE's extension")
    export.add_argument("file", type=Path)

    commands.add_parser(
        "serve", help="run the configured channels (Telegram, WhatsApp) and background workers"
    )
    commands.add_parser("keygen", help="print a new NIK encryption key")
    keys = commands.add_parser("keys", help="NIK key rotation (see README: Rotating the key)")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    rotate = keys_commands.add_parser(
        "rotate", help="re-encrypt every NIK with security.secret_key, in batches (resumable)"
    )
    rotate.add_argument("--batch", type=int, default=500, help="rows per transaction")
    keys_commands.add_parser("status", help="encrypted NIKs per key version")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    log_redaction.install()  # no NIK in any log line or traceback, whoever logs it
    try:
        if args.command == "keygen":
            from storage.nik_vault import NikVault

            print(NikVault.generate_key())
            return 0
        settings = load_settings(args.config)
        # Days and times the commands read or write are in program.timezone.
        with using_zone(settings.program.timezone):
            if args.command == "premi":
                return print_premium(" ".join(args.value), settings, args.includes_ppn)
            return asyncio.run(run(args, settings))
    except (ConfigError, UsageError) as exc:
        print(f"kampung-bahagia: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def print_premium(text: str, settings: Settings, includes_ppn: bool = False) -> int:
    """The breakdown with the programme's rounding and premium basis (program.*)."""
    try:
        value = parse_rupiah(text)
    except MoneyError as exc:
        why = MONEY_PROBLEMS.get(exc.reason, MONEY_PROBLEMS["not_a_number"])
        # Every reading, not just the first: the CLI asks back like the chat, never guesses.
        readings = " atau ".join(format_rupiah(r) for r in exc.readings)
        hint = f"; maksud Anda {readings}?" if readings else ""
        raise UsageError(f"nilai '{text[:40]}' {why}{hint}") from None
    if value <= 0:
        raise UsageError("nilai kegiatan harus lebih dari Rp0")
    program = settings.program
    basis = PremiumBasis(mode=program.premium_basis, ppn_rate=program.ppn_rate)
    p = premium_on_basis(value, includes_ppn, basis, program.premium_rounding)
    ppn = " (termasuk PPN)" if includes_ppn else ""
    print(f"Nilai kegiatan : {format_rupiah(value)}{ppn}")
    if basis.excludes_ppn:
        rate = f"{basis.ppn_rate * 100:f}".rstrip("0").rstrip(".").replace(".", ",")
        print(f"Dasar premi    : {format_rupiah(p.value)} (nilai tanpa PPN {rate}%)")
    print(f"Golongan tarif : {p.band}")
    print(f"JKK            : {format_rupiah(p.jkk)}")
    print(f"JKM            : {format_rupiah(p.jkm)}")
    print(f"Total premi    : {format_rupiah(p.total)}")
    return 0


async def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build_app, secret_key

    if args.command == "demo":
        settings = settings.model_copy(
            update={"database": settings.database.model_copy(update={"url": DEMO_DB_URL})}
        )
        app = await build_app(settings, secret_key(settings, DEMO_DIR / "demo.key"))
        try:
            return await run_demo(app, args.persona, args.phone)
        finally:
            await app.close()
    if args.command == "db" and args.db_command == "downgrade":
        from storage import migrate
        from storage.database import Database

        database = Database(settings.database.url)
        try:
            await migrate.downgrade(database, args.revision)
        finally:
            await database.dispose()
        print(f"database at revision {args.revision}")
        return 0

    if args.command == "export":
        from bot.reports import bpjs_export as exports

        today = today_wib(datetime.now(UTC))
        try:
            request = exports.command_line_request(
                args.date_from, args.date_to, args.kecamatan, args.format, args.file, today
            )
            app = await build_app(settings, secret_key(settings))
            try:
                rows = await exports.export_to_file(app.uow_factory, request, args.file)
            finally:
                await app.close()
        except exports.ExportInputError as exc:
            raise UsageError(str(exc)) from None
        print(f"{rows} baris ditulis ke {args.file}")
        return 0
    if args.command == "keys":
        return await run_keys(args, settings)
    app = await build_app(settings, secret_key(settings))
    try:
        if args.command == "serve":
            return await run_server(app)
        if args.command == "db":
            print("database is at the latest revision")
            return 0
        if args.command == "rt":
            return await import_rt_list(app, args.file, args.skip_invalid, args.year)
        if args.command == "admin":
            return await add_admin(app, args.name, args.phone)
    finally:
        await app.close()
    return 1


async def run_keys(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import build_app, previous_keys, secret_key
    from storage import key_rotation
    from storage.nik_vault import NikVault

    if args.keys_command == "rotate" and args.batch < 1:
        raise UsageError("--batch must be at least 1")
    key = secret_key(settings)
    # build_app migrates and refuses keys that do not match the data (one-line error).
    app = await build_app(settings, key)
    vault = NikVault(key, previous_keys(settings))
    try:
        if args.keys_command == "status":
            found = await key_rotation.status(app.database, vault)
            for label, count in sorted(found.persons.items()):
                print(f"{label}: {count} NIK")
            if not found.persons:
                print("no NIK stored")
            print(f"key check: {found.check or 'not stored'}")
            return 0

        def progress(report: key_rotation.RotationReport) -> None:
            print(
                f"batch {report.batches}: {report.rotated} re-encrypted, "
                f"{report.already_current} already on the current key"
            )

        report = await key_rotation.rotate(
            app.database, vault, batch_size=args.batch, after_batch=progress
        )
    finally:
        await app.close()
    print(
        f"re-encrypted: {report.rotated}, already current: {report.already_current}, "
        f"changed meanwhile (run again): {report.changed_meanwhile}, "
        f"unreadable (key not configured): {report.unreadable}"
    )
    if report.finished:
        print(f"done: every NIK is on key {vault.current_version}")
        return 0
    return 1


async def run_server(app: App) -> int:
    from bot.app import build_channels
    from bot.core.worker import THIS_WORKER
    from bot.web.server import serve
    from bot.workers.outbox_sender import OutboxWorker
    from storage.leadership import OUTBOX_LOCK_KEY, Leadership
    from storage.presence import Presence

    # A service says what it does (channels started, stop requested, stopped), as uvicorn does.
    logging.getLogger("bot").setLevel(logging.INFO)
    channels = build_channels(app)
    if not channels:
        raise UsageError(
            "no channel configured: set telegram.token, or whatsapp.phone_number_id and "
            "whatsapp.access_token (see config.example.toml)"
        )
    # One sender for the deployment: the provider limits hold across workers.
    leader = Leadership(app.database, OUTBOX_LOCK_KEY)
    senders = {c.name: c for c in channels}
    outbox = OutboxWorker(app.uow_factory, senders, app.service.clock, leader=leader)
    # Alive before the first reply copy it owns: the other workers leave those to it.
    presence = Presence(app.database, THIS_WORKER)
    await presence.start()
    try:
        await serve(
            app.settings, channels, [outbox, app.scheduler], app.database.ping, {"outbox": outbox}
        )
    finally:
        await presence.close()
    return 0


async def run_demo(app: App, persona: str, phone: str | None) -> int:
    from bot.channels.terminal import TerminalChannel
    from bot.demo import PERSONAS, seed_demo
    from bot.workers.outbox_sender import OutboxWorker

    async with app.uow_factory() as uow:
        await seed_demo(uow)
    channel = TerminalChannel(app.service.handle, PERSONAS, DEMO_DIR / "out")
    outbox = OutboxWorker(app.uow_factory, {"terminal": channel}, app.service.clock)

    async def background() -> None:
        # What `serve` does continuously, the demo does after every message.
        await app.scheduler.run_once()
        await outbox.run_once()

    channel.after_each = background
    await channel.run(persona, phone)
    return 0


async def import_rt_list(app: App, file: Path, skip_invalid: bool, year: int | None) -> int:
    from bot.domain.regions import RegionIndex, load_wilayah
    from bot.rts.importer import import_rts, read_rt_rows

    try:
        data = await asyncio.to_thread(file.read_bytes)
    except OSError:
        raise UsageError(f"file {file} tidak bisa dibaca") from None
    try:
        rows = read_rt_rows(file.name, data)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    year = year or today_wib(datetime.now(UTC)).year
    async with app.uow_factory() as uow:
        report = await import_rts(
            uow,
            rows,
            skip_invalid=skip_invalid,
            year=year,
            region_index=RegionIndex(*load_wilayah()),
        )
        # import_rts stages nothing while a row is bad (unless told to skip bad rows).
        await uow.commit()
    for error in report.errors:
        print(f"baris {error.line}: {error.reason}", file=sys.stderr)
    for change in report.chair_changes:
        print(f"ketua RT berubah (baris {change.line}): {change}")
    print(
        f"RT baru: {report.created}, diperbarui: {report.updated}, "
        f"tidak berubah: {report.unchanged}, baris salah: {len(report.errors)}"
    )
    return 2 if report.errors and not skip_invalid else 0


async def add_admin(app: App, name: str, phone_text: str) -> int:
    try:
        phone = normalise_phone(phone_text)
    except PhoneError:
        raise UsageError(f"nomor HP '{phone_text}' tidak valid") from None
    if not name.strip():
        raise UsageError("nama tidak boleh kosong")
    async with app.uow_factory() as uow:
        await uow.roles.grant(Role.ADMIN, phone=phone, name=name.strip())
        await uow.audit.record("admin_added", actor="command line", detail={"phone": phone})
        await uow.commit()
    print(f"admin {name.strip()} ({phone}) ditambahkan")
    return 0
