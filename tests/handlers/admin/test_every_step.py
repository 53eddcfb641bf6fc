"""Every question of the admin conversation answers nonsense, emoji, a 5,000-character
text and a stale button with an explanation and asks again; `kembali`, `batal` and `menu`
work everywhere (the engine's), and nothing is written along the way."""

from __future__ import annotations

import pytest

from bot.app import App
from support.chat import Chat
from support.seeding import SeededRt

# Each question: how to reach it from the admin menu, and a phrase of its prompt.
QUESTIONS = {
    "menu": ([], "Menu admin"),
    "import_file": (["Impor daftar RT"], "Kirim berkas"),
    "officials": (["Petugas"], "Petugas"),
    "official_name": (["Petugas", "Tambah petugas"], "Nama lengkap petugas"),
    "official_role": (["Petugas", "Tambah petugas", "Dewi", "0813 5550 0001"], "Perannya"),
    "rt_pick": (["Kode undangan"], "RT yang mana"),
    "invite_confirm": (["Kode undangan", "Simpang IV Sipin RT 1"], "kode undangan"),
    "budget_show": (["Anggaran RT", "Simpang IV Sipin RT 1"], "Ketik anggaran baru"),
    "broadcast_target": (["Siaran"], "untuk siapa"),
    "audit_log": (["Log audit"], "Log audit"),
    "audit_by_nik": (["Log audit", "Cari per NIK"], "Ketik NIK"),
    "outbox_status": (["Status pesan keluar"], "Pesan keluar"),
}
TAPPED = {"Impor daftar RT", "Petugas", "Tambah petugas", "Kode undangan", "Anggaran RT",
          "Siaran", "Log audit", "Cari per NIK", "Status pesan keluar"}  # fmt: skip


async def reach(admin: Chat, path: list[str]) -> None:
    await admin.says("/admin")
    for step in path:
        if step in TAPPED:
            await admin.taps(step)
        else:
            await admin.says(step)


async def where(chat: Chat) -> tuple[str, str]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        return conversation.dialog, conversation.step


async def written(app: App) -> tuple[int, int, int]:
    async with app.uow_factory() as uow:
        return (
            len(await uow.audit.recent(100)),
            sum((await uow.outbox.count_by_status()).values()),
            len(await uow.roles.officials()),
        )


@pytest.mark.parametrize("step", sorted(QUESTIONS))
async def test_every_question_stays_put_on_nonsense(
    app: App, admin: Chat, rt: SeededRt, step: str
) -> None:
    path, prompt = QUESTIONS[step]
    await reach(admin, path)
    assert await where(admin) == ("admin", step)
    before = await written(app)
    for answer in ("🙂🙂🙂", "x" * 5000, "??? 123"):
        await admin.says(answer)
        assert await where(admin) == ("admin", step), answer
        assert prompt.casefold() in admin.last.text.casefold(), answer
        assert len(admin.replies) >= 2, answer  # an explanation before the question
    await admin.taps_id("no-such-button")
    assert "tidak berlaku" in admin.text
    assert await where(admin) == ("admin", step)
    assert await written(app) == before


@pytest.mark.parametrize("step", sorted(set(QUESTIONS) - {"menu"}))
async def test_kembali_batal_and_menu_work_everywhere(
    app: App, admin: Chat, rt: SeededRt, step: str
) -> None:
    path, _ = QUESTIONS[step]
    await reach(admin, path)
    await admin.says("kembali")
    assert (await where(admin))[0] == "admin" and (await where(admin))[1] != step
    await reach(admin, path)
    await admin.says("batal")
    assert "Dibatalkan" in admin.text
    assert await where(admin) == ("menu", "main")
    await reach(admin, path)
    await admin.says("menu")
    assert await where(admin) == ("menu", "main")
