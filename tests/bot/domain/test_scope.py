"""An official's scope."""

from bot.domain.scope import Scope


def test_city_scope_covers_everything() -> None:
    scope = Scope.parse(["kota"])
    assert scope.covers("15.71.09.1002") and scope.covers_kecamatan("15.71.01")


def test_kecamatan_and_kelurahan_scopes() -> None:
    scope = Scope.parse(["kecamatan:15.71.01", "kelurahan:15.71.02.1004"])
    assert scope.covers("15.71.01.1001")
    assert scope.covers("15.71.02.1004") and not scope.covers("15.71.02.1005")
    assert scope.covers_kecamatan("15.71.01") and not scope.covers_kecamatan("15.71.02")
    assert not scope.empty and Scope.parse([]).empty
