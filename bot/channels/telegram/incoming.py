"""What a Telegram update means for the conversation service.

`read_message` turns a message into an `IncomingMessage` — or into a notice the channel
answers itself without bothering the service (a contact that is not the sender's own, a
file too large, a sticker) — and `download` fetches a document it carries;
`read_callback` does the same for a button tap. Message ids are stable across
redeliveries, so the service drops a webhook retry or a re-polled update:
`<chat>:<message_id>` for messages (unique per chat forever, unlike update ids, which
Telegram may restart after a quiet week) and `cb:<id>` for button taps.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from telegram import Bot, CallbackQuery, Contact, Update
from telegram import Document as TelegramDocument
from telegram.error import TelegramError

from bot.core.messages import Address, Attachment, IncomingMessage, Location
from bot.domain.phone import PhoneError, normalise_phone

log = logging.getLogger(__name__)

CHANNEL = "telegram"
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

# What the channel says by itself (the engine never sees these updates).
ONLY_PRIVATE = (
    "Maaf, saya hanya melayani *chat pribadi*. Buka profil bot ini dan tekan *Kirim Pesan* "
    "untuk mendaftarkan kegiatan atau cek perlindungan."
)
CONTACT_NOT_OWN = (
    "Kontak itu bukan nomor akun Telegram Anda, jadi tidak bisa dipakai untuk mengenali "
    "Anda. Tekan tombol *Bagikan nomor HP* di bawah kolom ketik untuk membagikan nomor Anda "
    "sendiri, atau ketik kode undangan dari petugas."
)
CONTACT_UNUSABLE = (
    "Nomor HP akun Telegram Anda tidak bisa kami pakai (harus nomor HP yang valid). Ketik "
    "kode undangan dari petugas kelurahan, atau ketik *menu*."
)
DOCUMENT_TOO_LARGE = (
    "Berkas terlalu besar (maksimal 5 MB). Kirim berkas yang lebih kecil, misalnya CSV."
)
DOCUMENT_FAILED = "Berkas gagal diambil dari Telegram. Silakan kirim sekali lagi."
UNSUPPORTED = (
    "Maaf, saya hanya bisa membaca teks, tombol, kontak, lokasi, dan berkas dokumen. "
    "Ketik *menu* untuk melihat pilihan."
)

# "/start@KampungBahagiaBot KODE" → "/start KODE" (Telegram adds the name in groups
# and when a command is tapped in a message).
_ADDRESSED_COMMAND = re.compile(r"^(/\w+)@\w+")


@dataclass(frozen=True)
class Inbound:
    """An update read: a message for the service, or a notice to answer directly.
    `download` is a document still to be fetched before the message is complete."""

    message: IncomingMessage | None = None
    notice: str | None = None
    download: TelegramDocument | None = None


def strip_bot_name(text: str) -> str:
    return _ADDRESSED_COMMAND.sub(r"\1", text, count=1)


def verified_phone(contact: Contact, sender_id: int | None) -> str:
    """The E.164 number of a contact the sender shared of themselves, else PhoneError.
    Only a contact whose user_id is the sender's own proves the number (anyone can share
    someone else's card, and a typed number proves nothing)."""
    if contact.user_id is None or sender_id is None or contact.user_id != sender_id:
        raise PhoneError("not_own", "the contact is not the sender's own")
    digits = contact.phone_number.strip()
    # Telegram sends international numbers, usually without the "+".
    return normalise_phone(digits if digits.startswith("+") else f"+{digits}")


def read_callback(query: CallbackQuery, choice_id: str) -> IncomingMessage:
    """A tapped button; `choice_id` is already resolved from the callback_data. The
    button's title comes along as the text (what the user "said")."""
    title = ""
    message = query.message
    markup = getattr(message, "reply_markup", None)
    if markup is not None:
        for row in markup.inline_keyboard:
            for button in row:
                if button.callback_data == query.data:
                    title = button.text
    return IncomingMessage(
        address=Address(CHANNEL, str(message.chat.id) if message else str(query.from_user.id)),
        message_id=f"cb:{query.id}",
        text=title,
        choice_id=choice_id,
        sender_name=query.from_user.full_name,
    )


def read_message(update: Update) -> Inbound:
    """A message in a private chat."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return Inbound()
    sender = message.from_user
    base = IncomingMessage(
        address=Address(CHANNEL, str(update.effective_chat.id)),
        message_id=f"{update.effective_chat.id}:{message.message_id}",
        sender_name=sender.full_name if sender else "",
        received_at=message.date,
    )
    if message.text is not None:
        return Inbound(_with(base, text=strip_bot_name(message.text)))
    if message.contact is not None:
        try:
            phone = verified_phone(message.contact, sender.id if sender else None)
        except PhoneError as exc:
            return Inbound(notice=CONTACT_NOT_OWN if exc.reason == "not_own" else CONTACT_UNUSABLE)
        return Inbound(_with(base, phone=phone))
    if message.location is not None:
        venue = message.venue
        place = Location(
            message.location.latitude, message.location.longitude, venue.title if venue else ""
        )
        return Inbound(_with(base, location=place))
    if message.document is not None:
        size = message.document.file_size or 0
        if size > MAX_DOCUMENT_BYTES:
            return Inbound(notice=DOCUMENT_TOO_LARGE)
        return Inbound(_with(base, text=message.caption or ""), download=message.document)
    if message.caption:
        # A photo or video with words: the words are the message.
        return Inbound(_with(base, text=message.caption))
    return Inbound(notice=UNSUPPORTED)


def _with(base: IncomingMessage, **fields: object) -> IncomingMessage:
    return replace(base, **fields)  # type: ignore[arg-type]


async def download(bot: Bot, document: TelegramDocument) -> Attachment | None:
    """Fetch a document the user sent (getFile, then the file itself); None on failure."""
    try:
        file = await bot.get_file(document.file_id)
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        log.warning("telegram file not downloaded: %s: %s", type(exc).__name__, exc.message)
        return None
    if len(data) > MAX_DOCUMENT_BYTES:
        return None
    name = document.file_name or "berkas"
    return Attachment(name, document.mime_type or "application/octet-stream", data)
