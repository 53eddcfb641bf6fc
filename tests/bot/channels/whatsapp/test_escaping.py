"""A title full of formatting reaches WhatsApp inert: signed webhooks in, the real
service, replies over real HTTP to the fake Graph API. WhatsApp has no escape
character, so every formatting character of the title is fenced by invisible word
joiners (U+2060) in every body that shows it, while the bot's own `*bold*` stays."""

from __future__ import annotations

import json

from support.fake_graph import WhatsAppBot
from support.seeding import SeededRt

BUDI = "6281200000001"  # chair of the `rt` fixture's RT 01
HOSTILE = "*tebal* _miring_ <b>x</b> ~c~ ```k```"
J = "\u2060"
INERT = "".join(f"{J}{ch}{J}" if ch in "*_~`" else ch for ch in HOSTILE)


def bodies(message: dict[str, object]) -> list[str]:
    """Every formatted text of one sent message (text body, interactive body, caption)."""
    found: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)
        elif isinstance(node, str) and key in ("body", "text", "caption"):
            found.append(node)

    walk({k: v for k, v in message.items() if k in ("text", "interactive", "document")})
    return found


async def test_a_title_with_markup_is_sent_inert_in_every_body(
    whatsapp: WhatsAppBot, rt: SeededRt
) -> None:
    budi = whatsapp.phone(BUDI, "Budi Santoso")
    await budi.says("menu")
    await budi.taps("Daftarkan kegiatan")
    await budi.says(HOSTILE)
    await budi.taps("Drainase")
    await budi.says("Jl. Kenari RT 01")
    await budi.taps("Hari ini")
    await budi.says("lusa")
    await budi.says("25 juta")
    await budi.taps("Tidak")
    await budi.taps("Simpan")
    assert "disimpan sebagai draf" in budi.text

    texts = [body for message in budi.received for body in bodies(message)]
    showing = [body for body in texts if "tebal" in body]
    assert len(showing) >= 2, json.dumps(budi.received, ensure_ascii=False)
    for body in showing:
        assert INERT in body, body
        assert "*tebal*" not in body and "_miring_" not in body and "```k```" not in body
        assert "\ue000" not in body and "\ue001" not in body
    assert any(f"*{INERT}*" in body for body in showing)  # the bot's bold around it
