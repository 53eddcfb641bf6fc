"""Activities: what a Ketua RT registers for coverage (first cut; grows with the dialogs)."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Activity
from storage.repositories._base import Repository


class ActivityRepository(Repository):
    async def add(self, activity: Activity) -> Activity:
        self.session.add(activity)
        await self.session.flush()
        return activity

    async def get(self, activity_id: int) -> Activity | None:
        return await self.session.get(Activity, activity_id)

    async def list_for_rt(self, rt_id: int) -> list[Activity]:
        """Newest first: the Ketua RT's list starts with the current activity."""
        query = (
            select(Activity)
            .where(Activity.rt_id == rt_id)
            .order_by(Activity.start_date.desc(), Activity.id.desc())
        )
        return list(await self.session.scalars(query))
