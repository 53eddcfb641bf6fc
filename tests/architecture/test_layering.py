"""The import rules of DESIGN.md §3, checked on the source: every `import` and
`from ... import` anywhere in a module (top level, inside functions, under
TYPE_CHECKING) and every `importlib.import_module("...")` / `__import__("...")` with a
literal name. A failure lists every violation as file:line."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers", "storage")

CHANNEL_LIBRARIES = ("telegram", "pywa", "httpx", "starlette", "uvicorn")
SQL_LIBRARIES = ("sqlalchemy", "alembic", "aiosqlite", "asyncpg")
# Only the composition root and the command line wire storage and handlers together
# (benchmarks/ and tests/ are outside the scanned packages).
COMPOSITION = ("bot/app.py", "bot/cli.py")


@dataclass(frozen=True)
class Import:
    file: str  # relative to the repository, with forward slashes
    line: int
    module: str  # absolute dotted name, e.g. "storage.uow" or "bot.domain.money.parse_rupiah"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.module}"


def _package_of(relative: Path) -> list[str]:
    """The package a relative import starts from: bot/domain/x.py and
    bot/domain/__init__.py are both in bot.domain."""
    return list(relative.parent.parts)


def _resolve(node: ast.ImportFrom, package: list[str]) -> str:
    if not node.level:
        return node.module or ""
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(source: str, relative: Path) -> Iterator[Import]:
    """Every module a source file imports, as absolute dotted names with line numbers."""
    file = relative.as_posix()
    package = _package_of(relative)
    for node in ast.walk(ast.parse(source, filename=file)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(file, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            module = _resolve(node, package)
            for alias in node.names:
                # `from storage import uow` imports storage.uow: keep the name too.
                yield Import(file, node.lineno, f"{module}.{alias.name}".lstrip("."))
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield Import(file, node.lineno, first.value)


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def all_imports() -> list[Import]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            found.extend(imports_of(path.read_text(encoding="utf-8"), relative))
    return found


def within(module: str, *roots: str) -> bool:
    return any(module == root or module.startswith(root + ".") for root in roots)


def is_stdlib(module: str) -> bool:
    top = module.split(".")[0]
    return top == "__future__" or top in sys.stdlib_module_names


@dataclass(frozen=True)
class Rule:
    name: str
    applies_to: Callable[[str], bool]
    forbidden: Callable[[Import], bool]


def _in(*prefixes: str) -> Callable[[str], bool]:
    return lambda file: any(file == p or file.startswith(p.rstrip("/") + "/") for p in prefixes)


RULES = (
    Rule(
        "domain rules and message types import only the standard library and bot.domain",
        _in("bot/domain/", "bot/core/messages.py"),
        lambda i: not (is_stdlib(i.module) or within(i.module, "bot.domain")),
    ),
    Rule(
        "handlers never import storage, SQL or channel libraries",
        _in("handlers/"),
        lambda i: within(i.module, "storage", *SQL_LIBRARIES, *CHANNEL_LIBRARIES),
    ),
    Rule(
        "channel adapters never import handlers or storage",
        _in("bot/channels/"),
        lambda i: within(i.module, "handlers", "storage", *SQL_LIBRARIES),
    ),
    Rule(
        "the engine, service and identity never import storage, handlers, SQL or channels",
        _in("bot/core/"),
        lambda i: within(i.module, "storage", "handlers", *SQL_LIBRARIES, *CHANNEL_LIBRARIES),
    ),
)


def _order(item: Import) -> tuple[str, int, str]:
    return item.file, item.line, item.module


def violations(rule: Rule, imports: list[Import]) -> list[str]:
    found = [i for i in imports if rule.applies_to(i.file) and rule.forbidden(i)]
    return [str(i) for i in sorted(found, key=_order)]


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    return all_imports()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_import_rule(rule: Rule, imports: list[Import]) -> None:
    checked = {i.file for i in imports if rule.applies_to(i.file)}
    assert checked, f"no file is subject to: {rule.name}"
    found = violations(rule, imports)
    assert not found, f"{rule.name}:\n" + "\n".join(found)


def layer_mixing(imports: list[Import]) -> list[str]:
    """Imports of storage or handlers by a module that ends up using both layers."""
    by_file: dict[str, list[Import]] = {}
    for item in imports:
        by_file.setdefault(item.file, []).append(item)
    found = []
    for file, items in by_file.items():
        # A module of storage/ (or handlers/) belongs to that layer already.
        touches_storage = file.startswith("storage/") or any(
            within(i.module, "storage") for i in items
        )
        touches_handlers = file.startswith("handlers/") or any(
            within(i.module, "handlers") for i in items
        )
        if touches_storage and touches_handlers and file not in COMPOSITION:
            found.extend(i for i in items if within(i.module, "storage", "handlers"))
    return [str(i) for i in sorted(found, key=_order)]


def test_only_the_composition_root_and_cli_import_storage_and_handlers(
    imports: list[Import],
) -> None:
    found = layer_mixing(imports)
    assert not found, "only bot/app.py and bot/cli.py may import storage and handlers:\n" + (
        "\n".join(found)
    )


# --- the scanner itself ------------------------------------------------------------

SNEAKY = """
from __future__ import annotations
from typing import TYPE_CHECKING
import bot.domain.money
from . import money
from ..engine import Context
if TYPE_CHECKING:
    from storage.uow import UnitOfWork

def later():
    import sqlalchemy
    from telegram import Bot

def dynamic():
    import importlib
    return importlib.import_module("storage.models"), __import__("httpx")
"""


def test_the_scanner_sees_every_kind_of_import() -> None:
    found = [(i.line, i.module) for i in imports_of(SNEAKY, Path("bot/domain/sneaky.py"))]
    assert sorted(found) == [
        (2, "__future__.annotations"),
        (3, "typing.TYPE_CHECKING"),
        (4, "bot.domain.money"),
        (5, "bot.domain.money"),
        (6, "bot.engine.Context"),
        (8, "storage.uow.UnitOfWork"),
        (11, "sqlalchemy"),
        (12, "telegram.Bot"),
        (15, "importlib"),
        (16, "httpx"),
        (16, "storage.models"),
    ]


def test_a_violation_is_reported_with_file_and_line() -> None:
    imports = list(imports_of(SNEAKY, Path("bot/domain/sneaky.py")))
    assert violations(RULES[0], imports) == [
        "bot/domain/sneaky.py:6: bot.engine.Context",
        "bot/domain/sneaky.py:8: storage.uow.UnitOfWork",
        "bot/domain/sneaky.py:11: sqlalchemy",
        "bot/domain/sneaky.py:12: telegram.Bot",
        "bot/domain/sneaky.py:16: httpx",
        "bot/domain/sneaky.py:16: storage.models",
    ]


def test_mixing_storage_and_handlers_is_reported_outside_the_composition_root() -> None:
    imports = [
        Import("bot/app.py", 20, "handlers.registry.all_dialogs"),
        Import("bot/app.py", 21, "storage.migrate"),
        Import("bot/worker.py", 5, "handlers.catalogue.Catalogue"),
        Import("bot/worker.py", 9, "storage.uow.UnitOfWorkFactory"),
        Import("storage/outbox.py", 3, "handlers.catalogue.Catalogue"),
        Import("storage/uow.py", 3, "storage.models"),
    ]
    assert layer_mixing(imports) == [
        "bot/worker.py:5: handlers.catalogue.Catalogue",
        "bot/worker.py:9: storage.uow.UnitOfWorkFactory",
        "storage/outbox.py:3: handlers.catalogue.Catalogue",
    ]
