"""The WhatsApp webhook: Meta's verification, the signature over the raw body, and every
payload shape from Meta's documentation posted, correctly signed, to the web app."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from bot.channels.whatsapp.send import classify
from bot.channels.whatsapp.webhook import parse_notification, sign, signature_is_valid
from bot.core.messages import IncomingMessage, Location
from bot.web.server import RedactSecrets
from support.fake_graph import APP_SECRET, VERIFY_TOKEN, WhatsAppBot, signed
from support.seeding import SeededRt

PAYLOADS = Path(__file__).parent / "payloads"
BUDI = "6281200000001"


def payload(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def parsed(name: str) -> list[IncomingMessage]:
    return [m.message for m in parse_notification(payload(name), classify).messages]


def spy(whatsapp: WhatsAppBot) -> list[IncomingMessage]:
    """Record every message the channel hands the conversation service."""
    seen: list[IncomingMessage] = []
    handle = whatsapp.channel._handle

    async def recording(message: IncomingMessage) -> Any:
        seen.append(message)
        return await handle(message)

    whatsapp.channel._handle = recording
    return seen


# --- verification and signature ------------------------------------------------------------


async def test_meta_verification_echoes_the_challenge(whatsapp: WhatsAppBot) -> None:
    query = {
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
    }
    response = await whatsapp.client.get("/whatsapp/webhook", params=query)
    assert response.status_code == 200 and response.text == "1158201444"


@pytest.mark.parametrize(
    "query",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
async def test_a_wrong_verification_is_refused(whatsapp: WhatsAppBot, query: dict) -> None:
    response = await whatsapp.client.get("/whatsapp/webhook", params=query)
    assert response.status_code == 403 and "1" not in response.text


async def unsigned_posts_are_refused(whatsapp: WhatsAppBot, headers: dict[str, str]) -> None:
    body = json.dumps(payload("text.json")).encode()
    response = await whatsapp.client.post("/whatsapp/webhook", content=body, headers=headers)
    await whatsapp.channel.drain()
    assert response.status_code == 403
    assert whatsapp.graph.messages == []
    async with whatsapp.app.uow_factory() as uow:
        assert await uow.accounts.find("whatsapp", BUDI) is None


async def test_a_post_without_signature_is_refused_and_nothing_processed(
    whatsapp: WhatsAppBot,
) -> None:
    await unsigned_posts_are_refused(whatsapp, {"Content-Type": "application/json"})


async def test_a_post_signed_with_another_secret_is_refused(whatsapp: WhatsAppBot) -> None:
    body = json.dumps(payload("text.json")).encode()
    header = sign("another-secret", body)
    await unsigned_posts_are_refused(whatsapp, {"X-Hub-Signature-256": header})


async def test_a_tampered_body_is_refused(whatsapp: WhatsAppBot) -> None:
    original = json.dumps(payload("text.json")).encode()
    header = sign(APP_SECRET, original)
    tampered = original.replace(b'"menu"', b'"batal"')
    response = await whatsapp.client.post(
        "/whatsapp/webhook", content=tampered, headers={"X-Hub-Signature-256": header}
    )
    assert response.status_code == 403 and whatsapp.graph.messages == []


def test_signature_check() -> None:
    body = b'{"object":"whatsapp_business_account"}'
    assert signature_is_valid("s3cret", body, sign("s3cret", body))
    assert not signature_is_valid("s3cret", body, sign("s3cret", body + b" "))
    assert not signature_is_valid("s3cret", body, sign("s3cret", body)[len("sha256=") :])
    assert not signature_is_valid("s3cret", body, "sha256=zz")
    assert not signature_is_valid("", body, sign("", body))  # no secret configured


# --- payload shapes ------------------------------------------------------------------------


def test_every_payload_shape_becomes_one_incoming_message() -> None:
    (text,) = parsed("text.json")
    assert text.address.channel == "whatsapp" and text.address.chat_id == BUDI
    assert text.phone == "+6281200000001" and text.sender_name == "Budi Santoso"
    assert text.text == "menu" and text.message_id.startswith("wamid.")
    (button,) = parsed("button_reply.json")
    assert (button.choice_id, button.text) == ("ppn:no", "Tidak")
    (row,) = parsed("list_reply.json")
    assert (row.choice_id, row.text) == ("kind:drainase", "Drainase")
    (template,) = parsed("template_button.json")
    assert (template.choice_id, template.text) == (None, "Menu")
    (place,) = parsed("location.json")
    assert place.location == Location(-1.6089, 103.5943, "Gang Mawar")
    (document,) = parse_notification(payload("document.json"), classify).messages
    assert document.media_id == "1003383421387256" and document.file_name == "daftar_rt.csv"
    assert (
        document.message.text == "Daftar RT terbaru" and document.message.phone == "+6281100000002"
    )


def test_a_user_known_only_by_username_has_no_phone() -> None:
    (message,) = parsed("username_only.json")
    assert message.address.chat_id == "ID.1502576394655843"
    assert message.phone is None and message.sender_name == "Dewi"


def test_statuses_are_read_with_their_meaning() -> None:
    delivered = parse_notification(payload("status_delivered.json"), classify)
    assert delivered.messages == [] and delivered.statuses[0].status == "delivered"
    (failed,) = parse_notification(payload("status_failed.json"), classify).statuses
    assert failed.status == "failed" and failed.outcome == "unreachable"
    assert failed.error.startswith("131026")


def test_nonsense_bodies_are_ignored() -> None:
    for nonsense in (
        {},
        [],
        {"object": "page"},
        {"object": "whatsapp_business_account", "entry": 3},
    ):
        notification = parse_notification(nonsense, classify)
        assert notification.messages == [] and notification.statuses == []


async def test_the_chair_is_recognised_by_the_whatsapp_number(
    whatsapp: WhatsAppBot, rt: SeededRt
) -> None:
    response = await whatsapp.post(payload("text.json"))
    assert response.status_code == 200
    replies = whatsapp.graph.to(BUDI)
    assert "Ketua RT 01" in "\n".join(json.dumps(m, ensure_ascii=False) for m in replies)
    async with whatsapp.app.uow_factory() as uow:
        account = await uow.accounts.find("whatsapp", BUDI)
        assert account.phone == "+6281200000001" and account.last_inbound_at is not None


async def test_a_message_delivered_twice_is_answered_once(
    whatsapp: WhatsAppBot, rt: SeededRt
) -> None:
    seen = spy(whatsapp)
    await whatsapp.post(payload("duplicate.json"))
    once = len(whatsapp.graph.to(BUDI))
    assert len(seen) == 2 and once > 0  # both reached the service, which dropped one
    await whatsapp.post(payload("duplicate.json"))  # Meta redelivers the whole body
    assert len(whatsapp.graph.to(BUDI)) == once


async def test_several_messages_in_one_post_are_each_answered_in_order(
    whatsapp: WhatsAppBot,
    rt: SeededRt,
) -> None:
    seen = spy(whatsapp)
    response = await whatsapp.post(payload("several_messages.json"))
    assert response.status_code == 200
    assert [(m.address.chat_id, m.text) for m in seen if m.address.chat_id == BUDI] == [
        (BUDI, "menu"),
        (BUDI, "bantuan"),
    ]
    assert whatsapp.graph.to(BUDI) and whatsapp.graph.to("6281300000001")


async def test_a_username_user_is_answered_by_their_user_id(whatsapp: WhatsAppBot) -> None:
    await whatsapp.post(payload("username_only.json"))
    sent = whatsapp.graph.messages
    assert sent and all(m["recipient"] == "ID.1502576394655843" and "to" not in m for m in sent)


async def test_a_document_is_downloaded_and_handed_over(whatsapp: WhatsAppBot) -> None:
    seen = spy(whatsapp)
    whatsapp.graph.add_media("1003383421387256", b"kelurahan;rt;ketua;hp\n", "text/csv")
    await whatsapp.post(payload("document.json"))
    (message,) = seen
    assert message.attachment is not None
    assert message.attachment.file_name == "daftar_rt.csv"
    assert message.attachment.data == b"kelurahan;rt;ketua;hp\n"
    lookups = [r for r in whatsapp.graph.requests if r.path.endswith("/1003383421387256")]
    assert lookups and lookups[0].authorization == "Bearer test-access-token"


async def test_a_template_button_and_a_location_reach_the_dialogs(
    whatsapp: WhatsAppBot,
    rt: SeededRt,
) -> None:
    seen = spy(whatsapp)
    for name in ("template_button.json", "location.json"):
        assert (await whatsapp.post(payload(name))).status_code == 200
    assert [m.text for m in seen][0] == "Menu" and seen[1].location is not None
    assert whatsapp.graph.to(BUDI)


async def test_a_signed_body_that_is_not_json_is_acknowledged_and_dropped(
    whatsapp: WhatsAppBot,
) -> None:
    # Meta retries anything but a 200, and the same bytes would never parse.
    body, headers = b"not json", {"X-Hub-Signature-256": sign(APP_SECRET, b"not json")}
    response = await whatsapp.client.post("/whatsapp/webhook", content=body, headers=headers)
    assert response.status_code == 200


async def test_a_body_over_the_limit_is_refused_before_it_is_read_or_checked(
    whatsapp: WhatsAppBot,
) -> None:
    headers = {"X-Hub-Signature-256": "sha256=00", "content-length": str(300 * 1024 * 1024)}
    response = await whatsapp.client.post("/whatsapp/webhook", content=b"{}", headers=headers)
    assert response.status_code == 413

    async def chunks():  # noqa: ANN202 - no Content-Length: streamed
        for _ in range(4):
            yield b" " * (1024 * 1024)

    headers = {"X-Hub-Signature-256": "sha256=00"}
    response = await whatsapp.client.post("/whatsapp/webhook", content=chunks(), headers=headers)
    assert response.status_code == 413


async def test_health_reports_the_channel(whatsapp: WhatsAppBot) -> None:
    response = await whatsapp.client.get("/healthz")
    assert response.json()["whatsapp"] == {"ok": True, "mode": "webhook", "queued": 0}


def test_signed_helper_matches_meta() -> None:
    body, headers = signed(APP_SECRET, {"a": 1})
    assert signature_is_valid(APP_SECRET, body, headers["X-Hub-Signature-256"])


async def test_a_reply_meta_refuses_for_a_moment_is_sent_again_once(
    whatsapp: WhatsAppBot, rt: SeededRt
) -> None:
    whatsapp.graph.fail(None, 500, match=lambda body: body.get("type") == "interactive")
    await whatsapp.post(payload("text.json"))
    sent = whatsapp.graph.to(BUDI)
    assert [m["type"] for m in sent] == ["text", "interactive"]  # privacy notice, menu
    tried = [r.body["type"] for r in whatsapp.graph.requests if r.path.endswith("/messages")]
    assert tried == ["text", "interactive", "interactive"]


def test_the_verify_token_is_kept_out_of_the_access_log() -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d', None, None
    )
    record.args = (
        "127.0.0.1:5",
        "GET",
        "/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=rahasia-99&hub.challenge=7",
        "1.1",
        200,
    )
    assert RedactSecrets().filter(record)
    line = record.getMessage()
    assert "rahasia-99" not in line and "hub.verify_token=***&hub.challenge=7" in line


async def test_the_200_comes_after_the_replies_went(whatsapp: WhatsAppBot) -> None:
    # The chat's next message, which Meta may post to another worker once this one is
    # acknowledged, can then never be answered before these replies (issue 13).
    body, headers = signed(APP_SECRET, payload("text.json"))
    response = await whatsapp.client.post("/whatsapp/webhook", content=body, headers=headers)
    assert response.status_code == 200
    assert whatsapp.graph.to(BUDI)  # already there: no drain() in between
