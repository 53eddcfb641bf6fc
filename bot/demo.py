"""Demo data: a few RTs with their chairs, a resident, an official and an admin, so
`kampung-bahagia demo` has somebody to be. Idempotent: running it twice adds nothing."""

from __future__ import annotations

from bot.channels.terminal import Persona
from bot.core.ports import UnitOfWork
from bot.domain.vocabulary import Role

# (kelurahan code, RT number, chair, chair's phone)
DEMO_RTS = (
    ("15.71.01.1001", 1, "Budi Santoso", "+6281200000001"),
    ("15.71.01.1001", 2, "Sri Wahyuni", "+6281200000002"),
    ("15.71.02.1004", 5, "Ahmad Fauzi", "+6281200000003"),
    ("15.71.03.1001", 3, "Rahmat Hidayat", "+6281200000004"),
)
PERSONAS = {
    "ketua-rt": Persona("ketua-rt", "demo-ketua-rt", "+6281200000001", "Budi Santoso"),
    "warga": Persona("warga", "demo-warga", "+6281300000001", "Siti Aminah"),
    "petugas": Persona("petugas", "demo-petugas", "+6281100000001", "Rina Marlina"),
    "admin": Persona("admin", "demo-admin", "+6281100000002", "Admin Kampung Bahagia"),
}


async def seed_demo(uow: UnitOfWork) -> None:
    for kelurahan, number, chair, phone in DEMO_RTS:
        if await uow.rts.find(kelurahan, number) is None:
            await uow.rts.add(
                kelurahan_code=kelurahan, number=number, chair_name=chair, chair_phone=phone
            )
    await uow.roles.grant(
        Role.PETUGAS, phone=PERSONAS["petugas"].phone, name="Rina Marlina (DPMPPA)"
    )
    await uow.roles.grant(Role.ADMIN, phone=PERSONAS["admin"].phone, name="Admin Kampung Bahagia")
    # Every persona has a chat already, so alerts reach the official before they speak.
    for persona in PERSONAS.values():
        account, _ = await uow.accounts.get_or_create("terminal", persona.chat_id, persona.name)
        await uow.accounts.set_phone(account, persona.phone)
    await uow.commit()
