"""Who receives a derived alert: officials whose grants cover a place, each grant with its
alert preference (preferences belong to a role row, so one person's kota grant and
kelurahan grant may want different things), and the Ketua RT of an RT.

Officials are few (dozens of grants), so they are loaded once per job and matched to
places here; the places themselves (activities, incidents) come from scoped queries.
Opted-out accounts are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.alerts.accident import role_covers
from bot.core import ports
from bot.core.ports import UnitOfWork
from bot.domain.scope import Scope, kecamatan_of
from bot.domain.vocabulary import OFFICIAL_ROLES, Role, ScopeKind

IMMEDIATE = "immediate"
DIGEST = "digest"
OFF = "off"

Wants = Callable[[ports.AlertPreference], bool]


@dataclass(frozen=True)
class Grant:
    role: ports.Role
    preference: ports.AlertPreference

    def covers(self, kelurahan_code: str | None) -> bool:
        kecamatan = kecamatan_of(kelurahan_code) if kelurahan_code else None
        return role_covers(self.role, kecamatan, kelurahan_code)


@dataclass
class Official:
    account: ports.Account
    grants: list[Grant] = field(default_factory=list)

    def covering(self, kelurahan_code: str | None, wants: Wants | None = None) -> list[Grant]:
        return [
            g
            for g in self.grants
            if g.covers(kelurahan_code) and (wants is None or wants(g.preference))
        ]

    def new_activity_mode(self, kelurahan_code: str | None) -> str:
        """The most eager choice among the grants covering the place."""
        modes = {g.preference.new_activities for g in self.covering(kelurahan_code)}
        return next((mode for mode in (IMMEDIATE, DIGEST) if mode in modes), OFF)

    def scope(self, wants: Wants | None = None) -> Scope:
        """The union of the scopes of the grants that want something."""
        grants = [g for g in self.grants if wants is None or wants(g.preference)]
        return Scope(
            city=any(g.role.scope_kind == ScopeKind.CITY for g in grants),
            kecamatan=frozenset(
                g.role.scope_code
                for g in grants
                # A region grant without a region covers nothing (as in bot.core.identity).
                if g.role.scope_kind == "kecamatan" and g.role.scope_code is not None
            ),
            kelurahan=frozenset(
                g.role.scope_code
                for g in grants
                if g.role.scope_kind == "kelurahan" and g.role.scope_code is not None
            ),
        )


class Officials:
    """Every official account with its grants, in a stable order (by account id)."""

    def __init__(self, officials: Sequence[Official]) -> None:
        self._officials = sorted(officials, key=lambda o: o.account.id)

    @classmethod
    async def load(cls, uow: UnitOfWork) -> Officials:
        by_account: dict[int, Official] = {}
        for role, preference in await uow.preferences.grants_with_preferences(OFFICIAL_ROLES):
            for account in await _holders(uow, role):
                official = by_account.setdefault(account.id, Official(account))
                official.grants.append(Grant(role, preference))
        return cls(list(by_account.values()))

    def all(self, wants: Wants | None = None) -> list[Official]:
        return [o for o in self._officials if o.scope(wants) != Scope()]

    def for_place(self, kelurahan_code: str | None, wants: Wants | None = None) -> list[Official]:
        return [o for o in self._officials if o.covering(kelurahan_code, wants)]


async def _holders(uow: UnitOfWork, role: ports.Role) -> list[ports.Account]:
    """The accounts a grant reaches: the one it was given to, or every chat verified for
    its phone number."""
    found = []
    if role.account_id is not None:
        found.append(await uow.accounts.get(role.account_id))
    if role.phone:
        found.extend(await uow.accounts.by_phone(role.phone))
    return [a for a in found if a is not None and not a.opted_out]


class Chairs:
    """The accounts of each RT's chair: chats verified for the phone on the RT list, and
    accounts (or phones) granted the ketua_rt role for the RT with an invite code."""

    def __init__(self, grants: Sequence[ports.Role]) -> None:
        self._grants: dict[str, list[ports.Role]] = {}
        for role in grants:
            self._grants.setdefault(str(role.scope_code), []).append(role)

    @classmethod
    async def load(cls, uow: UnitOfWork) -> Chairs:
        return cls(await uow.roles.list(Role.KETUA_RT))

    async def accounts(self, uow: UnitOfWork, rt: ports.Rt) -> list[ports.Account]:
        found: dict[int, ports.Account] = {}
        if rt.chair_phone:
            for account in await uow.accounts.by_phone(rt.chair_phone):
                found.setdefault(account.id, account)
        for role in self._grants.get(str(rt.id), []):
            for account in await _holders(uow, role):
                found.setdefault(account.id, account)
        return [a for _, a in sorted(found.items()) if not a.opted_out]
