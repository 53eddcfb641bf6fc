"""What a dialog step may use besides its context: the unit of work of the message being
handled, the settings, and the names of the dialogs this build registers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.config import Settings


@dataclass(frozen=True)
class Services:
    uow: Any
    settings: Settings
    dialogs: frozenset[str]
