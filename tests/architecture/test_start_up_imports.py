"""A serve process carries only what it uses (issue 14: idle RSS ≤ 150 MB): the libraries
that draw documents — matplotlib with numpy (~45 MB) for charts, fpdf2 with its fonts
(~30 MB) for the surat tugas, openpyxl (which loads numpy too) for reading RT lists — are
loaded with the first chart, letter or list, not at start-up."""

from __future__ import annotations

import subprocess
import sys

ON_FIRST_USE = ("matplotlib", "fpdf", "openpyxl", "numpy")


def test_starting_the_bot_loads_no_document_library() -> None:
    script = (
        "import sys, bot.app, bot.cli, handlers.registry; "
        f"print(' '.join(name for name in {ON_FIRST_USE!r} if name in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []
