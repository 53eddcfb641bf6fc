"""The message catalogue: Indonesian and English have the same keys with the same
placeholders, no text is empty, and every key the code asks for exists — literal keys in
`ctx.t("...")` / `texts.text(lang, "...")` calls (with exactly the placeholders the call
fills), step help keys, menu entry titles and the premium band names."""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from bot.core.dialog import Step
from handlers.catalogue import LANGUAGES, ZONE_FIELD, Catalogue
from handlers.registry import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("bot", "handlers")
INDONESIAN = LANGUAGES["id"]
ENGLISH = LANGUAGES["en"]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@dataclass(frozen=True)
class KeyUse:
    where: str
    key: str
    # The keyword arguments the call fills; None when they cannot be known (**values).
    values: frozenset[str] | None

    def __str__(self) -> str:
        return f"{self.where}: {self.key!r}"


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _key_of(call: ast.Call) -> str | None:
    """The literal key of `x.t("key")`, `t("key")`, `x.text(lang, "key")` or
    `Step(..., help="key")`; None for any other call."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name == "t" and call.args:
        return _literal(call.args[0])
    if name == "text" and len(call.args) >= 2:
        return _literal(call.args[1])
    if name == "Step":
        return next((_literal(k.value) for k in call.keywords if k.arg == "help"), None)
    return None


def keys_used_in(source: str, where: str) -> list[KeyUse]:
    uses = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        key = _key_of(node)
        if key is None:
            continue
        names = [k.arg for k in node.keywords]
        is_step = getattr(node.func, "id", getattr(node.func, "attr", None)) == "Step"
        values = None if None in names or is_step else frozenset(n for n in names if n)
        uses.append(KeyUse(f"{where}:{node.lineno}", key, values))
    return uses


def keys_used_in_code() -> list[KeyUse]:
    uses = []
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            uses.extend(keys_used_in(path.read_text(encoding="utf-8"), where))
    return uses


def test_both_languages_have_the_same_keys() -> None:
    assert sorted(INDONESIAN.keys() - ENGLISH.keys()) == [], "missing in English"
    assert sorted(ENGLISH.keys() - INDONESIAN.keys()) == [], "missing in Indonesian"


@pytest.mark.parametrize("key", sorted(INDONESIAN))
def test_placeholders_match_between_languages(key: str) -> None:
    assert placeholders(INDONESIAN[key]) == placeholders(ENGLISH.get(key, ""))


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_text_is_filled_in_and_formats(language: str) -> None:
    for key, template in LANGUAGES[language].items():
        assert template.strip(), f"{language}.{key} is empty"
        names = placeholders(template)
        assert "" not in names, f"{language}.{key} has a positional {{}} placeholder"
        template.format(**dict.fromkeys(names, "x"))  # no stray braces


def test_the_scan_finds_keys_in_the_code() -> None:
    # Guards against a scanner that silently finds nothing.
    keys = {use.key for use in keys_used_in_code()}
    assert {"too_long", "internal_error", "premium_result", "menu_title"} <= keys


def test_every_key_used_in_the_code_exists() -> None:
    missing = [str(use) for use in keys_used_in_code() if use.key not in INDONESIAN]
    assert missing == []


def test_every_call_fills_exactly_the_placeholders_of_its_text() -> None:
    # Catalogue.text formats only when values are given: a forgotten value would show a
    # raw "{name}" to the user, an extra one hides a typo.
    wrong = [
        f"{use} fills {sorted(use.values)}, text has {sorted(placeholders(INDONESIAN[use.key]))}"
        for use in keys_used_in_code()
        if use.values is not None
        and use.key in INDONESIAN
        and use.values != placeholders(INDONESIAN[use.key]) - {ZONE_FIELD}
    ]
    assert wrong == []


def test_the_zone_label_is_filled_by_the_catalogue() -> None:
    from bot.domain.dates import using_zone

    texts = Catalogue()
    assert "(WIB)" in texts.text("id", "accident_ask_when")
    with using_zone("Asia/Jayapura"):
        assert "(WIT)" in texts.text("id", "accident_ask_when")
        assert "07.00 WIT" in texts.text("id", "pref_name_daily_summary")


def test_step_help_default_exists() -> None:
    default = next(f.default for f in fields(Step) if f.name == "help")
    assert default in INDONESIAN


def test_menu_entry_titles_exist() -> None:
    entries = [d.entry for d in REGISTRY.dialogs.values() if d.entry is not None]
    titles = [entry.title for entry in entries] + ["menu_item_help"]
    assert [title for title in titles if title not in INDONESIAN] == []


def test_every_premium_band_has_a_name() -> None:
    assert all(f"band_{band}" in INDONESIAN for band in range(1, 6))


def test_unknown_language_falls_back_to_indonesian() -> None:
    texts = Catalogue()
    assert texts.text("jv", "menu_item_premium") == "Simulasi premi"
    assert texts.text("en", "too_long", limit=500) == ENGLISH["too_long"].format(limit=500)


def test_the_scanner_reads_keys_and_values() -> None:
    source = (
        'ctx.t("a", name=1)\n'
        't("b")\n'
        'self._texts.text("id", "c")\n'
        'Step(ask=a, handle=h, help="d")\n'
        'ctx.t(f"band_{n}")\n'
        'ctx.t("e", **values)\n'
        "reply.text.strip()\n"
    )
    found = [(u.key, u.values) for u in keys_used_in(source, "x.py")]
    assert found == [
        ("a", frozenset({"name"})),
        ("b", frozenset()),
        ("c", frozenset()),
        ("d", None),
        ("e", None),
    ]
