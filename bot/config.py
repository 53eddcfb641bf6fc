"""Settings: defaults < the TOML file < `KB_`-prefixed environment variables.

`load_settings()` is the only way in; a wrong value becomes one `ConfigError` line that
names the key, which the command line prints before exiting with code 2.
"""

from __future__ import annotations

import os
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_CONFIG_FILE = Path("config.toml")
# Never echoed in an error message, whatever was typed.
SECRET_KEYS = {
    "token",
    "webhook_secret",
    "access_token",
    "app_secret",
    "verify_token",
    "secret_key",
    "previous_keys",
}


class ConfigError(Exception):
    """A setting has a wrong value; the message names the key and what was expected."""


class Section(BaseModel):
    # A mistyped key is an error, not a silently ignored line.
    model_config = ConfigDict(extra="forbid")


class DatabaseSettings(Section):
    url: str = "sqlite+aiosqlite:///data/kampung_bahagia.db"
    echo: bool = False

    @field_validator("url")
    @classmethod
    def _supported(cls, url: str) -> str:
        if not url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("expected a sqlite+aiosqlite:// or postgresql+asyncpg:// URL")
        return url


class TelegramSettings(Section):
    token: SecretStr | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    api_base_url: str = "https://api.telegram.org/bot"
    api_file_base_url: str = "https://api.telegram.org/file/bot"


class WhatsAppTemplate(Section):
    """An approved template: its name in WhatsApp Manager, language, and how many {{n}}
    parameters its body has (checked before sending)."""

    name: str = Field(min_length=1, max_length=512)
    language: str = "id"
    params: int | None = Field(default=None, ge=0, le=20)


class WhatsAppSettings(Section):
    api_base_url: str = "https://graph.facebook.com"
    api_version: str = "v21.0"
    phone_number_id: str | None = None
    access_token: SecretStr | None = None
    app_secret: SecretStr | None = None
    verify_token: SecretStr | None = None
    messages_per_second: int = Field(default=80, ge=1, le=1000)
    templates: dict[str, WhatsAppTemplate] = Field(default_factory=dict)


class WebSettings(Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)


class ProgramSettings(Section):
    timezone: str = "Asia/Jakarta"
    default_rt_budget: int = Field(default=100_000_000, ge=0)
    max_activity_days: int = Field(default=184, ge=1, le=3660)
    max_participants: int = Field(default=200, ge=1, le=10_000)
    premium_rounding: Literal["half_up", "half_even", "up", "down"] = "half_up"
    nik_lookups_per_hour: int = Field(default=5, ge=1, le=1000)
    # A Ketua RT's look-ups of NIKs first registered outside his RT, per rolling hour.
    chair_nik_lookups_per_hour: int = Field(default=30, ge=1, le=10_000)
    # Accident reports one resident or unknown chat may send per rolling hour (a Ketua RT
    # reporting on his RT and officials are not limited).
    accident_reports_per_hour: int = Field(default=3, ge=1, le=1000)
    # Messages one chat may send per minute before the bot pauses it (bot/domain/inbound.py).
    messages_per_minute: int = Field(default=30, ge=1, le=10_000)
    invite_valid_days: int = Field(default=7, ge=1, le=365)
    default_language: Literal["id", "en"] = "id"
    # DOMAIN.md §2: the value the premium schedule is applied to. "as_entered" (default) or
    # "excluding_ppn": a value entered with PPN is divided by 1 + ppn_rate first.
    premium_basis: Literal["as_entered", "excluding_ppn"] = "as_entered"
    # PPN (VAT) rate as a fraction: 0.11 is 11 %.
    ppn_rate: Decimal = Field(default=Decimal("0.11"), ge=0, le=1)
    # Who to call when the bot cannot help, added to every Bantuan answer; empty: none
    # is shown (never a made-up number).
    helpdesk: str = Field(default="", max_length=200)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("expected an IANA time zone such as Asia/Jakarta") from exc
        return name


class RetentionSettings(Section):
    """How long personal data is kept (UU 27/2022; the Pemkot archive rules may set other
    periods): the retention job (bot/workers/jobs/retention.py) enforces these daily."""

    # A person none of whose activities ended (and no accident happened to) in this many
    # days is anonymised (name, NIK, phone, exact birth date gone; the insurance records
    # stay as anonymous rows), or deleted when nothing refers to them.
    person_inactive_days: int = Field(default=1825, ge=30, le=36500)
    # After an approved erasure request, the records insurance claims need (participations
    # in confirmed activities, accident reports) are kept this many days, then anonymised.
    claims_kept_days: int = Field(default=1825, ge=0, le=36500)
    # A conversation (where a chat stands in a dialog, its last text) idle this long is
    # deleted; the next message starts at the menu.
    conversation_idle_days: int = Field(default=30, ge=1, le=3650)
    # The content of outbox messages sent this many days ago is dropped (the row, its
    # status and times stay for delivery statistics).
    outbox_sent_days: int = Field(default=30, ge=1, le=3650)
    # Audit events older than this keep who, what action, whose and when; their details
    # (old → new values, search words) are dropped.
    audit_detail_days: int = Field(default=365, ge=30, le=36500)


class WorkersSettings(Section):
    """The background work of `serve` (bot/workers), the same in every worker process."""

    # Seconds between scheduler rounds (reminders, alerts, daily jobs). With several
    # workers one of them runs each round (a PostgreSQL advisory lock).
    scheduler_interval_seconds: float = Field(default=30.0, ge=1.0, le=3600.0)
    # The outbox sends a reply itself when the worker that took the message, still alive,
    # has not confirmed sending it this many seconds after the commit (its send failed).
    # Longer than a turn's replies take to go out. A dead worker's replies go at once
    # with the chat's next message, or 5 s later by the outbox.
    reply_grace_seconds: float = Field(default=60.0, ge=1.0, le=3600.0)


class SecuritySettings(Section):
    # Encrypts NIKs at rest. Required outside the demo; give it through the environment
    # (KB_SECURITY__SECRET_KEY) or an untracked config file, never in the repository.
    secret_key: SecretStr | None = None
    # Retired keys, kept only while `kampung-bahagia keys rotate` moves the data to
    # secret_key: NIKs they encrypted still decrypt and are still found. Remove them once
    # `keys status` shows no row on them. Environment: KB_SECURITY__PREVIOUS_KEYS='["…"]'.
    previous_keys: list[SecretStr] = Field(default_factory=list, max_length=5)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KB_", env_nested_delimiter="__", extra="forbid", toml_file=None
    )

    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    telegram: TelegramSettings = Field(default_factory=TelegramSettings)
    whatsapp: WhatsAppSettings = Field(default_factory=WhatsAppSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    program: ProgramSettings = Field(default_factory=ProgramSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    workers: WorkersSettings = Field(default_factory=WorkersSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Earlier sources win: explicit arguments, then the environment, then the file.
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings. `path` is the TOML file (`--config` or `KB_CONFIG`); without
    one, ./config.toml is used when it exists."""
    if path is None and os.environ.get("KB_CONFIG"):
        path = Path(os.environ["KB_CONFIG"])
    if path is None and DEFAULT_CONFIG_FILE.is_file():
        path = DEFAULT_CONFIG_FILE
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"config file {path} not found")
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc

    class FileSettings(Settings):
        model_config = SettingsConfigDict(toml_file=path)

    try:
        return FileSettings()
    except ValidationError as exc:
        raise ConfigError(_first_problem(exc)) from None


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"])
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown setting"
    value = error.get("input")
    # Any part: an item of previous_keys is located as (..., "previous_keys", 0).
    secret = any(part in SECRET_KEYS for part in error["loc"])
    hidden = secret or isinstance(value, dict | SecretStr) or value is None
    shown = "" if hidden else f" (got {value!r})"
    return f"setting {key}: {message}{shown}"
