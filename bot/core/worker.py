"""This process as the other workers see it: a worker id, fresh for every start, that
the outbox rows it sends carry (outbox.owner). Whether a worker is still alive is the
storage's business (storage/presence.py)."""

from __future__ import annotations

import secrets

# A random positive int4 (PostgreSQL advisory lock keys are int4 pairs).
THIS_WORKER: int = secrets.randbelow(2**31 - 2) + 1
