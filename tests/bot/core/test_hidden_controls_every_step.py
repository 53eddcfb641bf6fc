"""Hidden characters are refused at every free-text step of every dialog (issue 12,
item 8): the test enumerates the step tables of `handlers.registry.REGISTRY`, places a
caller who may use the dialog at each step that takes typed text, and types an answer
holding a bidirectional override, another control character (NUL is removed on arrival,
bot/core/service.py) or one of the marks of
bot/core/markup.py. Each time the bot answers with the "karakter tersembunyi" notice
and the conversation stays where it was, keeping nothing of the answer."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app import App
from bot.core.dialog import Caller as DialogCaller
from bot.domain.vocabulary import Role
from handlers.registry import REGISTRY
from support.activity_helpers import put_in
from support.walk import World, chat_for, seed_world

ROLES = {
    "warga": frozenset({Role.WARGA}),
    "ketua_rt": frozenset({Role.WARGA, Role.KETUA_RT}),
    "petugas": frozenset({Role.WARGA, Role.PETUGAS}),
    "admin": frozenset({Role.WARGA, Role.ADMIN}),
}
HIDDEN = ["Kerja bakti\u202e", "Gang\u2066 Melati", "Siti\x07 Aminah", "Budi\x1b[31m", "x\ue001*y*"]


def _free_text_steps() -> list[tuple[str, str, str]]:
    """(dialog, step, role) for every step that reads typed text (each step gets one of
    the hidden answers in turn, so every kind is tried at many steps)."""
    found = []
    for name, dialog in REGISTRY.dialogs.items():
        role = next(
            (r for r, roles in ROLES.items() if dialog.allows(DialogCaller(0, roles=roles))), None
        )
        assert role is not None, f"nobody may open {name}"
        for step_name, step in dialog.steps.items():
            if not step.choice_only:
                found.append((name, step_name, role))
    return found


STEPS = _free_text_steps()


def test_the_registry_has_free_text_steps_to_check() -> None:
    # The enumeration itself can fail: a registry without typed steps would check nothing.
    assert len(STEPS) >= 20, STEPS


async def _state(app: App, chat: Any) -> tuple[str, str, dict[str, Any]]:
    async with app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
    return conversation.dialog, conversation.step, dict(conversation.data)


@pytest.mark.parametrize(("dialog", "step", "role"), STEPS, ids=lambda v: str(v))
async def test_hidden_characters_are_refused_at_every_free_text_step(
    app: App, dialog: str, step: str, role: str
) -> None:
    world: World = await seed_world(app)
    chat = chat_for(app, role)
    # What the steps' questions read when asked again (which activity, RT, time).
    data = {
        "activity_id": world.draft_id,
        "rt_id": world.rt_id,
        "occurred_at": "2026-03-01T09:00:00+00:00",
        "severity": "luka_ringan",
    }
    index = STEPS.index((dialog, step, role))
    for typed in (HIDDEN[index % len(HIDDEN)],):
        await put_in(chat, dialog, step, data)
        before = await _state(app, chat)
        await chat.says(typed)
        assert "karakter tersembunyi" in chat.text, (typed, chat.text)
        after = await _state(app, chat)
        # Asked again (its question may set up the page it shows), nothing of the answer kept.
        assert after[:2] == before[:2]
        assert typed not in repr(after[2]) and repr(typed)[1:-1] not in repr(after[2])
