"""The audit log speaks Indonesian: every action the code records (a literal or a module
constant passed to the audit trail, and each tracked change `activity_<kind>`) has a
description in the admin's texts, in both languages."""

from __future__ import annotations

import ast
from pathlib import Path

from handlers.admin.audit import ACTIONS
from handlers.catalogue import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]
RECORDERS = {"record", "audit", "_audit"}


def recorded_actions() -> set[str]:
    """The action names passed (as a literal or a module constant) to the audit trail."""
    found: set[str] = set()
    for package in ("bot", "handlers", "storage"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = {
                target.id: node.value.value
                for node in ast.walk(tree)
                if isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                arguments = [kw.value for kw in node.keywords if kw.arg == "action"]
                if name in RECORDERS and node.args:
                    # audit(ctx, action, ...) and _audit(uow, action, ...) take it second.
                    arguments.append(
                        node.args[1] if name != "record" and len(node.args) > 1 else node.args[0]
                    )
                if name == "track" and len(node.args) > 2:
                    # lifecycle.track(uow, activity, kind, ...) records "activity_<kind>".
                    kind = node.args[2]
                    if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                        found.add(f"activity_{kind.value}")
                for argument in arguments:
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        found.add(argument.value)
                    elif isinstance(argument, ast.Name) and argument.id in constants:
                        found.add(constants[argument.id])
    return {action for action in found if action.islower() and " " not in action}


def test_every_recorded_action_has_an_indonesian_description() -> None:
    actions = recorded_actions()
    assert {
        "nik_lookup",
        "correction_requested",
        "incident_closed",
        "activity_cancelled",
    } <= actions
    missing = sorted(a for a in actions if a not in ACTIONS and a != "store_true")
    assert missing == []
    for key in ACTIONS.values():
        assert key in LANGUAGES["id"] and key in LANGUAGES["en"]
