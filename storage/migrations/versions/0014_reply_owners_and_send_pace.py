"""Several workers (issue 13): who sends each outbox message, and one send pace for the
whole deployment.

`outbox.owner` is the worker that sends the message now — the one that wrote a reply's
copy, or the outbox sender that leased it; a copy whose owner died is an orphan, sent
before anything newer of its chat (storage/presence.py). `send_pace` holds, per channel,
when its next send may go, shared by every worker (storage/send_pace.py).

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
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("owner", sa.Integer(), nullable=True))
    op.create_index(
        "ix_outbox_pending_replies",
        "outbox",
        ["channel", "chat_id"],
        sqlite_where=PENDING_REPLIES,
        postgresql_where=PENDING_REPLIES,
    )
    op.create_table(
        "send_pace",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("next_at", sa.Float(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("send_pace")
    op.drop_index("ix_outbox_pending_replies", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("owner")
