"""Outbox messages on WhatsApp, over real HTTP to the fake Graph API: the 24-hour window
and approved templates, Meta's errors (131047, 130429, 131026, 500, timeouts), files by
upload, pacing, and delivery receipts recorded against the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.alerts.accident import AccidentFacts, accident_alert
from bot.channels.whatsapp.send import Pacer
from bot.core.messages import Document, Notification, Reply, reply_to_payload
from bot.workers.delivery_status import OutboxStatusRecorder
from bot.workers.outbox_sender import OutboxWorker
from support.chat import Clock
from support.fake_graph import PHONE_NUMBER_ID, WhatsAppBot, new_wamid, notification
from support.seeding import grant

RINA = "6281100000001"


def facts() -> AccidentFacts:
    return AccidentFacts(
        incident_id=7,
        reference="LK-2026-0007",
        rt="RT 01",
        kelurahan="Simpang IV Sipin",
        kecamatan="Telanaipura",
        activity="Perbaikan drainase (KB-2026-00001)",
        victim_name="Joko Susilo",
        victim_nik_masked="1571********0002",
        occurred_at=datetime(2026, 3, 3, 3, 0, tzinfo=UTC),
        place="Gang Mawar",
        description="Tertimpa cor beton",
        severity="rawat_inap",
        covered=True,
        reporter_name="Budi Santoso",
        reporter_phone="+6281200000001",
        deadline=datetime(2026, 3, 5, 3, 0, tzinfo=UTC),
    )


async def official(whatsapp: WhatsAppBot) -> int:
    """Rina, a city official, who wrote to the bot once (now, on the test clock)."""
    await grant(whatsapp.app, "petugas", "+" + RINA, "Rina Marlina")
    await whatsapp.phone(RINA, "Rina").says("menu")
    async with whatsapp.app.uow_factory() as uow:
        return int((await uow.accounts.find("whatsapp", RINA)).id)


async def queue(whatsapp: WhatsAppBot, note: Notification) -> int:
    async with whatsapp.app.uow_factory() as uow:
        account = await uow.accounts.get(note.account_id)
        message = await uow.outbox.enqueue(
            account_id=account.id,
            channel=account.channel,
            chat_id=account.chat_id,
            payload=reply_to_payload(note.reply, note.template, note.template_params),
            kind=note.kind,
            priority=1 if note.reply.urgent else 5,
            not_before=whatsapp.app.service.clock(),
        )
        await uow.commit()
        return int(message.id)


async def deliver(whatsapp: WhatsAppBot) -> None:
    worker = OutboxWorker(
        whatsapp.app.uow_factory, {"whatsapp": whatsapp.channel}, whatsapp.app.service.clock
    )
    await worker.run_once()


async def stored(whatsapp: WhatsAppBot, message_id: int) -> tuple[Any, Any]:
    async with whatsapp.app.uow_factory() as uow:
        message = await uow.outbox.get(message_id)
        return message, await uow.accounts.get(message.account_id)


def alert_for(account_id: int, whatsapp: WhatsAppBot) -> Notification:
    return accident_alert(whatsapp.app.texts, _Recipient(account_id), facts())


class _Recipient:
    def __init__(self, account_id: int) -> None:
        self.id, self.language = account_id, "id"


# --- the 24-hour window ----------------------------------------------------------------------


async def test_inside_the_window_an_alert_goes_as_normal_text(
    whatsapp: WhatsAppBot, clock: Clock
) -> None:
    rina = await official(whatsapp)
    clock.advance(hours=23)
    message_id = await queue(whatsapp, alert_for(rina, whatsapp))
    before = len(whatsapp.graph.to(RINA))
    await deliver(whatsapp)
    (sent,) = whatsapp.graph.to(RINA)[before:]
    assert sent["type"] == "text" and "KECELAKAAN KERJA" in sent["text"]["body"]
    message, _ = await stored(whatsapp, message_id)
    assert message.status == "sent" and message.provider_message_id == sent["wamid"]


async def test_after_25_hours_the_alert_goes_as_the_approved_template(
    whatsapp: WhatsAppBot,
    clock: Clock,
) -> None:
    rina = await official(whatsapp)
    clock.advance(hours=25)
    message_id = await queue(whatsapp, alert_for(rina, whatsapp))
    before = len(whatsapp.graph.requests)
    await deliver(whatsapp)
    attempts = [r.body for r in whatsapp.graph.requests[before:] if r.path.endswith("/messages")]
    assert [a["type"] for a in attempts] == ["template"]  # free text never tried
    template = attempts[0]["template"]
    assert template["name"] == "kb_kecelakaan_kerja" and template["language"] == {"code": "id"}
    params = [p["text"] for p in template["components"][0]["parameters"]]
    assert params[0] == "LK-2026-0007" and params[2] == "RT 01 · Simpang IV Sipin"
    assert len(params) == 4 and all("\n" not in p for p in params)
    message, _ = await stored(whatsapp, message_id)
    assert message.status == "sent" and message.provider_message_id == attempts[0]["wamid"]


async def test_when_meta_says_the_window_closed_the_template_goes_instead(
    whatsapp: WhatsAppBot,
    clock: Clock,
) -> None:
    rina = await official(whatsapp)
    message_id = await queue(whatsapp, alert_for(rina, whatsapp))
    whatsapp.graph.fail(131047, match=lambda body: body.get("type") != "template")
    before = len(whatsapp.graph.requests)
    await deliver(whatsapp)
    tried = [r.body["type"] for r in whatsapp.graph.requests[before:]]
    assert tried == ["text", "template"]
    message, _ = await stored(whatsapp, message_id)
    assert message.status == "sent" and message.provider_message_id.startswith("wamid.")


async def test_a_message_without_a_template_is_failed_with_the_reason(
    whatsapp: WhatsAppBot,
    clock: Clock,
) -> None:
    rina = await official(whatsapp)
    whatsapp.channel._settings.templates.pop("notice")
    clock.advance(days=3)
    message_id = await queue(
        whatsapp, Notification(rina, Reply("Ringkasan harian"), "daily_summary")
    )
    before = len(whatsapp.graph.requests)
    await deliver(whatsapp)
    assert whatsapp.graph.requests[before:] == []
    message, account = await stored(whatsapp, message_id)
    assert message.status == "failed" and not account.opted_out
    assert "24-hour window" in message.last_error and "daily_summary" in message.last_error


async def test_other_messages_use_the_general_notice_with_their_text(
    whatsapp: WhatsAppBot,
    clock: Clock,
) -> None:
    rina = await official(whatsapp)
    clock.advance(days=2)
    text = "📊 *Ringkasan harian*\n\nKegiatan baru: 3\n\t\tInsiden terbuka:     1"
    await queue(whatsapp, Notification(rina, Reply(text), "daily_summary"))
    await deliver(whatsapp)
    template = whatsapp.graph.to(RINA)[-1]["template"]
    assert template["name"] == "kb_pemberitahuan"
    (param,) = template["components"][0]["parameters"]
    assert param["text"] == "📊 *Ringkasan harian* Kegiatan baru: 3 Insiden terbuka: 1"


async def test_template_parameters_are_checked_before_sending(
    whatsapp: WhatsAppBot, clock: Clock
) -> None:
    rina = await official(whatsapp)
    clock.advance(days=2)
    empty = Notification(
        rina, Reply("x"), "coverage", "coverage_notice", ("Siti", " ", "RT 01", "Maret")
    )
    long = Notification(
        rina, Reply("x"), "coverage", "coverage_notice", ("S" * 3000, "a", "b", "c")
    )
    empty_id, long_id = await queue(whatsapp, empty), await queue(whatsapp, long)
    await deliver(whatsapp)
    message, _ = await stored(whatsapp, empty_id)
    assert message.status == "failed" and "empty" in message.last_error
    sent = whatsapp.graph.to(RINA)[-1]["template"]["components"][0]["parameters"]
    assert len(sent[0]["text"]) == 1024
    assert (await stored(whatsapp, long_id))[0].status == "sent"


# --- Meta's errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "status", "wait"),
    [(130429, 400, timedelta(seconds=30)), (131056, 400, timedelta(seconds=60)), (None, 500, None)],
)
async def test_rate_limits_and_outages_are_retried(
    whatsapp: WhatsAppBot,
    clock: Clock,
    code: int | None,
    status: int,
    wait: timedelta | None,
) -> None:
    rina = await official(whatsapp)
    message_id = await queue(whatsapp, Notification(rina, Reply("Pengumuman"), "broadcast"))
    whatsapp.graph.fail(code, status)
    await deliver(whatsapp)
    message, account = await stored(whatsapp, message_id)
    assert message.status == "pending" and message.attempts == 1 and not account.opted_out
    assert message.next_attempt_at == clock.now + (wait or timedelta(seconds=10))
    clock.advance(minutes=2)
    await deliver(whatsapp)
    assert (await stored(whatsapp, message_id))[0].status == "sent"


async def test_a_timeout_is_retried(whatsapp: WhatsAppBot, clock: Clock) -> None:
    rina = await official(whatsapp)
    message_id = await queue(whatsapp, Notification(rina, Reply("Pengumuman"), "broadcast"))
    whatsapp.graph.fail(delay=3.0)  # longer than the channel's 2-second timeout
    await deliver(whatsapp)
    message, _ = await stored(whatsapp, message_id)
    assert message.status == "pending" and "Timeout" in message.last_error


async def test_an_undeliverable_number_is_opted_out(whatsapp: WhatsAppBot, clock: Clock) -> None:
    rina = await official(whatsapp)
    message_id = await queue(whatsapp, alert_for(rina, whatsapp))
    whatsapp.graph.fail(131026)
    await deliver(whatsapp)
    message, account = await stored(whatsapp, message_id)
    assert message.status == "failed" and account.opted_out
    assert "131026" in message.last_error


async def test_a_bad_request_fails_the_message_but_keeps_the_account(
    whatsapp: WhatsAppBot,
    clock: Clock,
) -> None:
    rina = await official(whatsapp)
    message_id = await queue(whatsapp, Notification(rina, Reply("Pengumuman"), "broadcast"))
    whatsapp.graph.fail(131008)  # required parameter missing: our mistake, not theirs
    await deliver(whatsapp)
    message, account = await stored(whatsapp, message_id)
    assert message.status == "failed" and not account.opted_out


async def test_a_file_is_uploaded_then_sent_by_its_media_id(whatsapp: WhatsAppBot) -> None:
    rina = await official(whatsapp)
    pdf = Document("surat_tugas.pdf", "application/pdf", b"%PDF-1.4 fake", "Surat tugas")
    await queue(whatsapp, Notification(rina, Reply("Surat tugas terlampir", document=pdf), "info"))
    await deliver(whatsapp)
    upload = next(r for r in whatsapp.graph.requests if r.path.endswith("/media"))
    assert upload.path == f"/v21.0/{PHONE_NUMBER_ID}/media"
    assert upload.body == {"messaging_product": "whatsapp", "type": "application/pdf"}
    assert upload.files["file"] == ("surat_tugas.pdf", "application/pdf", b"%PDF-1.4 fake")
    document, text = whatsapp.graph.to(RINA)[-2:]
    assert document["type"] == "document" and document["document"]["filename"] == "surat_tugas.pdf"
    assert document["document"]["id"] and document["document"]["caption"] == "Surat tugas"
    assert text["text"]["body"] == "Surat tugas terlampir"


# --- delivery receipts ------------------------------------------------------------------------


def receipt(wamid: str, status: str, code: int | None = None) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": wamid,
        "status": status,
        "timestamp": "1772417160",
        "recipient_id": RINA,
    }
    if code is not None:
        raw["errors"] = [{"code": code, "title": "error", "message": "error"}]
    return notification({"messaging_product": "whatsapp", "metadata": {}, "statuses": [raw]})


async def sent_alert(whatsapp: WhatsAppBot) -> tuple[int, str]:
    rina = await official(whatsapp)
    message_id = await queue(whatsapp, Notification(rina, Reply("Pengumuman"), "broadcast"))
    await deliver(whatsapp)
    message, _ = await stored(whatsapp, message_id)
    return message_id, message.provider_message_id


async def test_delivered_and_read_are_recorded_and_never_go_backwards(
    whatsapp: WhatsAppBot,
) -> None:
    message_id, wamid = await sent_alert(whatsapp)
    await whatsapp.post(receipt(wamid, "delivered"))
    assert (await stored(whatsapp, message_id))[0].payload["delivery"]["status"] == "delivered"
    await whatsapp.post(receipt(wamid, "read"))
    await whatsapp.post(receipt(wamid, "delivered"))  # late, out of order
    message, _ = await stored(whatsapp, message_id)
    assert message.status == "sent" and message.payload["delivery"]["status"] == "read"


async def test_a_failed_receipt_for_an_unreachable_number_fails_and_opts_out(
    whatsapp: WhatsAppBot,
) -> None:
    message_id, wamid = await sent_alert(whatsapp)
    await whatsapp.post(receipt(wamid, "failed", 131026))
    message, account = await stored(whatsapp, message_id)
    assert message.status == "failed" and account.opted_out


async def test_a_failed_receipt_with_a_passing_cause_queues_the_message_again(
    whatsapp: WhatsAppBot,
    clock: Clock,
) -> None:
    message_id, wamid = await sent_alert(whatsapp)
    await whatsapp.post(receipt(wamid, "failed", 131056))
    message, account = await stored(whatsapp, message_id)
    assert message.status == "pending" and not account.opted_out
    assert message.next_attempt_at == clock.now + timedelta(seconds=60)
    clock.advance(minutes=1)
    await deliver(whatsapp)
    message, _ = await stored(whatsapp, message_id)
    assert message.status == "sent" and message.provider_message_id != wamid


async def test_a_re_engagement_receipt_sends_the_template_next(
    whatsapp: WhatsAppBot, clock
) -> None:
    message_id, wamid = await sent_alert(whatsapp)
    await whatsapp.post(receipt(wamid, "failed", 131047))
    clock.advance(minutes=5)
    await deliver(whatsapp)
    assert whatsapp.graph.to(RINA)[-1]["type"] == "template"
    assert (await stored(whatsapp, message_id))[0].status == "sent"


async def test_a_permanent_failed_receipt_fails_the_message(whatsapp: WhatsAppBot) -> None:
    message_id, wamid = await sent_alert(whatsapp)
    await whatsapp.post(receipt(wamid, "failed", 132001))  # template does not exist
    message, account = await stored(whatsapp, message_id)
    assert message.status == "failed" and "132001" in message.last_error
    assert not account.opted_out


async def test_receipts_for_replies_and_unknown_ids_are_ignored(
    whatsapp: WhatsAppBot, clock
) -> None:
    await official(whatsapp)
    reply_wamid = whatsapp.graph.to(RINA)[0]["wamid"]
    recorder = OutboxStatusRecorder(whatsapp.app.uow_factory, clock, pause=0)
    whatsapp.channel.status_sink = recorder
    assert (await whatsapp.post(receipt(reply_wamid, "read"))).status_code == 200
    assert (await whatsapp.post(receipt(new_wamid(), "failed", 131026))).status_code == 200
    async with whatsapp.app.uow_factory() as uow:
        assert not (await uow.accounts.find("whatsapp", RINA)).opted_out


# --- pacing ------------------------------------------------------------------------------------


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


async def test_bulk_messages_to_one_person_are_six_seconds_apart() -> None:
    time = FakeTime()
    pacer = Pacer(rate=100, per_person=6, clock=time, sleep=time.sleep)
    await pacer.wait("628a", bulk=True)
    await pacer.wait("628b", bulk=True)  # someone else: only the overall rate
    await pacer.wait("628a", bulk=True)
    assert time.slept == [0.01, 5.99]
    time.slept.clear()
    await pacer.wait("628a", bulk=False)  # a reply or an urgent alert is not held back
    assert time.slept == [0.01]  # only by the overall rate: the bulk message just went


async def test_a_send_woken_too_late_for_its_slot_takes_a_new_one() -> None:
    # Its process was not scheduled in time: going now would crowd the slots of others.
    time = FakeTime()
    pacer = Pacer(rate=10, per_person=6, clock=time, sleep=time.sleep)
    await pacer.wait("628a", bulk=False)

    async def oversleeping(seconds: float) -> None:
        time.slept.append(round(seconds, 3))
        time.now += seconds + (0.05 if len(time.slept) == 1 else 0.0)

    pacer._sleep = oversleeping
    await pacer.wait("628b", bulk=False)
    assert time.slept == [0.1, 0.05]  # the slot at +0.1, woken at +0.15: the next at +0.2


async def test_the_overall_rate_is_kept() -> None:
    time = FakeTime()
    pacer = Pacer(rate=4, per_person=6, clock=time, sleep=time.sleep)
    for n in range(5):
        await pacer.wait(f"628{n}", bulk=False)
    assert time.slept == [0.25, 0.25, 0.25, 0.25]
