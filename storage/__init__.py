"""Persistence: SQLAlchemy 2 models, repositories, the unit of work and Alembic migrations.
Portable SQL only: everything here runs on SQLite and on PostgreSQL."""
