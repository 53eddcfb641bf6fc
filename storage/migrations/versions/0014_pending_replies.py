"""An index for the copies of replies still pending per chat (issue 13): replies to one
chat go out in the order they were written.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING_REPLIES = sa.text("status = 'pending' AND kind = 'reply'")


def upgrade() -> None:
    op.create_index(
        "ix_outbox_pending_replies",
        "outbox",
        ["channel", "chat_id", "id"],
        sqlite_where=PENDING_REPLIES,
        postgresql_where=PENDING_REPLIES,
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_pending_replies", table_name="outbox")
