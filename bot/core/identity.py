"""Who is talking: turns an account into a `Caller` with its roles and scopes.

Roles come from three places: the RT list (the account's verified phone is an RT chair's
phone), role rows granted to the phone (officials, admins), and role rows granted to the
account itself (an RT chair who came in with an invite code). Everyone is a warga.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bot.core import ports
from bot.core.dialog import Caller
from bot.core.ports import UnitOfWork
from bot.domain.vocabulary import Role, ScopeKind


async def resolve_caller(uow: UnitOfWork, account: ports.Account) -> Caller:
    """The caller behind `account` as the database has it now."""
    rts = await uow.rts.by_chair_phone(account.phone) if account.phone else []
    roles = await uow.roles.for_account(account)
    return caller_of(
        account,
        [ports.RtChair(rt.id, rt.chair_name) for rt in rts],
        [ports.Grant(r.role, r.name, r.scope_kind, r.scope_code) for r in roles],
    )


def caller_of(
    account: ports.Account, chairs: Iterable[ports.RtChair], grants: Iterable[ports.Grant]
) -> Caller:
    """The caller from what was read: the RTs its phone chairs, the grants it holds (on
    every message they come with the chat: `conversations.load`)."""
    scopes: dict[str, list[str]] = defaultdict(list)
    name = account.name
    for rt in chairs:
        scopes[Role.KETUA_RT].append(str(rt.rt_id))
        name = rt.chair_name or name
    for grant in grants:
        scopes[grant.role].append(_scope(grant))
        if grant.role != Role.KETUA_RT and grant.name:
            name = grant.name
    roles = frozenset(scopes) | {Role.WARGA}
    return Caller(
        account_id=account.id,
        name=name,
        phone=account.phone,
        language=account.language,
        roles=roles,
        scopes={role: tuple(dict.fromkeys(values)) for role, values in scopes.items()},
    )


def _scope(role: ports.Grant) -> str:
    """`12` (an RT id) for a chair; `kota`, `kecamatan:CODE` or `kelurahan:CODE` otherwise."""
    if role.role == Role.KETUA_RT:
        return str(role.scope_code)
    if role.scope_kind == ScopeKind.CITY:
        return ScopeKind.CITY
    if not role.scope_code:
        return "none"  # a region scope without a region sees nothing
    return f"{role.scope_kind}:{role.scope_code}"
