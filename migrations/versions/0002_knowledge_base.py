"""Knowledge base: places, aliases, actors, their areas and channels.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actor",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("audience_note", sa.Text(), nullable=True),
        sa.Column("area_kind", sa.String(length=20), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("seen_on", sa.Date(), nullable=False),
        sa.Column("verification", sa.String(length=20), nullable=False),
        sa.Column("dated_as_of", sa.Date(), nullable=True),
        sa.Column("may_be_outdated", sa.Boolean(), nullable=False),
        sa.Column("dated_record", sa.Text(), nullable=True),
        sa.Column("origin", sa.String(length=120), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_origin"), ["origin"], unique=False)
        batch_op.create_index(batch_op.f("ix_actor_type"), ["type"], unique=False)

    op.create_table(
        "province",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "actor_area",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("actor_id", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("actor_id", "kind", "code"),
    )
    with op.batch_alter_table("actor_area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_area_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actor_area_code"), ["code"], unique=False)

    op.create_table(
        "channel",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("actor_id", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=300), nullable=True),
        sa.Column("always_open", sa.Boolean(), nullable=False),
        sa.Column("hours", sa.JSON(), nullable=True),
        sa.Column("hours_note", sa.Text(), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("seen_on", sa.Date(), nullable=False),
        sa.Column("verification", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("channel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channel_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "municipality",
        sa.Column("refnis", sa.String(length=8), nullable=False),
        sa.Column("name_nl", sa.String(length=80), nullable=False),
        sa.Column("name_fr", sa.String(length=80), nullable=False),
        sa.Column("province_code", sa.String(length=8), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["province_code"],
            ["province.code"],
        ),
        sa.PrimaryKeyConstraint("refnis"),
    )
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_municipality_name_nl"), ["name_nl"], unique=False)
        batch_op.create_index(batch_op.f("ix_municipality_province_code"), ["province_code"], unique=False)

    op.create_table(
        "place_alias",
        sa.Column("alias", sa.String(length=80), nullable=False),
        sa.Column("municipality_refnis", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_refnis"],
            ["municipality.refnis"],
        ),
        sa.PrimaryKeyConstraint("alias", "municipality_refnis"),
    )
    op.create_table(
        "postal_code",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("municipality_refnis", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_refnis"],
            ["municipality.refnis"],
        ),
        sa.PrimaryKeyConstraint("code", "municipality_refnis"),
    )


def downgrade() -> None:
    op.drop_table("postal_code")
    op.drop_table("place_alias")
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_municipality_province_code"))
        batch_op.drop_index(batch_op.f("ix_municipality_name_nl"))

    op.drop_table("municipality")
    with op.batch_alter_table("channel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_channel_actor_id"))

    op.drop_table("channel")
    with op.batch_alter_table("actor_area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_area_code"))
        batch_op.drop_index(batch_op.f("ix_actor_area_actor_id"))

    op.drop_table("actor_area")
    op.drop_table("province")
    with op.batch_alter_table("actor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_type"))
        batch_op.drop_index(batch_op.f("ix_actor_origin"))

    op.drop_table("actor")
