"""The composition root: the one place that builds everything and wires it together.

Channels, the command line, tests and benchmarks all get a ready `App` from `build_app`
and never construct storage or services themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import ConfigError, Settings
from bot.core import ports
from bot.core.engine import DialogEngine
from bot.core.private_files import make_private_dir, write_private
from bot.core.service import ConversationService
from bot.core.worker import THIS_WORKER
from bot.domain.regions import load_wilayah
from bot.workers.scheduler import Scheduler
from handlers.catalogue import Catalogue
from handlers.registry import REGISTRY
from storage import migrate
from storage.database import Database
from storage.key_check import KeyMismatch, ensure_key_matches
from storage.leadership import Leadership
from storage.nik_vault import NikVault
from storage.send_pace import SharedPace
from storage.uow import StaleConversation, UnitOfWorkFactory, connection_lost

if TYPE_CHECKING:
    # Only for the annotation: the channel libraries load when a channel is configured.
    from bot.channels.base import Channel

log = logging.getLogger(__name__)


def build_channels(app: App) -> list[Channel]:
    """The channels the settings enable: Telegram with a token; WhatsApp with a phone
    number id and an access token. On PostgreSQL (several workers) their send pace is
    shared by all workers; on SQLite (one process) each keeps its own."""
    channels: list[Channel] = []
    settings = app.settings
    pace = None if app.database.is_sqlite else SharedPace(app.database)
    if settings.telegram.token is not None:
        from bot.channels.telegram.channel import TelegramChannel

        commands = REGISTRY.telegram_commands(app.texts)
        channels.append(
            TelegramChannel(settings.telegram, app.service.handle, commands=commands, pace=pace)
        )
    whatsapp = settings.whatsapp
    if whatsapp.phone_number_id and whatsapp.access_token is not None:
        from bot.channels.whatsapp.channel import WhatsAppChannel
        from bot.workers.delivery_status import OutboxStatusRecorder

        recorder = OutboxStatusRecorder(app.uow_factory, app.service.clock)
        channels.append(
            WhatsAppChannel(
                whatsapp,
                app.service.handle,
                status_sink=recorder,
                clock=app.service.clock,
                pace=pace,
            )
        )
    return channels


@dataclass
class App:
    settings: Settings
    database: Database
    uow_factory: UnitOfWorkFactory
    service: ConversationService
    texts: Catalogue
    scheduler: Scheduler

    async def close(self) -> None:
        await self.database.dispose()


def secret_key(settings: Settings, demo_key_file: Path | None = None) -> str:
    """The NIK encryption key: from the settings, or (demo only) kept in a local file."""
    if settings.security.secret_key is not None:
        key = settings.security.secret_key.get_secret_value()
        weakness = NikVault.weakness(key)
        if weakness is not None:
            raise ConfigError(
                f"setting security.secret_key: {weakness}; generate one with "
                "`kampung-bahagia keygen`"
            )
        return key
    if demo_key_file is None:
        raise ConfigError(
            "setting security.secret_key: required (set KB_SECURITY__SECRET_KEY; "
            "generate one with `kampung-bahagia keygen`)"
        )
    if not demo_key_file.exists():
        make_private_dir(demo_key_file.parent)
        write_private(demo_key_file, NikVault.generate_key().encode("ascii"))
        log.warning(
            "demo: generated a NIK encryption key in %s (not for production)", demo_key_file
        )
    return demo_key_file.read_text(encoding="ascii").strip()


def previous_keys(settings: Settings) -> list[str]:
    """The retired keys of a key rotation (security.previous_keys), each checked like
    the current one."""
    keys = [key.get_secret_value() for key in settings.security.previous_keys]
    for number, key in enumerate(keys, start=1):
        weakness = NikVault.weakness(key)
        if weakness is not None:
            raise ConfigError(f"setting security.previous_keys #{number}: {weakness}")
    return keys


async def build_app(
    settings: Settings,
    key: str,
    *,
    upgrade: bool = True,
    clock: Callable[[], datetime] | None = None,
    database: Database | None = None,
    worker_id: int = THIS_WORKER,
) -> App:
    """Connect to the database (migrating it to the latest schema unless told not to),
    load the regions, and build the conversation service."""
    database = database or Database(settings.database.url)
    vault = NikVault(key, previous_keys(settings))
    storage_factory = UnitOfWorkFactory(
        database.sessionmaker,
        vault,
        serialize=database.is_sqlite,
        single_statements=database.single_statements,
    )
    # Where storage meets the ports: this annotation makes the type checker prove that the
    # factory, its unit of work, every repository and every row satisfy bot.core.ports.
    uow_factory: ports.UnitOfWorkFactory = storage_factory
    # Workers started together take turns: one migrates, stores the key check and seeds;
    # the others then find it done.
    async with database.setup_lock():
        if upgrade:
            await migrate.upgrade(database)
        try:
            await ensure_key_matches(database, vault)
        except KeyMismatch as exc:
            raise ConfigError(
                f"setting security.secret_key: not the key of this database ({exc}); "
                "start with the key the data was encrypted with"
            ) from None
        async with uow_factory() as uow:
            kecamatan, kelurahan = load_wilayah()
            await uow.regions.seed(kecamatan, kelurahan)
            await uow.commit()
    catalogue = Catalogue(helpdesk=settings.program.helpdesk)
    texts: ports.Texts = catalogue
    service = ConversationService(
        uow_factory,
        DialogEngine(
            REGISTRY.dialogs,
            REGISTRY.commands,
            fingerprint=vault.text_digest,
            recognises=vault.text_matches,
        ),
        settings,
        texts,
        frozenset(REGISTRY.dialogs),
        stale_error=StaleConversation,
        connection_lost=connection_lost,
        clock=clock,
        worker_id=worker_id,
    )
    scheduler = Scheduler(uow_factory, service.clock, settings, texts, Leadership(database))
    return App(settings, database, storage_factory, service, catalogue, scheduler)
