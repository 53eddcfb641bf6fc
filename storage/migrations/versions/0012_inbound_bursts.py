"""Per-chat inbound bursts (issue 12): how many messages a conversation sent in its
current one-minute window, for the per-user rate limit (bot/domain/inbound.py).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("burst_started_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("burst_count", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("burst_count")
        batch.drop_column("burst_started_at")
