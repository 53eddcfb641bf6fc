"""Data-subject rights under UU 27/2022 (issue 12): consent records (`consents`: who was
given which privacy notice version, when and how, a guardian's consent for a minor),
erasure requests decided by officials (`erasure_requests`), and when a person was
anonymised (`persons.anonymised_at`).

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("notice_version", sa.String(length=32), nullable=False),
        sa.Column("how", sa.String(length=24), nullable=False),
        sa.Column("given_by", sa.Integer(), nullable=True),
        sa.Column("guardian", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        _fk("consents", "person_id", "persons", "CASCADE"),
        _fk("consents", "account_id", "accounts", "SET NULL"),
        _fk("consents", "activity_id", "activities", "SET NULL"),
        _fk("consents", "given_by", "accounts", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents") as batch:
        batch.create_index(batch.f("ix_consents_person_id"), ["person_id"])
        batch.create_index(batch.f("ix_consents_account_id"), ["account_id"])
    op.create_table(
        "erasure_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_by", sa.Integer(), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("keep_until", sa.Date(), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True),
        _fk("erasure_requests", "account_id", "accounts", "SET NULL"),
        _fk("erasure_requests", "person_id", "persons", "SET NULL"),
        _fk("erasure_requests", "handled_by", "accounts", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_requests")),
    )
    with op.batch_alter_table("erasure_requests") as batch:
        batch.create_index(batch.f("ix_erasure_requests_account_id"), ["account_id"])
        batch.create_index(batch.f("ix_erasure_requests_person_id"), ["person_id"])
        batch.create_index(batch.f("ix_erasure_requests_status"), ["status"])


def downgrade() -> None:
    op.drop_table("erasure_requests")
    op.drop_table("consents")
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("anonymised_at")
