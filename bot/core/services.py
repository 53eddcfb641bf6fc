"""What a dialog step may use besides its context: the unit of work of the message being
handled, the settings, and the names of the dialogs this build registers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.core.ports import UnitOfWork


@dataclass(frozen=True)
class Services:
    # The port, not storage's class: bot/ and handlers/ never import storage.
    uow: UnitOfWork
    settings: Settings
    dialogs: frozenset[str]
