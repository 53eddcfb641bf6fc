"""Indexes the officials' summaries and the scheduler lean on: participants still on a
list (a partial index), activities by confirmation time, incidents by accident time.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("removed_at IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_participations_active",
        "participations",
        ["activity_id", "person_id"],
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )
    op.create_index(op.f("ix_activities_confirmed_at"), "activities", ["confirmed_at"])
    op.create_index(op.f("ix_incidents_occurred_at"), "incidents", ["occurred_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_incidents_occurred_at"), table_name="incidents")
    op.drop_index(op.f("ix_activities_confirmed_at"), table_name="activities")
    op.drop_index("ix_participations_active", table_name="participations")
