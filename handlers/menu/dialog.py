"""The main menu: what each role can do, with a greeting that says who the bot thinks
the caller is. The lines are not listed here: each dialog declares its own `MenuEntry`
and the registry hands them to `build`, so a new dialog appears without editing the menu.
Entries appear only for dialogs this build registers."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.dialog import MENU, Answer, Context, Dialog, Go, MenuEntry, Outcome, Start, Step
from bot.core.messages import Choice, Reply
from bot.domain.vocabulary import OFFICIAL_ROLES, Role

HELP = "help"
# A menu line: the dialog it opens and how it is shown.
Entry = tuple[str, MenuEntry]


def entries_for(ctx: Context, entries: Sequence[Entry]) -> list[Entry]:
    available = ctx.services.dialogs
    return [(name, e) for name, e in entries if name in available and e.shown_to(ctx.caller.roles)]


async def greeting(ctx: Context) -> str:
    caller = ctx.caller
    if caller.has(*OFFICIAL_ROLES) and caller.name:
        return ctx.t("menu_greeting_official", name=caller.name) + "\n"
    rt_ids = caller.scopes.get(Role.KETUA_RT, ())
    if rt_ids:
        uow = ctx.services.uow
        rt = await uow.rts.get(int(rt_ids[0]))
        assert rt is not None, "a chair's RT exists"
        kelurahan = await uow.regions.get_kelurahan(rt.kelurahan_code)
        assert kelurahan is not None, "an RT's kelurahan exists (foreign key)"
        label = ctx.t(
            "menu_greeting_rt", name=rt.chair_name, rt=f"{rt.number:02d}", kelurahan=kelurahan.name
        )
        return label + "\n"
    return ""


async def handle_main(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == HELP:
        ctx.say(ctx.t("menu_help"))
        return Go("main")
    return Start(answer.picked)


def build(entries: Sequence[Entry]) -> Dialog:
    """The menu dialog offering `entries` (in their declared order) and help."""
    ordered = sorted(entries, key=lambda entry: entry[1].order)

    async def ask_main(ctx: Context) -> Reply:
        choices = [Choice(id=name, title=ctx.t(e.title)) for name, e in entries_for(ctx, ordered)]
        choices.append(Choice(id=HELP, title=ctx.t("menu_item_help")))
        return Reply(await greeting(ctx) + ctx.t("menu_title"), choices=tuple(choices))

    return Dialog(
        name=MENU,
        steps={"main": Step(ask=ask_main, handle=handle_main, choice_only=True)},
        hands_off_to=tuple(name for name, _ in ordered),
    )
