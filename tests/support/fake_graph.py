"""A fake of Meta's side of WhatsApp, for tests and for trying `kampung-bahagia serve`.

- `FakeGraph`: a real HTTP server on 127.0.0.1 (Starlette under uvicorn, in a thread)
  that answers the Graph API calls the bot makes — send a message, upload a file, look up
  and download a file a user sent — records every request, and fails on demand with a
  Graph error (131047, 130429, 131026, …), an HTTP 500 or a reply slower than the
  client's timeout.
- `Phone`: a WhatsApp user: posts correctly signed webhook notifications (Meta's payload
  shapes) and reads back what the bot sent them through the fake.

By hand (see the README, "Run on WhatsApp"):

    python tests/fake_graph.py serve --port 9009 --files /tmp/wa-files
    python tests/fake_graph.py say --port 9009 --webhook http://127.0.0.1:8080 \\
        --secret APP_SECRET --sender 6281200000001 "menu"
    python tests/fake_graph.py tap ... "Daftarkan kegiatan"   # taps a button or list row
"""

from __future__ import annotations

import argparse
import asyncio
import email.parser
import email.policy
import itertools
import json
import secrets
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

PHONE_NUMBER_ID = "106540352242922"
DISPLAY_NUMBER = "6281100009999"
WABA_ID = "102290129340398"
ERROR_TITLES = {
    131047: "Re-engagement message",
    130429: "Rate limit hit",
    131056: "(Business Account, Consumer Account) pair rate limit hit",
    131026: "Message undeliverable",
    131008: "Required parameter is missing",
}


@dataclass
class Failure:
    """A planned failure for the next matching request(s)."""

    code: int | None = None
    status: int = 400
    times: int = 1
    delay: float = 0.0
    match: Callable[[dict[str, Any]], bool] | None = None


@dataclass
class Recorded:
    method: str
    path: str
    body: dict[str, Any]
    authorization: str
    files: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)
    # When it arrived (time.monotonic of this process): send rates and reply latencies.
    at: float = field(default_factory=time.monotonic)


class FakeGraph:
    def __init__(self, files_dir: Path | None = None, echo: bool = False) -> None:
        self.requests: list[Recorded] = []
        self.failures: list[Failure] = []
        self.media: dict[str, tuple[bytes, str]] = {}  # files users sent: id -> data, mime
        self.files_dir = files_dir
        self.echo = echo
        self.base_url = ""
        self._ids = itertools.count(1)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # --- what the tests look at --------------------------------------------------------

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The message bodies the bot sent successfully, in order."""
        return [r.body for r in self.requests if r.path.endswith("/messages") and r.body.get("ok")]

    def to(self, recipient: str) -> list[dict[str, Any]]:
        return [m for m in self.messages if recipient in (m.get("to"), m.get("recipient"))]

    @property
    def uploads(self) -> list[tuple[str, str, bytes]]:
        return [r.files["file"] for r in self.requests if "file" in r.files]

    def fail(self, code: int | None = None, status: int = 400, **kwargs: Any) -> None:
        """Fail the next matching send (`times`, `match=lambda body: ...`, `delay`)."""
        self.failures.append(Failure(code, status, **kwargs))

    def add_media(self, media_id: str, data: bytes, mime_type: str) -> None:
        self.media[media_id] = (data, mime_type)

    # --- the server ----------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/download/{media_id}", self._download, methods=["GET"]),
                Route("/_fake/messages", self._list, methods=["GET"]),
                Route("/{version}/{phone}/messages", self._send, methods=["POST"]),
                Route("/{version}/{phone}/media", self._upload, methods=["POST"]),
                Route("/{version}/{media_id}", self._media_info, methods=["GET"]),
            ]
        )

    def start(self, port: int = 0) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        self.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        config = uvicorn.Config(self.app(), lifespan="off", log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._server.serve(sockets=[sock])), daemon=True
        )
        self._thread.start()
        while not self._server.started:
            time.sleep(0.01)
        return self.base_url

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=5)

    async def _failure(self, body: dict[str, Any]) -> Response | None:
        for failure in self.failures:
            if failure.match is None or failure.match(body):
                failure.times -= 1
                if failure.times <= 0:
                    self.failures.remove(failure)
                if failure.delay:
                    await asyncio.sleep(failure.delay)
                    return None
                return graph_error(failure.code, failure.status)
        return None

    async def _send(self, request: Request) -> Response:
        try:
            body = await request.json()
        except ClientDisconnect:  # the sender died mid-request (kill -9): nothing arrived
            return Response(status_code=499)
        record = Recorded("POST", request.url.path, body, request.headers.get("authorization", ""))
        self.requests.append(record)
        failed = await self._failure(body)
        if failed is not None:
            return failed
        body["ok"] = True
        wamid = f"wamid.FAKE{next(self._ids):06d}"
        body["wamid"] = wamid
        if self.echo:
            print(json.dumps(body, ensure_ascii=False), flush=True)
        to = body.get("to") or body.get("recipient")
        answer: dict[str, Any] = {"id": wamid}
        if body.get("type") == "template":
            answer["message_status"] = "accepted"
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, "wa_id": to}],
                "messages": [answer],
            }
        )

    async def _upload(self, request: Request) -> Response:
        fields, files = parse_multipart(request.headers["content-type"], await request.body())
        record = Recorded(
            "POST", request.url.path, fields, request.headers.get("authorization", ""), files
        )
        self.requests.append(record)
        failed = await self._failure({"upload": True, **fields})
        if failed is not None:
            return failed
        media_id = f"{next(self._ids):016d}"
        if self.files_dir is not None and "file" in files:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            (self.files_dir / files["file"][0]).write_bytes(files["file"][2])
        return JSONResponse({"id": media_id})

    async def _media_info(self, request: Request) -> Response:
        media_id = request.path_params["media_id"]
        self._note(request)
        if media_id not in self.media:
            return graph_error(100, 400)
        data, mime = self.media[media_id]
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "url": f"{self.base_url}/download/{media_id}",
                "mime_type": mime,
                "sha256": "fake",
                "file_size": len(data),
                "id": media_id,
            }
        )

    async def _download(self, request: Request) -> Response:
        self._note(request)
        found = self.media.get(request.path_params["media_id"])
        if found is None or not request.headers.get("authorization", "").startswith("Bearer "):
            return Response(status_code=404)
        return Response(found[0], media_type=found[1])

    def _note(self, request: Request) -> None:
        authorization = request.headers.get("authorization", "")
        self.requests.append(Recorded(request.method, request.url.path, {}, authorization))

    async def _list(self, request: Request) -> Response:
        return JSONResponse(self.messages)


def graph_error(code: int | None, status: int) -> Response:
    if code is None:
        return JSONResponse({"error": {"message": "Internal error"}}, status_code=status)
    title = ERROR_TITLES.get(code, "Error")
    return JSONResponse(
        {
            "error": {
                "message": f"(#{code}) {title}",
                "type": "OAuthException",
                "code": code,
                "error_data": {"messaging_product": "whatsapp", "details": title},
                "fbtrace_id": "AbCdEfGh",
            }
        },
        status_code=status,
    )


def parse_multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, Any], dict[str, tuple[str, str, bytes]]]:
    """Form fields and files of a multipart body (the standard library's MIME parser)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: dict[str, Any] = {}
    files: dict[str, tuple[str, str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        if part.get_filename():
            files[str(name)] = (part.get_filename(), part.get_content_type(), data)
        else:
            fields[str(name)] = data.decode()
    return fields, files


@contextmanager
def running(files_dir: Path | None = None) -> Iterator[FakeGraph]:
    fake = FakeGraph(files_dir)
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


# --- the user's side: signed webhook notifications -----------------------------------------

_wamids = itertools.count(1)


def new_wamid() -> str:
    """A fresh message id, unique across runs too (the bot drops ids it has seen)."""
    return f"wamid.HBgNNjI4MTIwMDAwMDAwMRUCABIYFDNB{secrets.token_hex(8).upper()}AA=="


def notification(value: dict[str, Any]) -> dict[str, Any]:
    """A webhook body around one `value` (Meta's envelope)."""
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": [{"value": value, "field": "messages"}]}],
    }


def message_value(wa_id: str, name: str, message: dict[str, Any]) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": DISPLAY_NUMBER, "phone_number_id": PHONE_NUMBER_ID},
        "contacts": [{"profile": {"name": name}, "wa_id": wa_id}],
        "messages": [
            {"from": wa_id, "id": new_wamid(), "timestamp": str(int(time.time())), **message}
        ],
    }


def signed(secret: str, payload: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """The raw body and headers Meta would send."""
    from bot.channels.whatsapp.webhook import SIGNATURE_HEADER, sign

    body = json.dumps(payload, ensure_ascii=False).encode()
    return body, {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body)}


Inbox = Callable[[], Any]  # async () -> list of message bodies the fake recorded


class Phone:
    """A WhatsApp user talking to the bot through the webhook."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        secret: str,
        wa_id: str,
        name: str,
        inbox: Inbox,
        settle: Callable[[], Any],
        fake: FakeGraph | None = None,
    ) -> None:
        self.client, self.secret, self.wa_id, self.name = client, secret, wa_id, name
        self._inbox, self._settle, self._fake = inbox, settle, fake
        self.received: list[dict[str, Any]] = []

    async def post(self, payload: dict[str, Any]) -> httpx.Response:
        before = len(await self.mine())
        body, headers = signed(self.secret, payload)
        response = await self.client.post("/whatsapp/webhook", content=body, headers=headers)
        await self._settle()
        self.received = (await self.mine())[before:]
        return response

    async def mine(self) -> list[dict[str, Any]]:
        """Everything the bot has sent to this number so far."""
        return [m for m in await self._inbox() if self.wa_id in (m.get("to"), m.get("recipient"))]

    async def sends(self, message: dict[str, Any]) -> httpx.Response:
        return await self.post(notification(message_value(self.wa_id, self.name, message)))

    async def says(self, text: str) -> httpx.Response:
        return await self.sends({"type": "text", "text": {"body": text}})

    async def taps(self, title: str) -> httpx.Response:
        """Tap the reply button or list row whose title contains `title`."""
        for kind, choice in self.offered():
            if title.casefold() in choice["title"].casefold():
                reply = {"id": choice["id"], "title": choice["title"]}
                if kind == "list_reply" and choice.get("description"):
                    reply["description"] = choice["description"]
                return await self.sends(
                    {"type": "interactive", "interactive": {"type": kind, kind: reply}}
                )
        raise AssertionError(f"no choice {title!r} among {self.choices}")

    async def sends_document(self, file_name: str, mime_type: str, data: bytes) -> httpx.Response:
        assert self._fake is not None, "documents need the in-process fake"
        media_id = f"{next(_wamids) + 900000000000000}"
        self._fake.add_media(media_id, data, mime_type)
        document = {"filename": file_name, "mime_type": mime_type, "sha256": "x", "id": media_id}
        return await self.sends({"type": "document", "document": document})

    def offered(self) -> list[tuple[str, dict[str, Any]]]:
        """The choices of the last interactive message received: (reply kind, choice)."""
        for body in reversed(self.received):
            if body.get("type") == "interactive":
                return choices_of(body)
        return []

    @property
    def choices(self) -> list[str]:
        return [choice["title"] for _, choice in self.offered()]

    @property
    def text(self) -> str:
        return "\n".join(text_of(body) for body in self.received)


def choices_of(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The buttons or list rows of an interactive message: (reply kind, choice)."""
    interactive = body["interactive"]
    action = interactive["action"]
    if interactive["type"] == "button":
        return [("button_reply", b["reply"]) for b in action["buttons"]]
    return [("list_reply", row) for section in action["sections"] for row in section["rows"]]


def text_of(body: dict[str, Any]) -> str:
    """What a person sees of one message (a short marker for files and templates)."""
    kind = body.get("type")
    if kind == "text":
        return str(body["text"]["body"])
    if kind == "interactive":
        return str(body["interactive"]["body"]["text"])
    if kind in ("document", "image"):
        media = body[kind]
        return f"[{kind} {media.get('filename', '')}] {media.get('caption', '')}".strip()
    if kind == "template":
        params = [
            p["text"] for c in body["template"].get("components", []) for p in c["parameters"]
        ]
        return f"[template {body['template']['name']}] " + " | ".join(params)
    return json.dumps(body, ensure_ascii=False)


# --- by hand ------------------------------------------------------------------------------


def _cli(argv: list[str]) -> int:
    root = argparse.ArgumentParser(prog="fake_graph", description=__doc__.split("\n\n")[0])
    commands = root.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the fake Graph API")
    serve.add_argument("--port", type=int, default=9009)
    serve.add_argument("--files", type=Path, help="save uploaded files here")
    for name in ("say", "tap"):
        user = commands.add_parser(name, help=f"{name} something as a WhatsApp user")
        user.add_argument("--port", type=int, default=9009, help="the fake's port")
        user.add_argument("--webhook", default="http://127.0.0.1:8080", help="the bot")
        user.add_argument("--secret", required=True, help="the app secret the bot checks")
        user.add_argument("--sender", required=True, help="wa_id, e.g. 6281200000001")
        user.add_argument("--name", default="Pengguna")
        user.add_argument("words", nargs="+")
    args = root.parse_args(argv)
    if args.command == "serve":
        fake = FakeGraph(args.files, echo=True)
        print(f"fake Graph API on {fake.start(args.port)}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            fake.stop()
        return 0
    return asyncio.run(_act(args))


async def _act(args: argparse.Namespace) -> int:
    fake_url = f"http://127.0.0.1:{args.port}"
    async with (
        httpx.AsyncClient(base_url=args.webhook, timeout=30) as bot,
        httpx.AsyncClient(base_url=fake_url) as fake,
    ):

        async def inbox() -> list[dict[str, Any]]:
            return list((await fake.get("/_fake/messages")).json())

        async def settle() -> None:
            # The bot answers in the background: wait until nothing new arrives for 1.5 s.
            count, quiet = -1, 0.0
            while quiet < 1.5:
                await asyncio.sleep(0.25)
                now = len(await inbox())
                quiet = quiet + 0.25 if now == count else 0.0
                count = now

        phone = Phone(bot, args.secret, args.sender, args.name, inbox, settle)
        words = " ".join(args.words)
        if args.command == "tap":
            phone.received = await phone.mine()
            response = await phone.taps(words)
        else:
            response = await phone.says(words.replace("\\n", "\n"))
        print(f"webhook answered {response.status_code}")
        for body in phone.received:
            print("bot>", text_of(body))
            if body.get("type") == "interactive":
                for _, choice in choices_of(body):
                    print("   ·", choice["title"])
    return 0


if __name__ == "__main__":
    sys.path[:0] = [
        str(Path(__file__).resolve().parents[2]),
        str(Path(__file__).resolve().parents[1]),
    ]
    sys.exit(_cli(sys.argv[1:]))


# --- the bot's WhatsApp channel against this fake (fixtures: tests/bot/channels/whatsapp) ---

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
ACCESS_TOKEN = "test-access-token"
# The templates of the README, as a deployment would configure them.
TEMPLATES: dict[str, dict[str, str]] = {
    "accident_alert": {"name": "kb_kecelakaan_kerja", "language": "id", "params": "4"},
    "coverage_notice": {"name": "kb_perlindungan_aktif", "language": "id", "params": "4"},
    "notice": {"name": "kb_pemberitahuan", "language": "id", "params": "1"},
}


@dataclass
class WhatsAppBot:
    """The running channel, an HTTP client on the web app, and the fake Graph API."""

    channel: Any
    client: httpx.AsyncClient
    graph: FakeGraph
    app: Any

    def phone(self, wa_id: str, name: str = "Pengguna") -> Phone:
        async def inbox() -> list[dict[str, Any]]:
            return self.graph.messages

        return Phone(self.client, APP_SECRET, wa_id, name, inbox, self.channel.drain, self.graph)

    async def post(self, payload: Any, secret: str = APP_SECRET) -> httpx.Response:
        body, headers = signed(secret, payload)
        response = await self.client.post("/whatsapp/webhook", content=body, headers=headers)
        await self.channel.drain()
        return response
