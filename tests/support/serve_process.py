"""A real `kampung-bahagia serve` in a child process, talking WhatsApp to the fake Graph
API (tests/support/fake_graph.py): for what only a real process shows — signals, kill -9,
several workers on one database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bot.domain.money import format_rupiah
from support.cli import COMMAND, without_kb_variables
from support.fake_graph import (
    ACCESS_TOKEN,
    APP_SECRET,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    message_value,
    notification,
    signed,
)

STARTUP = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_env(database_url: str, key: str, graph_url: str, port: int) -> dict[str, str]:
    return {
        **without_kb_variables(),
        "KB_DATABASE__URL": database_url,
        "KB_SECURITY__SECRET_KEY": key,
        "KB_WEB__PORT": str(port),
        "KB_WHATSAPP__API_BASE_URL": graph_url,
        "KB_WHATSAPP__PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "KB_WHATSAPP__ACCESS_TOKEN": ACCESS_TOKEN,
        "KB_WHATSAPP__APP_SECRET": APP_SECRET,
        "KB_WHATSAPP__VERIFY_TOKEN": VERIFY_TOKEN,
    }


@dataclass
class ServeProcess:
    """One worker: started by `start`, its log in `log_file`."""

    env: dict[str, str]
    cwd: Path
    log_file: Path
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.env['KB_WEB__PORT']}"

    def start(self) -> None:
        with self.log_file.open("ab") as log:
            self.process = subprocess.Popen(
                [*COMMAND, "serve"], cwd=self.cwd, env=self.env, stdout=log, stderr=log
            )
        deadline = time.monotonic() + STARTUP
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"serve exited early:\n{self.log()}"
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"serve did not answer /healthz:\n{self.log()}")

    def process_alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal(self, sig: signal.Signals) -> None:
        assert self.process is not None
        os.kill(self.process.pid, sig)

    def wait(self, timeout: float = 60.0) -> int:
        assert self.process is not None
        return self.process.wait(timeout)

    def log(self) -> str:
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def text_message(wa_id: str, text: str, wamid: str | None = None) -> tuple[bytes, dict[str, str]]:
    """The signed body and headers of a WhatsApp text message from `wa_id` (a fixed
    `wamid` for a message sent again, as Meta does)."""
    value = message_value(wa_id, "Warga", {"type": "text", "text": {"body": text}})
    if wamid is not None:
        value["messages"][0]["id"] = wamid
    return signed(APP_SECRET, notification(value))


def says(url: str, wa_id: str, text: str, timeout: float = 30.0) -> httpx.Response:
    """A WhatsApp text message from `wa_id`, posted to the worker at `url`."""
    body, headers = text_message(wa_id, text)
    return httpx.post(f"{url}/whatsapp/webhook", content=body, headers=headers, timeout=timeout)


def amount_answer(text: str) -> str:
    """How the premium simulation's answer to an amount like "123 juta" begins."""
    return "Nilai kegiatan: *" + format_rupiah(int(text.split()[0]) * 1_000_000) + "*"
