"""Updates handled in order per chat and side by side across chats (both channels).

A provider may hand us a chat's updates faster than we answer them (Telegram's polling
returns a batch; webhook deliveries overlap), and a document download can take a while:
one task per busy chat takes its updates one after another, so a tap is never handled
before the message that asked for it. A semaphore caps how many chats are handled at
once — for the handling only: `process` returns what is left to do (sending the
replies), which the chat's task does after giving its slot back. Per-chat pacing can
hold a send for seconds; a chat writing fast then delays only itself (issue 12).

A webhook waits until an update is answered (its replies sent) before it acknowledges it:
the provider's next update of that chat, which may reach another worker, then cannot be
answered before it (issue 13, order across workers).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")
# The longest an `answered` update waits for its replies (a provider retries a webhook
# it waited too long for); the update is stored by then, its replies still go.
ANSWER_WITHIN = 10.0
# What `process` leaves to do once the slot is free (None: nothing).
Then = Callable[[], Awaitable[None]] | None


class ChatQueues(Generic[Item]):
    def __init__(self, process: Callable[[Item], Awaitable[Then]], max_concurrent: int) -> None:
        self._process = process
        self._queues: dict[str, deque[tuple[Item, asyncio.Future[None], bool]]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(max_concurrent)

    def submit(self, chat: str, item: Item, *, answered: bool = False) -> asyncio.Future[None]:
        """Queue `item` behind the chat's earlier ones; the future resolves once handled,
        before what is left is done — with `answered`, after it (neither `process` nor
        what it returns may raise)."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue = self._queues.get(chat)
        if queue is None:
            queue = self._queues[chat] = deque()
            task = asyncio.create_task(self._drain(chat, queue))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        queue.append((item, done, answered))
        return done

    def busy(self) -> int:
        """Items waiting, plus the chats at work."""
        return sum(len(queue) for queue in self._queues.values()) + len(self._tasks)

    async def finish(self, within: float) -> None:
        """Wait until everything queued so far is handled (at most `within` seconds)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=within)

    async def _drain(
        self, chat: str, queue: deque[tuple[Item, asyncio.Future[None], bool]]
    ) -> None:
        try:
            while queue:
                item, done, answered = queue.popleft()
                async with self._slots:
                    then = await self._process(item)
                if not answered and not done.done():
                    done.set_result(None)
                if then is not None:
                    sending = asyncio.ensure_future(then())
                    await asyncio.wait({sending}, timeout=ANSWER_WITHIN)
                    if not done.done():
                        done.set_result(None)
                    await sending
                if not done.done():
                    done.set_result(None)
        finally:
            # Nothing awaits between the empty check and this: no item can be stranded.
            self._queues.pop(chat, None)
