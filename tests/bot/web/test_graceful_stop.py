"""Graceful stop (issue 13): uvicorn raised SIGTERM again once its `serve()` returned,
so the process died (exit -15) before the channels' stop ran. A real `serve` now stops
accepting, finishes its work and exits 0 on SIGTERM."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storage.nik_vault import NikVault
from support.fake_graph import FakeGraph, running
from support.serve_process import ServeProcess, free_port, says, serve_env


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with running() as fake:
        yield fake


@pytest.fixture
def worker(tmp_path: Path, graph: FakeGraph) -> Iterator[ServeProcess]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}"
    env = serve_env(url, NikVault.generate_key(), graph.base_url, free_port())
    process = ServeProcess(env, tmp_path, tmp_path / "serve.log")
    process.start()
    yield process
    process.stop()


def test_sigterm_stops_the_channels_and_exits_0(worker: ServeProcess, graph: FakeGraph) -> None:
    assert says(worker.url, "6281234567001", "menu").status_code == 200
    outbox = httpx.get(f"{worker.url}/healthz").json()["outbox"]
    assert outbox["ok"] and outbox["sending_here"] and outbox["due"] == 0
    worker.signal(signal.SIGTERM)

    assert worker.wait(60) == 0, worker.log()
    log = worker.log()
    assert "stopping:" in log and log.rstrip().endswith("stopped"), log
    # The message taken before the signal was answered.
    assert graph.to("6281234567001")
