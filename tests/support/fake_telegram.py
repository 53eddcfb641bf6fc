"""A fake Telegram Bot API server on 127.0.0.1, over real HTTP, for tests and benchmarks.

It implements the methods the bot uses (getMe, setWebhook, deleteWebhook, setMyCommands,
getUpdates with long polling, sendMessage, editMessageReplyMarkup, answerCallbackQuery,
sendDocument, sendPhoto, getFile and the file download), answers with Telegram-shaped
JSON, records every call, and checks what Telegram checks (HTML entities, 4,096
characters, 64-byte callback_data, an inline keyboard gone after it was removed). It can
inject 429 with retry_after, 403, 400, 500 and timeouts, and can enforce a global rate
(more than N sends in any second → 429).

`TelegramUser` plays a person in a chat: `await user.says("menu")`, `await
user.taps("Drainase")`, `await user.shares_contact("+62812...")`, then `user.text`,
`user.buttons`, `user.replies`. How an update reaches the bot is pluggable (`deliver`):
pushed into the getUpdates queue, or posted to the webhook.

Standalone, for trying `kampung-bahagia serve` by hand:

    .venv/bin/python tests/fake_telegram.py --port 8081 [--token 123456:TEST] [--rate 30]

then talk as a user through the control endpoints (`POST /_fake/users/ID/says`
{"text": "menu"}, `.../taps` {"title": "..."}, `.../contact` {"phone": "..."},
`.../document` {"file_name", "mime_type", "text"}) and read the chat with
`GET /_fake/chats/ID`. A webhook set by the bot is delivered to, with its secret.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import html
import itertools
import json
import re
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.core.messages import Answer

TOKEN = "123456:TEST-token"
SEND_METHODS = {"sendmessage", "senddocument", "sendphoto"}
JSON_FIELDS = {
    "chat_id", "message_id", "offset", "limit", "timeout", "reply_markup", "commands",
    "allowed_updates", "link_preview_options", "drop_pending_updates", "max_connections",
}  # fmt: skip
ERRORS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
}
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a"}
Update = dict[str, Any]


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]
    at: float
    status: int = 200


@dataclass
class Failure:
    method: str
    error: int | str  # 429, 403, 400, 500 or "timeout"
    times: int = 1
    chat_id: int | None = None
    retry_after: int = 1
    hang: float = 2.0


@dataclass
class Sent:
    """A message in a chat (the bot's, as Telegram stores it)."""

    raw: dict[str, Any]
    html: str
    markup: dict[str, Any] | None = None
    file: tuple[str, str, bytes] | None = None  # name, mime type, data
    photo: bool = False

    @property
    def message_id(self) -> int:
        return int(self.raw["message_id"])

    @property
    def text(self) -> str:
        return str(self.raw.get("text") or self.raw.get("caption") or "")

    @property
    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.markup or {}).get("inline_keyboard") or (self.markup or {}).get("keyboard")
        return [button for row in rows or [] for button in row]


class _Entities(HTMLParser):
    """Telegram's HTML parse mode: known tags, properly nested; returns the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            raise ApiError(
                400, f'Bad Request: can\'t parse entities: unsupported start tag "{tag}"'
            )
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            raise ApiError(400, f'Bad Request: can\'t parse entities: unmatched end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible(text: str, parse_mode: str | None) -> str:
    if parse_mode != "HTML":
        return text
    if re.search(r"&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text):
        raise ApiError(400, "Bad Request: can't parse entities: unsupported entity")
    parser = _Entities()
    parser.feed(text)
    parser.close()
    if parser.open:
        raise ApiError(400, "Bad Request: can't parse entities: unclosed tag")
    return "".join(parser.text)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def read_params(request: Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    """Form, multipart or JSON parameters, JSON-encoded fields decoded (as PTB sends)."""
    body = await request.body()
    kind = request.headers.get("content-type", "")
    params: dict[str, Any] = dict(request.query_params)
    files: dict[str, tuple[str, bytes]] = {}
    if kind.startswith("application/json"):
        params.update(json.loads(body or b"{}"))
        return params, files
    if kind.startswith("multipart/form-data"):
        head = f"Content-Type: {kind}\r\n\r\n".encode()
        for part in BytesParser(policy=HTTP).parsebytes(head + body).iter_parts():
            name = str(part.get_param("name", header="content-disposition"))
            data = part.get_payload(decode=True) or b""
            if part.get_filename():
                files[name] = (str(part.get_filename()), data)
            else:
                params[name] = data.decode()
    else:
        params.update(parse_qsl(body.decode()))
    for key in JSON_FIELDS & params.keys():
        if isinstance(params[key], str):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(params[key])
    return params, files


class FakeTelegram:
    def __init__(
        self,
        token: str = TOKEN,
        *,
        rate: int | None = None,
        rate_retry_after: int = 1,
        deliver_webhooks: bool = False,
    ) -> None:
        self.token = token
        self.bot_user = {"id": int(token.split(":")[0]), "is_bot": True,
                         "first_name": "Kampung Bahagia", "username": "KampungBahagiaBot"}  # fmt: skip
        self.rate, self.rate_retry_after = rate, rate_retry_after
        self.calls: list[Call] = []
        self.chats: dict[int, list[Sent]] = collections.defaultdict(list)
        self.chat_objects: dict[int, dict[str, Any]] = {}
        self.files: dict[str, tuple[str, str, bytes]] = {}
        self.commands: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] = {}
        self.answered: list[str] = []
        self.too_many = 0  # 429s given by the rate check
        self.failures: list[Failure] = []
        self.users: dict[int, TelegramUser] = {}
        self._updates: list[Update] = []
        self._arrived = asyncio.Event()
        self._update_ids = itertools.count(1000)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._ids = itertools.count(1)
        self._window: collections.deque[float] = collections.deque()
        self._deliver_webhooks = deliver_webhooks
        self._outgoing: asyncio.Queue[Update] = asyncio.Queue()
        self._server: uvicorn.Server | None = None
        self._tasks: list[asyncio.Task[Any]] = []
        self.port = 0
        self.app = Starlette(
            routes=[
                Route("/bot{token}/{method}", self._api, methods=["GET", "POST"]),
                Route("/file/bot{token}/{path:path}", self._download, methods=["GET"]),
                Route("/_fake/users/{user_id:int}/{action}", self._act, methods=["POST"]),
                Route("/_fake/chats/{chat_id:int}", self._chat, methods=["GET"]),
            ]
        )

    # --- lifecycle ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self, port: int = 0) -> FakeTelegram:
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on such sockets, and
        # without it every response waits ~40 ms for a delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, lifespan="off", log_level="warning", access_log=False,
                                timeout_graceful_shutdown=1)  # fmt: skip
        self._server = uvicorn.Server(config)
        self._tasks.append(asyncio.create_task(self._server.serve(sockets=[sock])))
        if self._deliver_webhooks:
            self._tasks.append(asyncio.create_task(self._webhook_sender()))
        while not self._server.started:  # noqa: ASYNC110 (uvicorn offers no event)
            await asyncio.sleep(0.005)
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._arrived.set()
        for task in self._tasks[1:]:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # --- what tests arrange and read ------------------------------------------------------

    def fail(self, method: str, error: int | str, **options: Any) -> None:
        """The next call(s) of `method` (optionally to one chat) fail this way."""
        self.failures.append(Failure(method.lower(), error, **options))

    def add_file(self, data: bytes, file_name: str, mime_type: str) -> dict[str, Any]:
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = (file_name, mime_type, data)
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name,
                "mime_type": mime_type, "file_size": len(data)}  # fmt: skip

    def calls_of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method.lower() == method.lower()]

    def messages(self, chat_id: int) -> list[Sent]:
        return self.chats[chat_id]

    def next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def update(self, **content: Any) -> Update:
        return {"update_id": next(self._update_ids), **content}

    def push_update(self, update: Update) -> None:
        """Telegram received something for the bot: queue it (getUpdates or webhook).
        Like Telegram, number it on arrival (getUpdates confirms by number)."""
        update["update_id"] = next(self._update_ids)
        if self.webhook.get("url") and self._deliver_webhooks:
            self._outgoing.put_nowait(update)
            return
        self._updates.append(update)
        self._arrived.set()

    def user(
        self, user_id: int, first_name: str, last_name: str = "", **options: Any
    ) -> TelegramUser:
        found = self.users[user_id] = TelegramUser(self, user_id, first_name, last_name, **options)
        return found

    # --- the Bot API -------------------------------------------------------------------

    async def _api(self, request: Request) -> Response:
        method = request.path_params["method"]
        params, files = await read_params(request)
        call = Call(method, params, files, time.monotonic())
        self.calls.append(call)
        try:
            if request.path_params["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            await self._injected(method.lower(), params)
            handler = getattr(self, f"_m_{method.lower()}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            self._check_rate(method.lower())
            result = await handler(params, files)
        except ApiError as exc:
            call.status = exc.code
            body: dict[str, Any] = {"ok": False, "error_code": exc.code,
                                    "description": exc.description}  # fmt: skip
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return JSONResponse(body, status_code=exc.code)
        return JSONResponse({"ok": True, "result": result})

    async def _injected(self, method: str, params: dict[str, Any]) -> None:
        for failure in self.failures:
            chat = failure.chat_id
            if failure.method == method and (chat is None or chat == params.get("chat_id")):
                failure.times -= 1
                if failure.times <= 0:
                    self.failures.remove(failure)
                if failure.error == "timeout":
                    await asyncio.sleep(failure.hang)
                    raise ApiError(504, "Gateway Timeout")
                if failure.error == 429:
                    after = failure.retry_after
                    raise ApiError(429, f"Too Many Requests: retry after {after}", after)
                raise ApiError(int(failure.error), ERRORS[int(failure.error)])

    def _check_rate(self, method: str) -> None:
        if self.rate is None or method not in SEND_METHODS:
            return
        now = time.monotonic()
        while self._window and self._window[0] <= now - 1.0:
            self._window.popleft()
        if len(self._window) >= self.rate:
            self.too_many += 1
            after = self.rate_retry_after
            raise ApiError(429, f"Too Many Requests: retry after {after}", after)
        self._window.append(now)

    async def _m_getme(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}  # fmt: skip

    async def _m_setmycommands(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.commands = list(params.get("commands") or [])
        return True

    async def _m_setwebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.webhook = {"url": params.get("url", ""), "secret_token": params.get("secret_token"),
                        "allowed_updates": params.get("allowed_updates")}  # fmt: skip
        return True

    async def _m_deletewebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _m_getupdates(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        if offset:  # confirms every update before it
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while not self._updates and self._server is not None and not self._server.should_exit:
            self._arrived.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), remaining)
        return self._updates[: int(params.get("limit") or 100)]

    async def _m_sendmessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        text = str(params.get("text", ""))
        shown = visible(text, params.get("parse_mode"))
        if not shown.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16(shown) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._store(params, Sent({"text": shown}, text)).raw

    async def _m_senddocument(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return self._store_file(params, files, "document").raw

    async def _m_sendphoto(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return self._store_file(params, files, "photo").raw

    def _store_file(self, params: dict[str, Any], files: dict[str, Any], kind: str) -> Sent:
        upload = files.get(kind)
        if upload is None and str(params.get(kind, "")).startswith("attach://"):
            upload = files.get(str(params[kind])[len("attach://") :])
        if upload is None:
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        name, data = upload
        mime = "image/png" if kind == "photo" else _mime(name)
        caption = str(params.get("caption") or "")
        shown = visible(caption, params.get("parse_mode"))
        if utf16(shown) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        info = self.add_file(data, name, mime)
        raw: dict[str, Any] = {"caption": shown} if shown else {}
        if kind == "photo":
            raw["photo"] = [{"file_id": info["file_id"], "file_unique_id": info["file_unique_id"],
                             "width": 1200, "height": 800, "file_size": len(data)}]  # fmt: skip
        else:
            raw["document"] = info
        return self._store(
            params, Sent(raw, caption, file=(name, mime, data), photo=kind == "photo")
        )

    def _store(self, params: dict[str, Any], sent: Sent) -> Sent:
        chat_id = int(params["chat_id"])
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            for button in (b for row in markup["inline_keyboard"] for b in row):
                if not button.get("text") or len(button.get("callback_data", "").encode()) > 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            sent.raw["reply_markup"] = markup
        sent.markup = markup if isinstance(markup, dict) else None
        sent.raw.update(message_id=self.next_message_id(chat_id), date=int(time.time()),
                        chat=self.chat_object(chat_id), **{"from": self.bot_user})  # fmt: skip
        self.chats[chat_id].append(sent)
        return sent

    async def _m_editmessagereplymarkup(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        found = next((m for m in self.chats[chat_id] if m.message_id == message_id), None)
        if found is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup") or None
        if markup == found.raw.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified")
        found.markup = markup
        found.raw.pop("reply_markup", None)
        if markup:
            found.raw["reply_markup"] = markup
        return found.raw

    async def _m_answercallbackquery(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.answered.append(str(params["callback_query_id"]))
        return True

    async def _m_getfile(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        size = len(self.files[file_id][2])
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": size,
                "file_path": f"documents/{file_id}"}  # fmt: skip

    async def _download(self, request: Request) -> Response:
        file_id = request.path_params["path"].rsplit("/", 1)[-1]
        if request.path_params["token"] != self.token or file_id not in self.files:
            return Response(status_code=404)
        name, mime, data = self.files[file_id]
        return Response(data, media_type=mime)

    def chat_object(self, chat_id: int) -> dict[str, Any]:
        return self.chat_objects.get(chat_id) or {"id": chat_id, "type": "private"}

    # --- webhook delivery and control endpoints (standalone) -------------------------------

    async def _webhook_sender(self) -> None:
        import httpx

        async with httpx.AsyncClient(timeout=60) as client:
            while True:
                update = await self._outgoing.get()
                headers = {
                    "X-Telegram-Bot-Api-Secret-Token": self.webhook.get("secret_token") or ""
                }
                for _ in range(5):  # Telegram retries a failed delivery
                    with contextlib.suppress(httpx.HTTPError):
                        answer = await client.post(
                            self.webhook["url"], json=update, headers=headers
                        )
                        if answer.status_code == 200:
                            break
                    await asyncio.sleep(1)

    async def _act(self, request: Request) -> Response:
        user_id = request.path_params["user_id"]
        body = json.loads(await request.body() or b"{}")
        user = self.users.get(user_id) or self.user(
            user_id, body.get("first_name", f"User {user_id}")
        )
        action = request.path_params["action"]
        if action == "says":
            update = user.says_update(body["text"])
        elif action == "taps":
            update = user.taps_update(body["title"])
        elif action == "contact":
            update = user.contact_update(body["phone"], body.get("owner_id", user_id))
        elif action == "document":
            data = body.get("text", "").encode()
            update = user.document_update(
                body["file_name"], data, body.get("mime_type", "text/csv")
            )
        else:
            return JSONResponse({"error": f"unknown action {action}"}, status_code=404)
        self.push_update(update)
        return JSONResponse({"update_id": update["update_id"]})

    async def _chat(self, request: Request) -> Response:
        chat_id = request.path_params["chat_id"]
        shown = [{"message_id": m.message_id, "text": m.text, "file": m.file[0] if m.file else None,
                  "buttons": [b["text"] for b in m.buttons]} for m in self.messages(chat_id)]  # fmt: skip
        return JSONResponse(shown)


def _mime(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".pdf"):
        return "application/pdf"
    if lower.endswith(".xlsx"):
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return "text/csv" if lower.endswith(".csv") else "application/octet-stream"


Deliver = Callable[[Update], Awaitable[None]]


@dataclass
class TelegramUser:
    """A person in a chat with the bot. `deliver` hands an update to the bot and returns
    once it is handled (defaults to queueing it for getUpdates, without waiting)."""

    fake: FakeTelegram
    user_id: int
    first_name: str
    last_name: str = ""
    chat: dict[str, Any] | None = None
    deliver: Deliver | None = None
    _mark: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.chat = self.chat or {
            "id": self.user_id,
            "type": "private",
            "first_name": self.first_name,
        }
        self.fake.chat_objects[self.chat_id] = self.chat

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])  # type: ignore[index]

    @property
    def sender(self) -> dict[str, Any]:
        found = {"id": self.user_id, "is_bot": False, "first_name": self.first_name,
                 "language_code": "id"}  # fmt: skip
        return {**found, "last_name": self.last_name} if self.last_name else found

    # --- updates as Telegram sends them -----------------------------------------------------

    def _message(self, **content: Any) -> Update:
        message = {"message_id": self.fake.next_message_id(self.chat_id), "date": int(time.time()),
                   "chat": self.chat, "from": self.sender, **content}  # fmt: skip
        return self.fake.update(message=message)

    def says_update(self, text: str) -> Update:
        command = re.match(r"/\w+(@\w+)?", text)
        if command is None:
            return self._message(text=text)
        entities = [{"type": "bot_command", "offset": 0, "length": len(command.group(0))}]
        return self._message(text=text, entities=entities)

    def contact_update(self, phone: str, owner_id: int | None) -> Update:
        contact = {"phone_number": phone, "first_name": self.first_name}
        return self._message(contact={**contact, **({"user_id": owner_id} if owner_id else {})})

    def location_update(self, latitude: float, longitude: float) -> Update:
        return self._message(location={"latitude": latitude, "longitude": longitude})

    def document_update(
        self, file_name: str, data: bytes, mime_type: str, caption: str = ""
    ) -> Update:
        document = self.fake.add_file(data, file_name, mime_type)
        return self._message(document=document, **({"caption": caption} if caption else {}))

    def taps_update(self, title: str) -> Update:
        for sent in reversed(self.fake.messages(self.chat_id)):
            for button in sent.buttons:
                if "callback_data" in button and title.casefold() in button["text"].casefold():
                    query = {"id": f"cq{next(self.fake._ids)}", "from": self.sender,
                             "message": dict(sent.raw), "chat_instance": f"ci{self.chat_id}",
                             "data": button["callback_data"]}  # fmt: skip
                    return self.fake.update(callback_query=query)
        raise AssertionError(f"no button {title!r} on screen; buttons: {self.buttons}")

    # --- acting and looking ------------------------------------------------------------------

    async def send(self, update: Update) -> list[Sent]:
        self._mark = len(self.fake.messages(self.chat_id))
        if self.deliver is None:
            self.fake.push_update(update)
        else:
            await self.deliver(update)
        return self.replies

    async def says(self, text: str) -> list[Sent]:
        return await self.send(self.says_update(text))

    async def taps(self, title: str) -> list[Sent]:
        return await self.send(self.taps_update(title))

    async def shares_contact(self, phone: str, owner_id: int | None = -1) -> list[Sent]:
        """Share a contact: one's own (the default) or someone else's (`owner_id`)."""
        return await self.send(
            self.contact_update(phone, self.user_id if owner_id == -1 else owner_id)
        )

    async def shares_location(self, latitude: float, longitude: float) -> list[Sent]:
        return await self.send(self.location_update(latitude, longitude))

    async def sends_document(self, file_name: str, data: bytes, mime_type: str) -> list[Sent]:
        return await self.send(self.document_update(file_name, data, mime_type))

    @property
    def replies(self) -> list[Sent]:
        """What the bot sent to this chat since the user's last action."""
        return self.fake.messages(self.chat_id)[self._mark :]

    @property
    def text(self) -> str:
        return "\n".join(sent.text for sent in self.replies)

    @property
    def buttons(self) -> list[str]:
        """The titles of the buttons currently on screen (inline or reply keyboard)."""
        for sent in reversed(self.fake.messages(self.chat_id)):
            if sent.buttons:
                return [button["text"] for button in sent.buttons]
        return []

    @property
    def documents(self) -> list[tuple[str, str, bytes]]:
        return [sent.file for sent in self.replies if sent.file is not None]


WEBHOOK_SECRET = "test-webhook-secret_123"


class ScriptedService:
    """Stands in for the conversation service: records what the channel hands over and
    answers every message with `answer`."""

    def __init__(self) -> None:
        self.received: list[Any] = []
        self.answer: list[Any] = []

    async def handle(self, message: Any) -> Answer:
        self.received.append(message)
        return Answer(list(self.answer))


@dataclass
class Running:
    """The bot's Telegram channel started against a fake; `user()` makes a person whose
    updates reach the bot the way this mode delivers them."""

    fake: FakeTelegram
    channel: Any
    deliver: Deliver
    web: Any = None

    def user(
        self, user_id: int, first_name: str, last_name: str = "", **options: Any
    ) -> TelegramUser:
        return self.fake.user(user_id, first_name, last_name, deliver=self.deliver, **options)


def fast_limiter() -> Any:
    """Limits far above the test's needs: dialog tests do not test pacing."""
    from bot.channels.telegram.limits import RateLimiter

    return RateLimiter(per_second=10_000, chat_per_second=10_000, chat_burst=1_000)


@contextlib.asynccontextmanager
async def bot_on_fake(
    fake: FakeTelegram,
    handle: Callable[[Any], Awaitable[Any]],
    *,
    webhook: bool = False,
    patience: float = 30.0,
    **options: Any,
) -> Any:
    """Start a TelegramChannel on `fake` in polling or webhook mode; stop it afterwards.
    Polling: an update is pushed into getUpdates and awaited until the channel has handled
    it (at most `patience` seconds). Webhook: it is POSTed to /telegram/webhook of the
    web app (ASGI, in process)."""
    import httpx

    from bot.channels.telegram.channel import SECRET_HEADER, WEBHOOK_PATH, TelegramChannel
    from bot.config import TelegramSettings
    from bot.web.app import build_web_app

    settings = TelegramSettings(
        token=fake.token,
        api_base_url=fake.base_url,
        api_file_base_url=fake.file_base_url,
        webhook_url="https://kb.example.go.id/telegram/webhook" if webhook else None,
        webhook_secret=WEBHOOK_SECRET if webhook else None,
    )
    waiting: dict[int, asyncio.Future[None]] = {}

    def handled(update_id: int) -> None:
        future = waiting.pop(update_id, None)
        if future is not None and not future.done():
            future.set_result(None)

    options.setdefault("limiter", fast_limiter())
    channel = TelegramChannel(settings, handle, on_handled=handled, **options)
    await channel.start()
    client = None
    try:
        if webhook:

            async def database_ok() -> bool:
                return True

            web = build_web_app([channel], database_ok)
            client = httpx.AsyncClient(
                transport=httpx.ASGITransport(app=web), base_url="http://kb.test"
            )

            async def deliver(update: Update) -> None:
                # The webhook answers once the update is handled; its replies follow.
                future = asyncio.get_running_loop().create_future()
                waiting[update["update_id"]] = future
                headers = {SECRET_HEADER: WEBHOOK_SECRET}
                answer = await client.post(WEBHOOK_PATH, json=update, headers=headers)
                assert answer.status_code == 200, answer.text
                await asyncio.wait_for(future, patience)

        else:

            async def deliver(update: Update) -> None:
                future = asyncio.get_running_loop().create_future()
                fake.push_update(update)  # numbers it; handled only once we yield
                waiting[update["update_id"]] = future
                await asyncio.wait_for(future, patience)

        yield Running(fake, channel, deliver, client)
    finally:
        if client is not None:
            await client.aclose()
        await channel.stop()


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


async def _main() -> None:
    parser = argparse.ArgumentParser(description="A fake Telegram Bot API server")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=TOKEN)
    parser.add_argument("--rate", type=int, help="at most this many sends a second (429 beyond)")
    args = parser.parse_args()
    fake = await FakeTelegram(args.token, rate=args.rate, deliver_webhooks=True).start(args.port)
    print(f"fake Bot API on {fake.base_url} (token {args.token}); files on {fake.file_base_url}")
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.gather(*fake._tasks)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main())
