"""The terminal channel: the bot in a shell, for the demo and for scripted walk-throughs.

Interactive on a TTY (a prompt, numbered choices); otherwise it reads one message per line
from standard input and prints every reply, so `printf 'menu\\n' | kampung-bahagia demo`
works. `/as PERSONA` switches who is typing; `/keluar` (or end of input) stops; a
message of several lines goes between two lines of three double quotes; `/file PATH`
sends a document (the admin's RT list).
"""

from __future__ import annotations

import asyncio
import mimetypes
import re
import sys
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.core.markup import strip_marks
from bot.core.messages import (
    Address,
    Answer,
    Attachment,
    Document,
    IncomingMessage,
    Reply,
    payload_to_reply,
)
from bot.core.private_files import make_private_dir, write_private
from bot.workers.outbox_sender import Parcel

CHANNEL = "terminal"
QUIT = {"/keluar", "/quit", "/exit", "keluar"}
# A line of three double quotes starts and ends a message of several lines (a pasted
# participant list), since every other line is a message of its own.
BLOCK = '"""'


@dataclass(frozen=True)
class Persona:
    key: str
    chat_id: str
    phone: str | None
    name: str


Handler = Callable[[IncomingMessage], Awaitable[Answer]]
AfterEach = Callable[[], Awaitable[object]]


class TerminalChannel:
    def __init__(
        self,
        handle: Handler,
        personas: Mapping[str, Persona],
        files_dir: Path,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
    ) -> None:
        self._handle = handle
        # Runs after every message: the demo delivers the outbox here, so alerts to
        # other personas appear right under the message that caused them.
        self.after_each: AfterEach | None = None
        self._personas = personas
        self._files_dir = files_dir
        self._in = stdin or sys.stdin
        self._out = stdout or sys.stdout

    async def run(self, persona_key: str, phone: str | None = None) -> None:
        persona = self._personas[persona_key]
        if phone:
            persona = Persona(persona.key, f"{persona.chat_id}-{phone}", phone, persona.name)
        interactive = self._in.isatty()
        if interactive:
            self._print(
                f"Demo Kampung Bahagia — Anda sebagai {persona.key}. Ketik /as "
                f"{'|'.join(self._personas)} untuk berganti, /keluar untuk selesai."
            )
            await self._send(persona, "menu")
        while True:
            line = await self._read_line(f"\n{persona.key}> " if interactive else "")
            if line is None:
                return
            line = line.rstrip("\r\n")
            if line.strip() == BLOCK:
                line = await self._read_block()
            if line.strip().casefold() in QUIT:
                return
            switch = re.fullmatch(r"/as\s+(\S+)", line.strip())
            if switch:
                if switch.group(1) not in self._personas:
                    self._print(f"Persona tidak dikenal. Pilih: {', '.join(self._personas)}")
                    continue
                persona = self._personas[switch.group(1)]
                self._print(f"— sekarang sebagai {persona.key} —")
                await self._send(persona, "menu")
                continue
            if not interactive:
                self._print(f"\n{persona.key}> {line}")
            attach = re.fullmatch(r"/file\s+(.+)", line.strip())
            if attach:
                await self._send_file(persona, Path(attach.group(1)))
                continue
            await self._send(persona, line)

    async def _read_block(self) -> str:
        lines: list[str] = []
        while (line := await self._read_line("")) is not None and line.strip() != BLOCK:
            lines.append(line.rstrip("\r\n"))
        return "\n".join(lines)

    async def _send_file(self, persona: Persona, path: Path) -> None:
        """`/file PATH`: send a document, as a phone would (the admin's RT list)."""
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError:
            self._print(f"File {path} tidak bisa dibaca.")
            return
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        await self._send(persona, "", Attachment(path.name, mime, data))

    async def _send(
        self, persona: Persona, text: str, attachment: Attachment | None = None
    ) -> None:
        message = IncomingMessage(
            address=Address(CHANNEL, persona.chat_id),
            message_id=uuid.uuid4().hex,
            text=text,
            phone=persona.phone,
            sender_name=persona.name,
            attachment=attachment,
        )
        answer = await self._handle(message)
        for reply in answer.replies:
            self.show(reply)
        await answer.delivered()
        if self.after_each is not None:
            await self.after_each()

    async def send(self, parcel: Parcel) -> str | None:
        """The outbox sender for this channel: print what another persona receives."""
        who = next((p.key for p in self._personas.values() if p.chat_id == parcel.chat_id), None)
        self.show(payload_to_reply(parcel.payload), heading=f"→ {who or parcel.chat_id}")
        return None

    def show(self, reply: Reply, heading: str = "bot") -> None:
        # A terminal shows the text as written: the marks around user values go.
        self._print(f"[{heading}] {strip_marks(reply.text)}")
        for number, choice in enumerate(reply.choices, start=1):
            self._print(f"   {number}) {strip_marks(choice.title)}")
        for doc in (reply.document, reply.image):
            if doc is not None:
                self._print(f"   📎 {self._save(doc)}")

    def _save(self, doc: Document) -> Path:
        # Exports the demo receives may hold NIKs: a 0700 folder, 0600 files.
        make_private_dir(self._files_dir)
        path = self._files_dir / doc.file_name
        write_private(path, doc.data)
        return path

    async def _read_line(self, prompt: str) -> str | None:
        def read() -> str | None:
            if prompt:
                self._out.write(prompt)
                self._out.flush()
            line = self._in.readline()
            return line or None

        return await asyncio.to_thread(read)

    def _print(self, text: str) -> None:
        self._out.write(text + "\n")
        self._out.flush()
