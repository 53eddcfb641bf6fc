"""The name a Ketua RT typed for a participant outside his RT's records (issue 12): shown
to him in place of the stored name, which he may not learn.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("participations") as batch:
        batch.add_column(sa.Column("entered_name", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("participations") as batch:
        batch.drop_column("entered_name")
