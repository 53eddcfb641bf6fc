"""Info manfaat: what JKK and JKM pay (DOMAIN.md §3) and where to go next (JMO, E-Jakon,
call centre 175), one short message per topic, picked with buttons."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.warga.benefits import NAME, texts, topics

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(("topic", Step(topics.ask_topic, topics.handle_topic))),
    texts=texts,
    command=Command("/manfaat", "command_benefits"),
    entry=MenuEntry("menu_item_benefits", 40, unless=OFFICIALS),
)
