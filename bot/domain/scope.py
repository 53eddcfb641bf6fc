"""What part of the city an official sees: the whole city, some kecamatan, or some
kelurahan. Region codes are Kemendagri codes: kelurahan "15.71.01.1001" lies in
kecamatan "15.71.01"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.vocabulary import ScopeKind


def kecamatan_of(kelurahan_code: str) -> str:
    return kelurahan_code.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Scope:
    city: bool = False
    kecamatan: frozenset[str] = frozenset()
    kelurahan: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, scopes: Iterable[str]) -> Scope:
        """From a caller's scope strings: "kota", "kecamatan:15.71.01",
        "kelurahan:15.71.01.1001" (see bot.core.identity)."""
        city, kecamatan, kelurahan = False, set(), set()
        for scope in scopes:
            kind, _, code = scope.partition(":")
            if kind == ScopeKind.CITY:
                city = True
            elif kind == ScopeKind.KECAMATAN and code:
                kecamatan.add(code)
            elif kind == ScopeKind.KELURAHAN and code:
                kelurahan.add(code)
        return cls(city, frozenset(kecamatan), frozenset(kelurahan))

    @property
    def empty(self) -> bool:
        return not (self.city or self.kecamatan or self.kelurahan)

    def covers(self, kelurahan_code: str) -> bool:
        return (
            self.city
            or kelurahan_code in self.kelurahan
            or kecamatan_of(kelurahan_code) in self.kecamatan
        )

    def covers_kecamatan(self, kecamatan_code: str) -> bool:
        """The whole kecamatan is in scope (not just some of its kelurahan)."""
        return self.city or kecamatan_code in self.kecamatan
