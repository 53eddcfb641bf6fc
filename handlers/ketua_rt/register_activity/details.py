"""The registration's first questions: an unfinished draft to continue, which RT (for a
chair of several), the title, the kind and the place (typed, or a shared location with
an optional description)."""

from __future__ import annotations

from bot.activities import lifecycle as coverage
from bot.core import ports
from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.vocabulary import ActivityStatus
from handlers.common.access import own_activity, own_rt_ids
from handlers.common.activity_views import dates_text
from handlers.ketua_rt.participants import start_participants
from handlers.ketua_rt.register_activity.fields import after, current, typed_words

ENTRY = "entry"  # what the first step asks: RESUME, CHOOSE_RT or TITLE
RESUME, CHOOSE_RT, TITLE = "resume", "rt", "title"
CONTINUE, NEW = "continue", "new"
SKIP = "skip"
TITLE_MIN, TITLE_MAX = 3, 150
PLACE_MIN, PLACE_MAX = 3, 250


async def open_draft(ctx: Context) -> ports.Activity | None:
    drafts = await ctx.services.uow.activities.drafts_for_rts(own_rt_ids(ctx))
    return drafts[0] if drafts else None


async def entry_mode(ctx: Context) -> str:
    if await open_draft(ctx) is not None:
        return RESUME
    rt_ids = own_rt_ids(ctx)
    if len(rt_ids) > 1:
        return CHOOSE_RT
    ctx.data["rt_id"] = rt_ids[0] if rt_ids else None
    return TITLE


async def ask_start(ctx: Context) -> Reply:
    mode = ctx.data[ENTRY] = await entry_mode(ctx)
    if mode == RESUME:
        return await ask_resume(ctx)
    if mode == CHOOSE_RT:
        return await ask_rt(ctx)
    return await ask_title(ctx)


async def handle_start(ctx: Context, answer: Answer) -> Outcome:
    mode = ctx.data.get(ENTRY)
    if mode == RESUME:
        return await handle_resume(ctx, answer)
    if mode == CHOOSE_RT:
        return await handle_rt(ctx, answer)
    return await handle_title(ctx, answer)


async def ask_resume(ctx: Context) -> Reply:
    draft = await open_draft(ctx)
    if draft is None:  # deleted meanwhile (e.g. from "Kegiatan saya")
        return await ask_title(ctx)
    people = await ctx.services.uow.participations.for_activity(draft.id)
    text = ctx.t(
        "reg_resume",
        title=draft.title,
        dates=dates_text(ctx, draft.start_date, draft.end_date),
        people=len(people),
    )
    choices = (
        Choice(CONTINUE, ctx.t("reg_resume_continue")),
        Choice(NEW, ctx.t("reg_resume_new")),
    )
    return Reply(text, choices=choices)


async def handle_resume(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay(ctx.t("pick_one"))
    if answer.choice.id == CONTINUE:
        draft = await open_draft(ctx)
        activity = await own_activity(ctx, draft.id) if draft is not None else None
        if activity is None or activity.status != ActivityStatus.DRAFT:
            return Stay(ctx.t("reg_draft_gone"))
        return start_participants(activity.id)
    rt_ids = own_rt_ids(ctx)
    if len(rt_ids) > 1:
        return Go("rt")
    ctx.data["rt_id"] = rt_ids[0] if rt_ids else None
    return Go("title")


async def ask_rt(ctx: Context) -> Reply:
    uow = ctx.services.uow
    choices = []
    for rt_id in own_rt_ids(ctx):
        rt = await uow.rts.get(rt_id)
        assert rt is not None, "a chair's RT exists"
        kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
        name = kelurahan.name if kelurahan else rt.kelurahan_code
        choices.append(
            Choice(f"rt{rt_id}", ctx.t("reg_rt_choice", rt=f"{rt.number:02d}", kelurahan=name))
        )
    return Reply(ctx.t("reg_ask_rt"), choices=tuple(choices))


async def handle_rt(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay(ctx.t("pick_one"))
    rt_id = int(answer.choice.id.removeprefix("rt"))
    if rt_id not in own_rt_ids(ctx):  # no longer chaired since the question was asked
        return Stay(ctx.t("reg_rt_not_yours"))
    ctx.data["rt_id"] = rt_id
    return Go("title")


async def ask_title(ctx: Context) -> Reply:
    return Reply(ctx.t("reg_ask_title") + current(ctx, "title"))


async def handle_title(ctx: Context, answer: Answer) -> Outcome:
    if ctx.data.get("rt_id") not in own_rt_ids(ctx):
        ctx.say(ctx.t("reg_rt_not_yours"))
        return End()
    title = typed_words(ctx, answer, TITLE_MIN, TITLE_MAX, "reg_title_invalid")
    if isinstance(title, Stay):
        return title
    ctx.data["title"] = title
    return after(ctx, "kind")


async def ask_kind(ctx: Context) -> Reply:
    choices = tuple(Choice(kind, ctx.t(f"kind_{kind}")) for kind in coverage.KINDS)
    return Reply(ctx.t("reg_ask_kind"), choices=choices)


async def handle_kind(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or answer.choice.id not in coverage.KINDS:
        return Stay(ctx.t("reg_kind_invalid"))
    ctx.data["kind"] = answer.choice.id
    return after(ctx, "place")


async def ask_place(ctx: Context) -> Reply:
    return Reply(ctx.t("reg_ask_place") + current(ctx, "place"))


async def handle_place(ctx: Context, answer: Answer) -> Outcome:
    location = answer.message.location
    if location is not None:
        lat, lon = location.latitude, location.longitude
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return Stay(ctx.t("reg_place_invalid"))
        ctx.data["lat"], ctx.data["lon"] = round(lat, 6), round(lon, 6)
        ctx.data["place"] = shared_place(ctx)
        return Go("place_detail")
    place = typed_words(ctx, answer, PLACE_MIN, PLACE_MAX, "reg_place_invalid")
    if isinstance(place, Stay):
        return place
    ctx.data["place"] = place
    ctx.data.pop("lat", None)
    ctx.data.pop("lon", None)
    return after(ctx, "start_date")


def shared_place(ctx: Context) -> str:
    lat, lon = ctx.data["lat"], ctx.data["lon"]
    return ctx.t("reg_place_shared", lat=str(round(lat, 5)), lon=str(round(lon, 5)))


async def ask_place_detail(ctx: Context) -> Reply:
    return Reply(ctx.t("reg_ask_place_detail"), choices=(Choice(SKIP, ctx.t("reg_skip")),))


async def handle_place_detail(ctx: Context, answer: Answer) -> Outcome:
    if "lat" not in ctx.data:  # a stale state: the place was typed meanwhile
        return Go("place")
    if answer.choice is not None and answer.choice.id == SKIP:
        ctx.data["place"] = shared_place(ctx)
        return after(ctx, "start_date")
    # Room for the shared coordinates after the description.
    detail = typed_words(ctx, answer, PLACE_MIN, PLACE_MAX - 40, "reg_place_invalid")
    if isinstance(detail, Stay):
        return detail
    ctx.data["place"] = f"{detail} — {shared_place(ctx)}"
    return after(ctx, "start_date")
