"""Unduh data saya: everything the bot holds about the caller as one JSON file, sent as a
document (UU 27/2022, the right of access): their chat account, and for each person
recorded with their verified phone the person's data, activities with coverage periods,
accident reports about them, correction and erasure requests, consent records, and the
audit events about them (what was done and when; not who, which is officials' data).

The NIK is not in the file, masked or not. The caller is verified by their phone only,
and a number can change hands or a file be forwarded: the masked NIK together with the
birth date and sex in the file would narrow the NIK down to a handful of candidates
(issue 12, item 4). The person has their NIK on their KTP; the file says it is stored
encrypted. Every download is audited."""

from __future__ import annotations

import json
from typing import Any

from bot.core import privacy
from bot.core.dialog import Context
from bot.core.messages import Document, Reply
from bot.domain.dates import format_date, format_datetime, to_wib
from handlers.common.activity_views import role_label, rt_line
from handlers.warga import coverage_rows as cover

DOWNLOADED = "own_data_downloaded"
JSON = "application/json"
SEX = {"L": "laki-laki", "P": "perempuan"}


def _moment(value: Any) -> str | None:
    return format_datetime(value) if value is not None else None


async def person_record(ctx: Context, person: Any) -> dict[str, Any]:
    """One person's data as the file holds it."""
    uow = ctx.services.uow
    activities = []
    for row in await cover.rows_of(ctx, [person.id], confirmed_only=False):
        participation, activity = row.participation, row.activity
        activities.append(
            {
                "kegiatan": cover.activity_text(ctx, activity),
                "rt": await rt_line(ctx, activity.rt_id),
                "tanggal_kegiatan": f"{format_date(activity.start_date)} – "
                f"{format_date(activity.end_date)}",
                # The name a Ketua RT typed when the person was outside his RT's records.
                "nama_dicatat_ketua_rt": participation.entered_name,
                "peran": role_label(ctx, participation.role),
                "upah_honor_harian": participation.daily_wage,
                "dicatat_di_daftar": _moment(participation.added_at),
                "keluar_dari_daftar": _moment(participation.removed_at),
                "masa_perlindungan": cover.period_text(ctx, row),
                "status": cover.status_text(ctx, row),
            }
        )
    incidents = [
        {
            "nomor": incident.reference,
            "terjadi": _moment(incident.occurred_at),
            "tempat": incident.place,
            "uraian": incident.description,
            "tingkat": incident.severity,
            "status": incident.status,
            "dilaporkan": _moment(incident.reported_at),
        }
        for incident in await uow.persons.incidents_about([person.id])
    ]
    corrections = [
        {
            "nomor": request.id,
            "dikirim": _moment(request.created_at),
            "isi": request.message,
            "status": request.status,
            "catatan_petugas": request.note,
        }
        for request in await uow.corrections.for_persons([person.id])
    ]
    erasures = [
        {
            "nomor": request.id,
            "dikirim": _moment(request.created_at),
            "status": request.status,
            "catatan_petugas": request.note,
            "disimpan_sampai": format_date(request.keep_until) if request.keep_until else None,
        }
        for request in await uow.erasures.for_persons([person.id])
    ]
    events = await uow.audit.page(limit=1000, subject_person_id=person.id)
    return {
        "nama": person.name,
        "nik": ctx.t("mydata_file_nik"),
        "tanggal_lahir": format_date(person.birth_date),
        "jenis_kelamin": SEX.get(person.sex, "-"),
        "nomor_hp": person.phone,
        "dicatat_sejak": _moment(person.created_at),
        "kegiatan": activities,
        "laporan_kecelakaan": incidents,
        "permintaan_perbaikan": corrections,
        "permintaan_penghapusan": erasures,
        "persetujuan": [consent_record(c) for c in await uow.consents.of([person.id])],
        "catatan_akses": [
            {"waktu": _moment(event.at), "tindakan": event.action} for event in events
        ],
    }


def consent_record(consent: Any) -> dict[str, Any]:
    return {
        "versi_pemberitahuan": consent.notice_version,
        "waktu": _moment(consent.at),
        "cara": consent.how,
        "orang_tua_wali": consent.guardian or None,
    }


async def build(ctx: Context, people: list[Any]) -> bytes:
    """The file's bytes: UTF-8 JSON, indented for reading."""
    uow = ctx.services.uow
    account = await uow.accounts.get(ctx.caller.account_id) if ctx.caller.account_id else None
    own = [c for c in await uow.consents.of([], ctx.caller.account_id) if c.person_id is None]
    content = {
        "judul": ctx.t("mydata_file_title"),
        "dibuat": format_datetime(ctx.now),
        "versi_pemberitahuan_privasi": privacy.NOTICE_VERSION,
        "keterangan": ctx.t("mydata_file_note"),
        "akun_chat": {
            "saluran": account.channel if account is not None else None,
            "nama": account.name if account is not None else ctx.caller.name,
            "nomor_hp": ctx.caller.phone,
            "dibuat": _moment(account.created_at) if account is not None else None,
            "persetujuan": [consent_record(c) for c in own],
        },
        "data_peserta": [await person_record(ctx, person) for person in people],
    }
    return json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")


async def send(ctx: Context, people: list[Any]) -> None:
    """Say the file, audited once per person in it (or once for the chat alone)."""
    data = await build(ctx, people)
    day = to_wib(ctx.now).strftime("%Y%m%d")
    document = Document(f"data-saya-{day}.json", JSON, data)
    ctx.say(Reply(ctx.t("mydata_file_sent", count=len(people)), document=document))
    for person in people or [None]:
        await ctx.services.uow.audit.record(
            DOWNLOADED,
            actor_account_id=ctx.caller.account_id,
            actor=ctx.caller.name,
            subject_person_id=person.id if person is not None else None,
            detail={"persons": len(people)},
            at=ctx.now,
        )
