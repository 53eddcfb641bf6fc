"""ChatQueues (bot/channels/chat_queues.py): one chat's updates in order, chats side by
side, and a chat whose replies wait on Telegram's per-chat pacing holding no slot — so
with every slot taken by one flooding chat another chat is still handled (issue 12: one
chat stalled the others for 17 s)."""

from __future__ import annotations

import asyncio

from bot.channels.chat_queues import ChatQueues, Then


async def test_a_chat_waiting_to_send_does_not_hold_a_slot() -> None:
    release = asyncio.Event()
    handled: list[str] = []
    sent: list[str] = []

    async def process(item: str) -> Then:
        handled.append(item)

        async def send() -> None:
            if item.startswith("flood"):
                await release.wait()  # Telegram's per-chat pacing, as long as it takes
            sent.append(item)

        return send

    queues: ChatQueues[str] = ChatQueues(process, max_concurrent=1)
    flood = [queues.submit("flooding", f"flood-{n}") for n in range(40)]
    other = queues.submit("other", "other-1")

    await asyncio.wait_for(other, timeout=5)  # handled while the flood waits to send
    await asyncio.wait_for(flood[0], timeout=5)
    assert handled == ["flood-0", "other-1"]  # the flood's next one waits for its send
    await asyncio.sleep(0)
    assert sent == ["other-1"]

    release.set()
    await asyncio.wait_for(asyncio.gather(*flood), timeout=5)
    await queues.finish(within=5)
    assert sent[1:] == [f"flood-{n}" for n in range(40)]  # in order, each after its handling


async def test_the_future_resolves_once_handled_before_the_replies_are_sent() -> None:
    gate = asyncio.Event()

    async def process(item: str) -> Then:
        async def send() -> None:
            await gate.wait()

        return send

    queues: ChatQueues[str] = ChatQueues(process, max_concurrent=4)
    await asyncio.wait_for(queues.submit("chat", "one"), timeout=5)  # the webhook answers
    gate.set()
    await queues.finish(within=5)
