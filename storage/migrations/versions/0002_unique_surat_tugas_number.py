"""Surat tugas numbers are unique: two confirmations for one RT at the same moment must
not both print the same letter number.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activities") as batch:
        batch.create_unique_constraint(
            op.f("uq_activities_surat_tugas_number"), ["surat_tugas_number"]
        )


def downgrade() -> None:
    with op.batch_alter_table("activities") as batch:
        batch.drop_constraint(op.f("uq_activities_surat_tugas_number"), type_="unique")
