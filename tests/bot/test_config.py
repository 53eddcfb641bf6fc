"""Settings: defaults < config.toml (from --config, KB_CONFIG or ./config.toml) <
`KB_` environment variables; secrets never shown; every wrong value becomes one
`ConfigError` line naming the key; config.example.toml loads and documents every key."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
from pydantic import BaseModel

from bot.config import ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "config.example.toml"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No KB_ variable of the developer's shell leaks in; ./ is an empty directory."""
    for name in list(os.environ):
        if name.startswith("KB_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problem(path: Path | None = None) -> str:
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    message = str(raised.value)
    assert "\n" not in message, "a configuration error is one line"
    return message


# --- where values come from ----------------------------------------------------------


def test_defaults_without_a_file() -> None:
    settings = load_settings()
    assert settings.database.url == "sqlite+aiosqlite:///data/kampung_bahagia.db"
    assert settings.program.timezone == "Asia/Jakarta"
    assert settings.program.default_rt_budget == 100_000_000
    assert settings.program.premium_rounding == "half_up"
    assert (settings.web.host, settings.web.port) == ("127.0.0.1", 8080)
    assert settings.telegram.token is None
    assert settings.security.secret_key is None


def test_values_from_the_toml_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mine.toml",
        '[database]\nurl = "postgresql+asyncpg://bot@db/kb"\n'
        "[program]\nmax_participants = 50\n"
        '[whatsapp.templates]\naccident_alert = { name = "kb_alert", language = "id" }\n',
    )
    settings = load_settings(path)
    assert settings.database.url == "postgresql+asyncpg://bot@db/kb"
    assert settings.program.max_participants == 50
    assert settings.program.max_activity_days == 184  # untouched keys keep their default
    (template,) = settings.whatsapp.templates.values()
    assert (template.name, template.language, template.params) == ("kb_alert", "id", None)


def test_the_environment_overrides_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "c.toml", "[program]\nmax_participants = 50\nmax_activity_days = 30\n")
    monkeypatch.setenv("KB_PROGRAM__MAX_PARTICIPANTS", "70")
    settings = load_settings(path)
    assert settings.program.max_participants == 70
    assert settings.program.max_activity_days == 30


def test_kb_config_picks_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "config.toml", "[web]\nport = 1111\n")
    elsewhere = write(tmp_path / "elsewhere.toml", "[web]\nport = 2222\n")
    monkeypatch.setenv("KB_CONFIG", str(elsewhere))
    assert load_settings().web.port == 2222


def test_config_toml_in_the_working_directory_is_read(tmp_path: Path) -> None:
    write(tmp_path / "config.toml", "[web]\nport = 1111\n")
    assert load_settings().web.port == 1111


def test_the_path_given_on_the_command_line_wins_over_kb_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KB_CONFIG", str(write(tmp_path / "env.toml", "[web]\nport = 2222\n")))
    assert load_settings(write(tmp_path / "cli.toml", "[web]\nport = 3333\n")).web.port == 3333


def test_a_secret_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_TELEGRAM__TOKEN", "123456:super-secret-token")
    monkeypatch.setenv("KB_SECURITY__SECRET_KEY", "my-nik-key")
    settings = load_settings()
    assert settings.telegram.token is not None
    assert settings.telegram.token.get_secret_value() == "123456:super-secret-token"
    for shown in (repr(settings), str(settings), repr(settings.telegram)):
        assert "super-secret-token" not in shown
        assert "my-nik-key" not in shown


# --- wrong values: one line naming the key -------------------------------------------


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[program]\nmax_participants = "abc"\n', "program.max_participants"),
        ("[program]\nmax_participants = 0\n", "program.max_participants"),
        ('[database]\nurl = "mysql://root@localhost/kb"\n', "database.url"),
        ('[program]\ntimezone = "Mars/Olympus"\n', "program.timezone"),
        ('[program]\npremium_rounding = "banker"\n', "program.premium_rounding"),
        ("[web]\nport = 70000\n", "web.port"),
        ("[unknown_section]\nkey = 1\n", "unknown_section"),
    ],
)
def test_a_wrong_value_in_the_file_names_the_key(tmp_path: Path, toml: str, key: str) -> None:
    message = problem(write(tmp_path / "c.toml", toml))
    assert re.search(rf"\b{re.escape(key)}\b", message), message


def test_a_mistyped_key_inside_a_section_is_refused(tmp_path: Path) -> None:
    message = problem(write(tmp_path / "c.toml", "[program]\nmax_participant = 50\n"))
    assert "program.max_participant" in message
    assert "unknown" in message


def test_a_mistyped_environment_variable_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_PROGRAM__MAX_PARTICIPANT", "50")
    assert "program.max_participant" in problem()


def test_a_wrong_secret_is_not_echoed(tmp_path: Path) -> None:
    message = problem(write(tmp_path / "c.toml", "[telegram]\ntoken = 987654321\n"))
    assert "telegram.token" in message
    assert "987654321" not in message


def test_a_wrong_value_from_the_environment_names_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KB_PROGRAM__MAX_PARTICIPANTS", "abc")
    message = problem()
    assert "program.max_participants" in message
    assert "'abc'" in message


def test_the_description_says_what_was_expected(tmp_path: Path) -> None:
    message = problem(write(tmp_path / "c.toml", '[database]\nurl = "mysql://x"\n'))
    assert "sqlite+aiosqlite://" in message and "postgresql+asyncpg://" in message


def test_an_invalid_toml_file(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.toml", "[program\nmax_participants = 5\n")
    message = problem(path)
    assert "broken.toml" in message and "TOML" in message


def test_a_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "missing.toml" in problem(tmp_path / "missing.toml")
    monkeypatch.setenv("KB_CONFIG", "also-missing.toml")
    assert "also-missing.toml" in problem()


# --- config.example.toml -------------------------------------------------------------


def test_the_example_loads_and_states_the_real_defaults() -> None:
    example = load_settings(EXAMPLE).model_dump()
    defaults = Settings().model_dump()
    # The example lists the templates to submit to Meta; the default has none.
    templates = example["whatsapp"].pop("templates")
    defaults["whatsapp"].pop("templates")
    assert example == defaults
    assert templates["notice"] == {"name": "kb_pemberitahuan", "language": "id", "params": 1}


def test_a_wrong_template_names_its_key(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[whatsapp.templates]\nnotice = { language = "id" }\n')
    assert "whatsapp.templates.notice.name" in problem(path)


def setting_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    keys = []
    for name, field in model.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            keys.extend(setting_keys(kind, f"{prefix}{name}."))
        else:
            keys.append(prefix + name)
    return keys


def documented_keys(text: str) -> set[str]:
    """Keys of the example, active or commented out (`# token = "..."`), with their
    section; a `[section.sub]` table documents the key `section.sub`."""
    keys: set[str] = set()
    section = ""
    for line in text.splitlines():
        header = re.fullmatch(r"\s*\[([\w.]+)\]\s*", line)
        if header:
            section = header.group(1)
            keys.add(section)
            continue
        key = re.match(r"\s*#?\s*(\w+)\s*=", line)
        if key and section:
            keys.add(f"{section}.{key.group(1)}")
    return keys


def test_the_example_documents_every_setting() -> None:
    keys = setting_keys(Settings)
    assert "program.max_participants" in keys and "security.secret_key" in keys
    missing = [key for key in keys if key not in documented_keys(EXAMPLE.read_text("utf-8"))]
    assert missing == []


def test_the_example_keeps_secrets_out() -> None:
    example = tomllib.loads(EXAMPLE.read_text("utf-8"))
    assert "token" not in example.get("telegram", {})
    assert "secret_key" not in example.get("security", {})
    assert not {"access_token", "app_secret", "verify_token"} & example.get("whatsapp", {}).keys()
