"""Keeps NIKs out of logs and tracebacks (issue 12: no NIK in plain text anywhere).

The bot never logs a message's text or a conversation's state on purpose; what can still
carry a NIK into a log is an exception's message (`int("1571…x")`, a library quoting
its input) and the chain of exceptions behind it. Two defences:

- `failure_text(exc)`: a traceback for the log with every exception message passed
  through `mask_niks`: frames (file, line, function, source line: code, never data) and
  exception types stay, so a failure can still be found and fixed. No frame locals.
- `NikRedactingFilter`: a logging filter that masks NIK-like numbers in the rendered
  message and in the traceback of every record a handler emits; `install` puts it on the
  root logger's handlers and on uvicorn's loggers (the command line does, for everything:
  the bot's own loggers, SQLAlchemy, the HTTP server).
"""

from __future__ import annotations

import logging
import traceback

from bot.domain.nik import mask_niks


def failure_text(exc: BaseException) -> str:
    """The traceback of `exc` (and its causes) with NIK-like numbers masked."""
    lines = traceback.TracebackException.from_exception(exc, capture_locals=False).format()
    return mask_niks("".join(lines)).rstrip("\n")


def log_failure(logger: logging.Logger, exc: BaseException, message: str, *args: object) -> None:
    """`logger.exception(message, *args)` without letting a NIK through: the traceback
    is rendered masked and logged as text, never handed to the handlers as `exc_info`
    (which would format it again, in clear)."""
    logger.error(f"{message}\n%s", *args, failure_text(exc))


class NikRedactingFilter(logging.Filter):
    """Masks NIK-like numbers in a record's message and traceback before it is emitted."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_niks(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            # Rendered here, masked, and cached where formatters look first.
            record.exc_text = failure_text(record.exc_info[1])
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = mask_niks(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_niks(record.stack_info)
        return True


# Loggers that get handlers of their own and do not pass records to the root: uvicorn's
# (configured when `serve` builds its server). A filter on the logger itself sees every
# record logged there and survives uvicorn's logging configuration.
OWN_HANDLERS = ("uvicorn.error", "uvicorn.access")


def install(logger: logging.Logger | None = None) -> None:
    """Put one `NikRedactingFilter` on every handler of `logger` (default: the root, and
    then also on the loggers of OWN_HANDLERS themselves)."""
    for handler in (logger or logging.getLogger()).handlers:
        _add(handler)
    if logger is None:
        for name in OWN_HANDLERS:
            _add(logging.getLogger(name))


def _add(where: logging.Handler | logging.Logger) -> None:
    if not any(isinstance(f, NikRedactingFilter) for f in where.filters):
        where.addFilter(NikRedactingFilter())
