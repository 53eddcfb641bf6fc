"""Info manfaat's topics, one short message each."""

from __future__ import annotations

from bot.core.dialog import NAV_MENU, Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply

# Topic button id -> the text it shows.
TOPICS = {
    "jkk": "benefits_jkk",
    "jkm": "benefits_jkm",
    "next": "benefits_next",
}
TITLES = {
    "jkk": "benefits_choice_jkk",
    "jkm": "benefits_choice_jkm",
    "next": "benefits_choice_next",
}
SHOWN = "shown"
# Words people type instead of tapping a topic.
WORDS = {
    "kecelakaan": "jkk",
    "cacat": "jkk",
    "beasiswa": "jkk",
    "kematian": "jkm",
    "meninggal": "jkm",
    "jmo": "next",
    "ejakon": "next",
    "e-jakon": "next",
    "175": "next",
    "klaim": "next",
}


def typed_topic(text: str) -> str | None:
    found = {WORDS[w] for w in text.casefold().replace("?", " ").split() if w in WORDS}
    return found.pop() if len(found) == 1 else None


async def ask_topic(ctx: Context) -> Reply:
    choices = [Choice(topic, ctx.t(title)) for topic, title in TITLES.items()]
    choices.append(Choice(NAV_MENU, ctx.t("resident_choice_menu")))
    key = "benefits_again" if ctx.data.get(SHOWN) else "benefits_intro"
    return Reply(ctx.t(key), choices=tuple(choices))


async def handle_topic(ctx: Context, answer: Answer) -> Outcome:
    topic = answer.choice.id if answer.choice is not None else typed_topic(answer.text)
    if topic not in TOPICS:
        return Stay(ctx.t("benefits_pick"))
    ctx.say(ctx.t(TOPICS[topic]))
    ctx.data[SHOWN] = True
    return Go("topic")
