"""Impor daftar RT: the admin sends the Pemkot's CSV/XLSX as a document and gets the same
rules and report as `kampung-bahagia rt import` (bot.rt_import): counts, and every bad row
with its line number. While a row is bad nothing is imported, unless the admin then picks
"Impor baris yang benar saja" (or sends a corrected file).

Between those two messages the rows as read are kept in ctx.data (plain strings: RT
numbers, kelurahan, chairs' names and work phones; never a NIK), so the file need not be
sent twice; they are dropped as soon as the import is done or abandoned."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Attachment, Choice, Reply
from bot.domain.dates import today_wib
from bot.rts.importer import ImportReport, RtFileError, RtRow, import_rts, read_rt_rows
from handlers.admin.common import BACK, back_choice, region_index, to_menu
from handlers.common.audit import audit

FILE, ERRORS = "import_file", "import_errors"
ROWS, FILE_NAME = "import_rows", "import_file_name"
SKIP = "skip_invalid"
MAX_BYTES = 2 * 1024 * 1024
EXTENSIONS = ("csv", "txt", "tsv", "xlsx", "xlsm")
# What phones and desktop apps call a CSV or XLSX when the name has no extension.
MIME_TYPES = (
    "text/csv",
    "text/plain",
    "text/tab-separated-values",
    "application/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
# Enough bad rows to fix in one go without flooding a phone screen.
MAX_ERRORS_SHOWN = 20


def start(ctx: Context) -> Go:
    ctx.data.pop(ROWS, None)
    ctx.data.pop(FILE_NAME, None)
    return Go(FILE)


async def ask_file(ctx: Context) -> Reply:
    return Reply(
        ctx.t("admin_import_ask", year=today_wib(ctx.now).year), choices=(back_choice(ctx),)
    )


async def handle_file(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == BACK:
        return to_menu(ctx, ROWS, FILE_NAME)
    if answer.message.attachment is None:
        return Stay(ctx.t("admin_import_need_file"))
    return await _import_file(ctx, answer.message.attachment)


def file_problem(ctx: Context, attachment: Attachment) -> str | None:
    name = attachment.file_name or ""
    extension = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    known = extension in EXTENSIONS or (not extension and attachment.mime_type in MIME_TYPES)
    if not known:
        return ctx.t("admin_import_wrong_type", name=name[:60] or "-")
    if len(attachment.data) > MAX_BYTES:
        return ctx.t("admin_import_too_big", limit="2 MB")
    if not attachment.data:
        return ctx.t("admin_import_empty")
    return None


async def _import_file(ctx: Context, attachment: Attachment) -> Outcome:
    problem = file_problem(ctx, attachment)
    if problem is not None:
        return Stay(problem)
    try:
        rows = read_rt_rows(attachment.file_name, attachment.data)
    except RtFileError as error:
        return Stay(ctx.t("admin_import_unreadable", reason=str(error)))
    if not rows:
        return Stay(ctx.t("admin_import_empty"))
    report = await _run(ctx, rows, skip_invalid=False)
    if not report.errors:
        return await _done(ctx, attachment.file_name, report, skipped=0)
    ctx.data[ROWS] = [asdict(row) for row in rows]
    ctx.data[FILE_NAME] = attachment.file_name[:120]
    bad = len({error.line for error in report.errors})
    ctx.say(
        ctx.t("admin_import_refused", rows=len(rows), bad=bad, good=len(rows) - bad)
        + "\n"
        + error_lines(ctx, report)
    )
    return Go(ERRORS)


def error_lines(ctx: Context, report: ImportReport) -> str:
    lines = [str(error) for error in report.errors[:MAX_ERRORS_SHOWN]]
    more = len(report.errors) - MAX_ERRORS_SHOWN
    if more > 0:
        lines.append(ctx.t("admin_import_more_errors", count=more))
    return "\n".join(lines)


async def _run(ctx: Context, rows: list[RtRow], skip_invalid: bool) -> ImportReport:
    return await import_rts(
        ctx.services.uow,
        rows,
        skip_invalid=skip_invalid,
        year=today_wib(ctx.now).year,
        region_index=await region_index(ctx),
    )


async def _done(ctx: Context, file_name: str, report: ImportReport, skipped: int) -> Outcome:
    await audit(
        ctx,
        "rt_import",
        file=file_name[:120],
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        skipped_rows=skipped,
        chair_changes=len(report.chair_changes),
    )
    text = ctx.t(
        "admin_import_done",
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
    )
    if skipped:
        text += "\n" + ctx.t("admin_import_skipped", count=skipped)
    if report.chair_changes:
        # Applied (the list is the official word), never silently: a line per RT.
        changes = [f"• {change}" for change in report.chair_changes[:MAX_ERRORS_SHOWN]]
        more = len(report.chair_changes) - MAX_ERRORS_SHOWN
        if more > 0:
            changes.append(ctx.t("admin_import_more_errors", count=more))
        text += "\n\n" + ctx.t("admin_import_chair_changes", count=len(report.chair_changes))
        text += "\n" + "\n".join(changes)
    ctx.say(text)
    return to_menu(ctx, ROWS, FILE_NAME)


async def ask_errors(ctx: Context) -> Reply:
    choices = (Choice(SKIP, ctx.t("admin_import_skip_invalid")), back_choice(ctx))
    return Reply(ctx.t("admin_import_ask_fix"), choices=choices)


async def handle_errors(ctx: Context, answer: Answer) -> Outcome:
    if answer.message.attachment is not None:
        ctx.data.pop(ROWS, None)
        return await _import_file(ctx, answer.message.attachment)
    if answer.choice is None:
        return Stay(ctx.t("admin_import_fix_or_skip"))
    if answer.choice.id == BACK:
        ctx.say(ctx.t("admin_import_nothing"))
        return to_menu(ctx, ROWS, FILE_NAME)
    kept: list[dict[str, Any]] = list(ctx.data.get(ROWS) or [])
    if not kept:
        return start(ctx)
    rows = [RtRow(**row) for row in kept]
    report = await _run(ctx, rows, skip_invalid=True)
    skipped = len({error.line for error in report.errors})
    return await _done(ctx, str(ctx.data.get(FILE_NAME, "")), report, skipped)
