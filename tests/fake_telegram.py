"""Moved to tests/support/fake_telegram.py. This file keeps what the README and the
benchmarks use working: `python tests/fake_telegram.py ...` and `from fake_telegram import
...` with tests/ on the path. New code imports `support.fake_telegram`."""

import asyncio
import contextlib
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from support.fake_telegram import *  # noqa: E402, F403
from support.fake_telegram import _main  # noqa: E402

if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main())
