"""storage/ satisfies bot.core.ports, checked at runtime.

mypy proves the types where the composition root assigns storage's factory to the port
(bot/app.py). This test needs no type checker: every member a port declares exists on the
storage class that stands behind it, with the same parameters, and every row attribute a
port declares is a column of its model (or of the export query)."""

from __future__ import annotations

import functools
import inspect
from datetime import date
from typing import Any

import pytest

from bot.core import ports
from bot.domain.scope import Scope
from storage import models
from storage import repositories as repos
from storage.repositories import exports
from storage.uow import UnitOfWork, UnitOfWorkFactory

# The unit of work's attribute, its port and the storage class behind it.
REPOSITORIES: tuple[tuple[str, type, type], ...] = (
    ("regions", ports.RegionRepository, repos.RegionRepository),
    ("rts", ports.RtRepository, repos.RtRepository),
    ("accounts", ports.AccountRepository, repos.AccountRepository),
    ("roles", ports.RoleRepository, repos.RoleRepository),
    ("invites", ports.InviteRepository, repos.InviteRepository),
    ("conversations", ports.ConversationRepository, repos.ConversationRepository),
    ("processed", ports.ProcessedMessageRepository, repos.ProcessedMessageRepository),
    ("outbox", ports.OutboxRepository, repos.OutboxRepository),
    ("audit", ports.AuditRepository, repos.AuditRepository),
    ("persons", ports.PersonRepository, repos.PersonRepository),
    ("activities", ports.ActivityRepository, repos.ActivityRepository),
    ("participations", ports.ParticipationRepository, repos.ParticipationRepository),
    ("incidents", ports.IncidentRepository, repos.IncidentRepository),
    ("preferences", ports.AlertPreferenceRepository, repos.AlertPreferenceRepository),
    ("corrections", ports.CorrectionRepository, repos.CorrectionRepository),
    ("statistics", ports.StatisticsRepository, repos.StatisticsRepository),
    ("exports", ports.ExportRepository, repos.ExportRepository),
    ("consents", ports.ConsentRepository, repos.ConsentRepository),
    ("erasures", ports.ErasureRepository, repos.ErasureRepository),
    ("retention", ports.RetentionRepository, repos.RetentionRepository),
)
ROWS: tuple[tuple[type, type], ...] = (
    (ports.Kecamatan, models.Kecamatan),
    (ports.Kelurahan, models.Kelurahan),
    (ports.Rt, models.Rt),
    (ports.RtBudget, models.RtBudget),
    (ports.Account, models.Account),
    (ports.AccountRow, models.Account),
    (ports.ConversationRow, models.Conversation),
    (ports.Role, models.Role),
    (ports.Invite, models.Invite),
    (ports.Activity, models.Activity),
    (ports.ActivityChange, models.ActivityChange),
    (ports.Person, models.Person),
    (ports.Participation, models.Participation),
    (ports.Incident, models.Incident),
    (ports.Conversation, models.Conversation),
    (ports.OutboxMessage, models.OutboxMessage),
    (ports.AuditEvent, models.AuditEvent),
    (ports.AlertPreference, models.AlertPreference),
    (ports.CorrectionRequest, models.CorrectionRequest),
    (ports.Consent, models.Consent),
    (ports.ErasureRequest, models.ErasureRequest),
)


def methods(protocol: type) -> dict[str, Any]:
    return {
        name: value
        for name, value in vars(protocol).items()
        if not name.startswith("_") and inspect.isfunction(value)
    }


def attributes(protocol: type) -> set[str]:
    """Plain attributes and read-only properties a protocol declares."""
    properties = {n for n, v in vars(protocol).items() if isinstance(v, property)}
    return properties | set(vars(protocol).get("__annotations__", {}))


def parameters(function: Any) -> list[tuple[str, Any, bool]]:
    """(name, kind, has a default) of every parameter: what a caller relies on."""
    return [
        (p.name, p.kind, p.default is not inspect.Parameter.empty)
        for p in inspect.signature(function).parameters.values()
    ]


@pytest.mark.parametrize(("name", "port", "implementation"), REPOSITORIES, ids=lambda x: x)
def test_every_port_method_exists_with_the_same_parameters(
    name: str, port: type, implementation: type
) -> None:
    declared = methods(port)
    assert declared, f"{port.__name__} declares no method"
    for method, signature in declared.items():
        found = getattr(implementation, method, None)
        assert found is not None, f"{implementation.__name__}.{method} is missing"
        assert parameters(found) == parameters(signature), f"{name}.{method}"
        # An async port method is awaited: storage's must be a coroutine function too.
        assert inspect.iscoroutinefunction(found) == inspect.iscoroutinefunction(signature), (
            f"{name}.{method}"
        )


def test_the_unit_of_work_has_every_repository_of_the_port() -> None:
    declared = {n for n, v in vars(ports.UnitOfWork).items() if isinstance(v, property)}
    assert declared == {name for name, _, _ in REPOSITORIES}
    for name, _, implementation in REPOSITORIES:
        built = vars(UnitOfWork)[name]
        assert isinstance(built, functools.cached_property), name
        assert inspect.get_annotations(built.func)["return"] == implementation.__name__, name
    for method in ("commit", "rollback", "flush"):
        assert inspect.iscoroutinefunction(getattr(UnitOfWork, method)), method
    assert callable(UnitOfWorkFactory)


@pytest.mark.parametrize(("port", "model"), ROWS, ids=lambda x: x.__name__)
def test_every_row_attribute_is_a_column(port: type, model: type) -> None:
    columns = set(model.__table__.columns.keys())
    missing = attributes(port) - columns
    assert not missing, f"{model.__name__} has no column {sorted(missing)}"


def test_export_rows_carry_every_attribute_the_port_declares() -> None:
    day = date(2026, 1, 1)
    activity_columns = set(exports._activities(Scope(city=True), day, day).selected_columns.keys())
    assert attributes(ports.ExportActivity) <= activity_columns
    participation_columns = set(exports._participations([1], True).selected_columns.keys())
    participation_columns |= set(exports._participations([1], False).selected_columns.keys())
    assert attributes(ports.ExportParticipation) <= participation_columns
