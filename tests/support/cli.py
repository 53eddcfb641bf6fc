"""The `kampung-bahagia` command run the way a user runs it — in this process
(`bot.cli.main(argv)`, fast, the default in tests) or as a real subprocess (a few smoke
tests: the installed script, `python -m bot`)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.cli import main

SCRIPT = Path(sys.executable).with_name("kampung-bahagia")
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "bot"]
TIMEOUT = 120  # a hung command fails the test instead of the whole run


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def without_kb_variables() -> dict[str, str]:
    """This process's environment minus every KB_ setting (the test's own included)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("KB_")}


def run_in_process(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cwd: Path,
    env: Mapping[str, str],
    *args: str,
    stdin: str = "",
) -> CliResult:
    """`main(args)` from `cwd` with exactly the KB_ variables of `env`, `stdin` as
    standard input; what it printed and its exit code."""
    with monkeypatch.context() as patch:
        patch.chdir(cwd)
        for name in [name for name in os.environ if name.startswith("KB_")]:
            patch.delenv(name)
        for name, value in env.items():
            if name.startswith("KB_"):
                patch.setenv(name, value)
        patch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
    return CliResult(code, out, err)


def run_subprocess(
    cwd: Path, env: Mapping[str, str], *args: str, stdin: str = "", command: list[str] = COMMAND
) -> CliResult:
    """The installed command (or `python -m bot`) as a child process."""
    result = subprocess.run(
        [*command, *args],
        cwd=cwd,
        env=dict(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return CliResult(result.returncode, result.stdout, result.stderr)
