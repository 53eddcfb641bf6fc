"""Housekeeping: forget processed message ids after a week (providers stop redelivering
long before), and delete persons nothing refers to a day after they were created (left
behind by conversations that were abandoned halfway)."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.core.service import PROCESSED_KEPT
from bot.workers.jobs.base import Run

log = logging.getLogger(__name__)

UNUSED_PERSON_KEPT = timedelta(days=1)


async def housekeeping(run: Run) -> None:
    pruned = await run.uow.processed.prune(run.now - PROCESSED_KEPT)
    removed = await run.uow.persons.delete_unused(run.now - UNUSED_PERSON_KEPT)
    if pruned or removed:
        log.info("housekeeping: %d message ids pruned, %d unused persons deleted", pruned, removed)
