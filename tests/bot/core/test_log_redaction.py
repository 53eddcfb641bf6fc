"""Tracebacks and log lines never carry a NIK (bot.core.log_redaction): the failure text
keeps frames and exception types, masks the numbers; the filter does the same for every
record a handler emits, whatever logged it."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.core import log_redaction
from bot.core.log_redaction import NikRedactingFilter, failure_text, log_failure
from bot.domain.nik import mask_niks

NIK = "1571014101000017"
GROUPED = "1571 0141 0100 0017"


def broken(text: str) -> None:
    try:
        int(text + "x")
    except ValueError as exc:
        raise RuntimeError(f"step failed on {text!r}") from exc


def failure(text: str = GROUPED) -> BaseException:
    try:
        broken(text)
    except RuntimeError as exc:
        return exc
    raise AssertionError("broken() always raises")


@pytest.fixture
def logger() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger of its own with one handler carrying the filter, as `install` leaves it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    own = logging.getLogger("tests.log_redaction")
    own.addHandler(handler)
    own.propagate = False
    log_redaction.install(own)
    log_redaction.install(own)  # twice is once
    try:
        yield own, stream
    finally:
        own.removeHandler(handler)
        own.propagate = True


def test_mask_niks_masks_sixteen_digits_in_any_grouping_and_nothing_else() -> None:
    text = f"a {NIK} b {GROUPED} c 1571.0141.0100.0017 d 1571-0141-0100-0017 e"
    assert mask_niks(text) == "a {0} b {0} c {0} d {0} e".format("1571********0017")
    # A phone number, a longer number and an amount stay as they are.
    for kept in ("+6281234567890", "15710141010000171", "Rp25.000.000", "KB-2026-00001"):
        assert mask_niks(kept) == kept


def test_the_failure_text_keeps_frames_and_types_but_no_nik() -> None:
    text = failure_text(failure())
    assert NIK not in text and GROUPED not in text and "1571********0017" in text
    assert "Traceback" in text and "in broken" in text and "RuntimeError" in text
    assert "ValueError" in text  # the cause, masked as well
    assert "direct cause" in text


def test_log_failure_hands_no_exception_to_the_handlers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.ERROR)
    log_failure(logging.getLogger("tests.failure"), failure(), "message %s failed", "m1")
    (record,) = caplog.records
    assert record.exc_info is None
    assert "message m1 failed" in caplog.text and "RuntimeError" in caplog.text
    assert NIK not in caplog.text and GROUPED not in caplog.text


def test_the_filter_masks_messages_arguments_and_tracebacks(
    logger: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = logger
    log.warning("typed %s", GROUPED)
    log.warning(f"typed {NIK} in an f-string")
    try:
        broken(NIK)
    except RuntimeError:
        log.exception("a library logged this")
    log.warning("with a stack", stack_info=True)
    out = stream.getvalue()
    assert NIK not in out and GROUPED not in out
    assert out.count("1571********0017") >= 4
    assert "RuntimeError" in out and "Stack (most recent call last)" in out


def test_the_command_line_installs_the_filter(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    root = logging.getLogger()
    handler = logging.StreamHandler(io.StringIO())
    monkeypatch.setattr(root, "handlers", [handler])
    uvicorn = logging.getLogger("uvicorn.error")
    monkeypatch.setattr(uvicorn, "filters", [])
    monkeypatch.setattr(logging.getLogger("uvicorn.access"), "filters", [])
    assert main(["keygen"]) == 0
    capsys.readouterr()
    assert any(isinstance(f, NikRedactingFilter) for f in handler.filters)
    # uvicorn's loggers have handlers of their own: the filter sits on the logger.
    assert any(isinstance(f, NikRedactingFilter) for f in uvicorn.filters)


def test_a_logger_filter_masks_what_is_logged_there(caplog: pytest.LogCaptureFixture) -> None:
    own = logging.getLogger("tests.own_handlers")
    own.addFilter(NikRedactingFilter())
    try:
        try:
            broken(NIK)
        except RuntimeError:
            own.exception("Exception in ASGI application for %s", GROUPED)
    finally:
        own.filters.clear()
    assert NIK not in caplog.text and GROUPED not in caplog.text
    assert "RuntimeError" in caplog.text
