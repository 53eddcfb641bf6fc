"""Memory of `kampung-bahagia serve`: idle, and over a long soak at a steady message rate
(issue 14, item 5: RSS idle ≤ 150 MB, and not growing over 10 minutes at 100 msg/s).

Starts one real `serve` (a child process, the way tests/support/serve_process.py and
benchmarks/scale_out.py do) on a fresh SQLite file in a temporary directory — serve
migrates it on start-up, as in production — with the WhatsApp channel pointed at the fake
Graph API (tests/support/fake_graph.py), which records every reply. After start-up and
`--settle` seconds idle it prints the process's RSS (VmRSS from /proc, its children
included, though serve starts none). Then residents post signed WhatsApp webhooks at
`--rate` messages a second, evenly spaced, for `--minutes`: each resident is a new
number that goes through one premium simulation ("menu", "Simulasi premi", amounts typed
the ways people type them, a wrong one, "menu"), one message at a time, each only after
the previous one was acknowledged (as Meta delivers one chat) and a few seconds of
thinking, so a few hundred conversations are open at any moment and every 7 messages
bring a new account. The RSS is sampled every 10 s; a line per minute shows messages
sent, replies the fake received and the RSS. At the end: RSS idle, after minute 1 (the
warm-up: imports done lazily, SQLite's page cache, pools filled), at the end, the growth
from minute 1 to the end (MB and MB/min, two points and the least-squares slope of the
samples), messages sent / answered, and the p50/p99 of the webhook's response time
(a 200 means handled, committed and answered). Last, serve gets SIGTERM and must exit 0.

    .venv/bin/python benchmarks/soak.py [--minutes 10] [--rate 100]

The number's send limit (`whatsapp.messages_per_second`, 80 by default) is raised to
`--send-limit` (1000, Meta's higher tier): at 100 messages a second the replies alone
exceed 80 a second, and a reply backlog would be measured instead of the process. The
fake Graph API runs in a process of its own (in the driver's it would share its GIL). At
most `--max-in-flight` posts (200) wait for their 200 at once: when serve cannot keep up,
the ticks over that are skipped and counted ("skipped"), so the achieved rate is printed
instead of an ever-growing pile of waiting requests in serve (a backlog, not a leak).
"Answered" counts messages with a reply before the resident's next one; a 200 sent after
ChatQueues' 10 s limit lets the reply come later, so it may be a few under "sent".
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import itertools
import multiprocessing
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from storage.nik_vault import NikVault  # noqa: E402
from support.fake_graph import FakeGraph  # noqa: E402
from support.serve_process import ServeProcess, free_port, serve_env, text_message  # noqa: E402

# One premium simulation as a resident types it on WhatsApp (tests/handlers/warga/premium):
# the menu, the button's title typed, three ways of writing an amount, one that is none.
DIALOG = ["menu", "Simulasi premi", "25 juta", "Rp 150.000.000", "abc", "850jt", "menu"]
THINK_SECONDS = (2.0, 8.0)  # between an acknowledgement and the resident's next message
SAMPLE_EVERY = 10.0
IDLE_TARGET_MB = 150
MB = 1024 * 1024


# --- the process's memory ------------------------------------------------------------------


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (/proc/<pid>/task/<tid>/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        tasks = Path(f"/proc/{current}/task")
        for task in tasks.iterdir() if tasks.exists() else []:
            children = task / "children"
            if children.exists():
                todo.extend(int(child) for child in children.read_text().split())
    return found


def status_kb(pid: int, key: str) -> int:
    """One `kB` figure of /proc/<pid>/status (0 once the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def rss_mb(pid: int) -> float:
    """Resident memory of `pid` and its children, in MB."""
    return sum(status_kb(p, "VmRSS") for p in process_tree(pid)) * 1024 / MB


# --- the fake Graph API, in a process of its own ---------------------------------------------


def _graph_child(connection: Connection) -> None:
    """Runs a FakeGraph and answers the parent: "replies" -> [(recipient, arrived at)]."""
    fake = FakeGraph()
    connection.send(fake.start())
    while (command := connection.recv()) != "stop":
        sent = [r for r in fake.requests if r.path.endswith("/messages") and r.body.get("ok")]
        connection.send(
            [(str(r.body.get("to")), r.at) for r in sent] if command == "replies" else len(sent)
        )
    fake.stop()


class GraphProcess:
    """The fake Graph API (tests/support/fake_graph.py) in a child process: in this one it
    would share the GIL with the load it is meant to answer, and a slow fake shows up as
    the bot's Graph client running out of connections. Arrival times are time.monotonic,
    one clock for every process on Linux."""

    def __init__(self) -> None:
        self._connection, child = multiprocessing.Pipe()
        self._process = multiprocessing.get_context("spawn").Process(
            target=_graph_child, args=(child,), daemon=True
        )
        self._process.start()
        self.base_url: str = self._connection.recv()

    def count(self) -> int:
        """Replies the fake has received so far."""
        self._connection.send("count")
        return int(self._connection.recv())

    def replies(self) -> list[tuple[str, float]]:
        self._connection.send("replies")
        return list(self._connection.recv())

    def stop(self) -> None:
        self._connection.send("stop")
        self._process.join(10)


# --- the residents -------------------------------------------------------------------------


@dataclass
class Resident:
    wa_id: str
    step: int = 0  # index in DIALOG of the next message
    # (posted at, acknowledged at) of each message acknowledged, in order
    posted: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Load:
    """What the driver saw: acknowledged posts, failures, response times, RSS samples."""

    residents: list[Resident] = field(default_factory=list)
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # ticks with max_in_flight posts unanswered: serve is behind
    latencies: list[float] = field(default_factory=list)
    samples: list[tuple[float, float]] = field(default_factory=list)  # (seconds, RSS MB)


async def drive(
    url: str, graph: GraphProcess, pid: int, minutes: float, rate: float, max_in_flight: int
) -> Load:
    """`rate` messages a second for `minutes`; prints a line a minute; returns the load."""
    load = Load()
    numbers = itertools.count(1)
    # Residents waiting to send their next message: (ready at, tie-breaker, resident).
    ready: list[tuple[float, int, Resident]] = []
    order = itertools.count()
    in_flight: set[asyncio.Task[None]] = set()
    start = time.monotonic()
    end = start + minutes * 60

    async def post(client: httpx.AsyncClient, resident: Resident) -> None:
        text = DIALOG[resident.step]
        wamid = f"wamid.soak{resident.wa_id}m{resident.step}"
        body, headers = text_message(resident.wa_id, text, wamid)
        posted = time.monotonic()
        try:
            answer = await client.post(f"{url}/whatsapp/webhook", content=body, headers=headers)
            ok = answer.status_code == 200
        except httpx.HTTPError:
            ok = False
        acked = time.monotonic()
        if not ok:
            # Meta sends again what got no 200 (the same wamid): so does the resident.
            load.failed += 1
            heapq.heappush(ready, (acked + 1.0, next(order), resident))
            return
        load.sent += 1
        load.latencies.append(acked - posted)
        resident.posted.append((posted, acked))
        resident.step += 1
        if resident.step < len(DIALOG):
            heapq.heappush(ready, (acked + random.uniform(*THINK_SECONDS), next(order), resident))

    async def sample() -> None:
        """The RSS every SAMPLE_EVERY seconds up to the end; a line each minute."""
        for n in itertools.count(1):
            at = min(start + n * SAMPLE_EVERY, end)
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            elapsed = at - start
            load.samples.append((elapsed, rss_mb(pid)))
            if elapsed % 60 < 1e-6 or at >= end:
                replies = await asyncio.to_thread(graph.count)
                print(
                    f"minute {elapsed / 60:4.1f}: sent {load.sent:>6} · replies {replies:>6}"
                    f" · in flight {len(in_flight):>3} · thinking {len(ready):>4}"
                    f" · skipped {load.skipped:>5} · RSS {load.samples[-1][1]:6.1f} MB",
                    flush=True,
                )
            if at >= end:
                return

    async def send() -> None:
        for tick in itertools.count():
            # Evenly spaced: each tick's moment counted from the start, so a late wake-up
            # is caught up by the next ticks instead of lowering the rate.
            at = start + tick / rate
            if at >= end:
                return
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            if len(in_flight) >= max_in_flight:
                # Behind: an unbounded pile of waiting requests would measure the backlog,
                # not the process. The tick is lost (the achieved rate shows it).
                load.skipped += 1
                continue
            if ready and ready[0][0] <= time.monotonic():
                resident = heapq.heappop(ready)[2]
            else:  # nobody is due: a new resident starts a conversation
                resident = Resident(f"62857{next(numbers):07d}")
                load.residents.append(resident)
            task = asyncio.create_task(post(client, resident))
            in_flight.add(task)
            task.add_done_callback(in_flight.discard)

    limits = httpx.Limits(max_connections=500, max_keepalive_connections=100)
    async with httpx.AsyncClient(timeout=60.0, limits=limits) as client:
        await asyncio.gather(send(), sample())
        # The messages still in flight are answered before the last figures.
        if in_flight:
            await asyncio.wait(set(in_flight), timeout=60)
    return load


def answered(load: Load, replies: list[tuple[str, float]]) -> int:
    """Acknowledged messages with a reply to their sender between their post and the
    sender's next post (the replies of a message go before its 200)."""
    arrivals: dict[str, list[float]] = defaultdict(list)
    for chat, at in replies:
        arrivals[chat].append(at)
    count = 0
    for resident in load.residents:
        times = sorted(arrivals.get(resident.wa_id, []))
        posts = [posted for posted, _ in resident.posted]
        for n, posted in enumerate(posts):
            until = posts[n + 1] if n + 1 < len(posts) else float("inf")
            first = bisect_left(times, posted)
            count += first < len(times) and times[first] < until
    return count


def slope(samples: list[tuple[float, float]]) -> float:
    """Least-squares MB per minute of (seconds, MB) samples."""
    xs = [s / 60 for s, _ in samples]
    ys = [mb for _, mb in samples]
    if len(xs) < 2:
        return 0.0
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[int(fraction * (len(ordered) - 1))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=100.0, help="messages per second")
    parser.add_argument("--settle", type=float, default=5.0, help="idle seconds before")
    parser.add_argument("--send-limit", type=int, default=1000, help="messages_per_second")
    parser.add_argument("--max-in-flight", type=int, default=200, help="unanswered posts")
    args = parser.parse_args()

    print(f"load average {load_average()} on {os.cpu_count()} CPUs", flush=True)
    folder = Path(tempfile.mkdtemp(prefix="kb-soak-"))
    database_url = f"sqlite+aiosqlite:///{folder / 'soak.db'}"
    graph = GraphProcess()
    env = serve_env(database_url, NikVault.generate_key(), graph.base_url, free_port())
    env["KB_WHATSAPP__MESSAGES_PER_SECOND"] = str(args.send_limit)
    serve = ServeProcess(env, folder, folder / "serve.log")
    try:
        started = time.monotonic()
        serve.start()  # returns once /healthz answers 200: the database is migrated
        assert serve.process is not None
        pid = serve.process.pid
        print(f"serve pid {pid} up in {time.monotonic() - started:.1f} s; log {serve.log_file}")
        time.sleep(args.settle)
        idle = rss_mb(pid)
        print(f"idle RSS after {args.settle:.0f} s: {idle:.1f} MB (target ≤ {IDLE_TARGET_MB} MB)")
        print(f"{args.rate:.0f} messages/s for {args.minutes:g} min", flush=True)
        load = asyncio.run(
            drive(serve.url, graph, pid, args.minutes, args.rate, args.max_in_flight)
        )
        time.sleep(args.settle)
        after = rss_mb(pid)
        peak = status_kb(pid, "VmHWM") * 1024 / MB
        serve.signal(signal.SIGTERM)
        stopped = time.monotonic()
        code = serve.wait(90)
        stop_seconds = time.monotonic() - stopped
        replies = graph.replies()
    finally:
        serve.stop()  # SIGKILL, only if it is still running (an error above)
        graph.stop()

    samples = load.samples
    warm = [s for s in samples if s[0] >= 60]  # from the end of minute 1
    minute_1 = warm[0][1] if warm else float("nan")
    last = samples[-1][1]
    print(f"RSS idle {idle:.1f} MB · after minute 1 {minute_1:.1f} MB · at the end {last:.1f} MB")
    if len(warm) >= 2:
        span = (warm[-1][0] - warm[0][0]) / 60
        growth = last - minute_1
        print(
            f"growth minute 1 → end: {growth:+.1f} MB in {span:.0f} min = {growth / span:+.2f}"
            f" MB/min (least-squares slope of the 10 s samples: {slope(warm):+.2f} MB/min)"
        )
    print(f"RSS {args.settle:.0f} s after the load: {after:.1f} MB · peak (VmHWM) {peak:.1f} MB")
    seconds = args.minutes * 60
    print(
        f"messages sent {load.sent} ({load.sent / seconds:.1f}/s) · answered"
        f" {answered(load, replies)} · replies {len(replies)} · failed posts {load.failed}"
        f" · ticks skipped {load.skipped} · residents {len(load.residents)}"
    )
    print(
        f"webhook response p50 {1000 * percentile(load.latencies, 0.5):.0f} ms ·"
        f" p99 {1000 * percentile(load.latencies, 0.99):.0f} ms"
    )
    print(f"serve exited {code} on SIGTERM, in {stop_seconds:.1f} s")
    print(f"load average {load_average()}")
    return 0 if code == 0 else 1


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
