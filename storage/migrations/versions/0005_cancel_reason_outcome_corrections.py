"""What issue 11 needs stored: why an activity was cancelled, how an accident report ended
(stage II: sent to BPJS → closed with an outcome), and whether an official wants to hear of
residents' correction requests.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activities") as batch:
        batch.add_column(sa.Column("cancel_reason", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("outcome", sa.String(length=24), nullable=True))
        batch.add_column(sa.Column("outcome_note", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("alert_preferences") as batch:
        batch.add_column(
            sa.Column(
                "correction_requests", sa.Boolean(), nullable=False, server_default=sa.true()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("alert_preferences") as batch:
        batch.drop_column("correction_requests")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("outcome_note")
        batch.drop_column("outcome")
    with op.batch_alter_table("activities") as batch:
        batch.drop_column("cancel_reason")
