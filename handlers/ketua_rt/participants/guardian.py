"""A parent's or guardian's consent for a participant under 18 (UU 27/2022: children's
data needs it). After "Ya, tetap tambahkan" the Ketua RT types who consented (name and
relationship); a pasted list's minors are confirmed with one button that says the
parents or guardians consented. The consent is recorded when the child is put on the
list (common.record_guardian_consent, from `enlist`), never before: a child left off leaves none."""

from __future__ import annotations

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Reply
from bot.domain.text import display_name
from handlers.ketua_rt.participants.common import GUARDIANS, PENDING

MAX_LENGTH = 200


async def ask_guardian(ctx: Context) -> Reply:
    return Reply(ctx.t("participants_ask_guardian"))


async def handle_guardian(ctx: Context, answer: Answer) -> Outcome:
    text = " ".join(answer.text.split())
    # A name and a relationship: two words at least, and no digits (a NIK or a phone
    # number does not belong here).
    words = [w for w in text.replace(",", " ").split() if any(ch.isalpha() for ch in w)]
    if len(words) < 2 or any(ch.isdigit() for ch in text):
        return Stay(ctx.t("participants_guardian_unclear"))
    person_id = ctx.data.get(PENDING)
    if person_id is not None:
        given(ctx, int(person_id), display_name(text, MAX_LENGTH))
    return Go("name")


def given(ctx: Context, person_id: int, guardian: str) -> None:
    """Note that a guardian consented for this person (recorded when they are added)."""
    kept = dict(ctx.data.get(GUARDIANS) or {})
    kept[str(person_id)] = guardian
    ctx.data[GUARDIANS] = kept
