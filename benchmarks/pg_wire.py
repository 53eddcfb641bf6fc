"""A TCP relay between the service and PostgreSQL that counts what crosses the wire: the
round trips (each time the client speaks again after the server answered) and the SQL
statements (the protocol's Query and Execute messages; BEGIN, COMMIT and ROLLBACK aside).
The drivers' own hooks miss some (asyncpg's query logger does not see prepared
statements), the wire sees everything. SSL is off on the relayed connection so that the
messages can be read."""

from __future__ import annotations

import asyncio
import struct
from dataclasses import dataclass

from sqlalchemy.engine import make_url

_TRANSACTION = (b"BEGIN", b"COMMIT", b"ROLLBACK")
_SSL, _GSS = 80877103, 80877104


@dataclass
class Wire:
    round_trips: int = 0
    statements: int = 0

    def reset(self) -> None:
        self.round_trips = self.statements = 0


class Relay:
    """`async with Relay(url) as relay:` — `relay.url` reaches the same database through
    the relay; `relay.wire` holds the counts."""

    def __init__(self, url: str) -> None:
        self._target = make_url(url)
        self.wire = Wire()
        self.url = ""
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> Relay:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        url = self._target.set(host="127.0.0.1", port=port)
        self.url = url.update_query_dict({"ssl": "disable"}).render_as_string(hide_password=False)
        return self

    async def __aexit__(self, *_: object) -> None:
        assert self._server is not None
        self._server.close()

    async def _relay(self, client: asyncio.StreamReader, to_client: asyncio.StreamWriter) -> None:
        server, to_server = await asyncio.open_connection(
            self._target.host or "127.0.0.1", self._target.port or 5432
        )
        answered = asyncio.Event()
        answered.set()

        async def upstream() -> None:
            buffer, started = b"", False
            while data := await client.read(65536):
                if answered.is_set():
                    self.wire.round_trips += 1
                    answered.clear()
                buffer += data
                buffer, started = self._read(buffer, started)
                to_server.write(data)
                await to_server.drain()
            to_server.close()

        async def downstream() -> None:
            while data := await server.read(65536):
                answered.set()
                to_client.write(data)
                await to_client.drain()
            to_client.close()

        await asyncio.gather(upstream(), downstream(), return_exceptions=True)

    def _read(self, buffer: bytes, started: bool) -> tuple[bytes, bool]:
        """Count the complete client messages in `buffer`; the rest waits for more."""
        while True:
            if not started:  # untyped: SSL/GSS requests, then the startup message
                if len(buffer) < 8:
                    return buffer, started
                length, code = struct.unpack("!ii", buffer[:8])
                if len(buffer) < length:
                    return buffer, started
                buffer, started = buffer[length:], code not in (_SSL, _GSS)
                continue
            if len(buffer) < 5:
                return buffer, started
            kind, length = buffer[:1], struct.unpack("!i", buffer[1:5])[0]
            if len(buffer) < 1 + length:
                return buffer, started
            body, buffer = buffer[5 : 1 + length], buffer[1 + length :]
            if kind == b"E" or (
                kind == b"Q" and not body.lstrip().upper().startswith(_TRANSACTION)
            ):
                self.wire.statements += 1
