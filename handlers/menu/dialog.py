"""The main menu: what each role can do, with a greeting that says who the bot thinks
the caller is. Entries appear only for dialogs this build registers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.dialog import MENU, Answer, Context, Dialog, Go, Outcome, Start, Stay, Step
from bot.core.messages import Choice, Reply


@dataclass(frozen=True)
class Entry:
    """A menu line: shown to callers holding any of `roles` (everyone when empty) and
    none of `unless` ("Saya Ketua RT" is only for those not recognised as one yet)."""

    dialog: str
    title: str
    roles: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()

    def shown_to(self, roles: frozenset[str]) -> bool:
        return (not self.roles or bool(self.roles & roles)) and not self.unless & roles


HELP = "help"
OFFICIALS = frozenset({"petugas", "admin", "bpjs"})
# Officials reach the resident entries by command (/cek); their menu stays short enough
# for a WhatsApp list (10 rows).
ENTRIES: tuple[Entry, ...] = (
    Entry("activity_registration", "menu_item_register", frozenset({"ketua_rt"})),
    Entry("my_activities", "menu_item_my_activities", frozenset({"ketua_rt"})),
    Entry("coverage_check", "menu_item_check", unless=OFFICIALS),
    Entry("benefits", "menu_item_benefits", unless=OFFICIALS),
    Entry("accident_report", "menu_item_accident"),
    Entry("my_data", "menu_item_my_data", unless=OFFICIALS),
    Entry("onboarding", "menu_item_onboarding", unless=frozenset({"ketua_rt"}) | OFFICIALS),
    Entry("official_summary", "menu_item_summary", OFFICIALS),
    Entry("official_activities", "menu_item_activities", OFFICIALS),
    Entry("official_export", "menu_item_export", OFFICIALS),
    Entry("official_incidents", "menu_item_incidents", OFFICIALS),
    Entry("alert_settings", "menu_item_alerts", OFFICIALS),
    Entry("admin", "menu_item_admin", frozenset({"admin"})),
    Entry("premium", "menu_item_premium"),
)


def entries_for(ctx: Context) -> list[Entry]:
    available = ctx.services.dialogs
    return [e for e in ENTRIES if e.dialog in available and e.shown_to(ctx.caller.roles)]


async def greeting(ctx: Context) -> str:
    caller = ctx.caller
    if caller.has("admin", "petugas", "bpjs") and caller.name:
        return ctx.t("menu_greeting_official", name=caller.name) + "\n"
    rt_ids = caller.scopes.get("ketua_rt", ())
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


async def ask_main(ctx: Context) -> Reply:
    choices = [Choice(id=e.dialog, title=ctx.t(e.title)) for e in entries_for(ctx)]
    choices.append(Choice(id=HELP, title=ctx.t("menu_item_help")))
    return Reply(await greeting(ctx) + ctx.t("menu_title"), choices=tuple(choices))


async def handle_main(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay(ctx.t("pick_one"))
    if answer.choice.id == HELP:
        ctx.say(ctx.t("menu_help"))
        return Go("main")
    return Start(answer.choice.id)


DIALOG = Dialog(name=MENU, first="main", steps={"main": Step(ask=ask_main, handle=handle_main)})
