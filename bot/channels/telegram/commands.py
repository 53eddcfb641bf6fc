"""The bot's command menu on Telegram (setMyCommands), in Indonesian.

Navigation commands always; the others only when this build has their dialog, which
the composition root knows (it passes the registered commands), not the channel.
"""

from __future__ import annotations

from collections.abc import Iterable

from telegram import BotCommand

NAVIGATION = ("/menu", "/batal", "/bantuan")
DESCRIPTIONS = {
    "/menu": "Menu utama",
    "/batal": "Batalkan yang sedang diisi",
    "/bantuan": "Bantuan untuk pertanyaan ini",
    "/daftar": "Daftarkan kegiatan (Ketua RT)",
    "/kegiatan": "Kegiatan RT saya",
    "/cek": "Cek perlindungan BPJS saya",
    "/lapor": "Lapor kecelakaan kerja",
    "/premi": "Hitung premi BPJS Jakon",
    "/manfaat": "Info manfaat JKK dan JKM",
    "/datasaya": "Data saya",
    "/ringkasan": "Ringkasan dan statistik (petugas)",
    "/kegiatanrt": "Kegiatan per RT (petugas)",
    "/ekspor": "Ekspor data untuk BPJS (petugas)",
    "/insiden": "Insiden kecelakaan (petugas)",
    "/peringatan": "Pengaturan peringatan (petugas)",
    "/admin": "Perintah admin",
}


def command_menu(commands: Iterable[str]) -> list[BotCommand]:
    """Navigation first, then `commands` in their order; /start and commands without a
    description here stay out of the menu (they still work when typed)."""
    wanted = [*NAVIGATION, *(c for c in commands if c not in NAVIGATION)]
    return [BotCommand(c.lstrip("/"), DESCRIPTIONS[c]) for c in wanted if c in DESCRIPTIONS]
