"""Moved to tests/support/fake_graph.py. This file keeps what the README and the benchmarks
use working: `python tests/fake_graph.py ...` and `from fake_graph import ...` with tests/
on the path. New code imports `support.fake_graph`."""

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from support.fake_graph import *  # noqa: E402, F403
from support.fake_graph import _cli  # noqa: E402

if __name__ == "__main__":
    sys.exit(_cli(sys.argv[1:]))
