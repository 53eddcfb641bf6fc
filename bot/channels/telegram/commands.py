"""The bot's command menu on Telegram (setMyCommands).

The channel knows no dialogs and no texts: the composition root passes the commands
this build registers with their descriptions, already in the menu's language, in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from telegram import BotCommand


def command_menu(commands: Iterable[tuple[str, str]]) -> list[BotCommand]:
    """One menu line per (command, description), in the order given."""
    return [BotCommand(command.lstrip("/"), description) for command, description in commands]
