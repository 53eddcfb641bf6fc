"""Who may open which dialog: the explicit table tests/handlers/test_permissions.py and
the role × command × scope matrix of tests/security/test_matrix.py both check. A new
dialog fails `test_every_dialog_is_in_the_table` until someone decides who may open it."""

from __future__ import annotations

from collections.abc import Mapping

from handlers.catalogue import LANGUAGES

REFUSED = LANGUAGES["id"]["not_allowed"]
WARGA, KETUA = "warga", "ketua_rt"
PETUGAS_KOTA, PETUGAS_KECAMATAN, PETUGAS_KELURAHAN = (
    "petugas kota",
    "petugas kecamatan",
    "petugas kelurahan",
)
BPJS, ADMIN = "bpjs", "admin"
CALLERS = (WARGA, KETUA, PETUGAS_KOTA, PETUGAS_KECAMATAN, PETUGAS_KELURAHAN, BPJS, ADMIN)
EVERYONE = frozenset(CALLERS)
CHAIRS = frozenset({KETUA})
OFFICIALS = frozenset({PETUGAS_KOTA, PETUGAS_KECAMATAN, PETUGAS_KELURAHAN, BPJS, ADMIN})

# Dialog -> the callers who may open it. Residents' dialogs are open to everyone (an
# official is a resident too, and reaches them by command); Ketua RT dialogs need the
# chair's role; official dialogs any official role; the admin menu the admin role only.
EXPECTED: Mapping[str, frozenset[str]] = {
    "menu": EVERYONE,
    "premium": EVERYONE,
    "onboarding": EVERYONE,
    "accident_report": EVERYONE,
    "coverage_check": EVERYONE,
    "benefits": EVERYONE,
    "my_data": EVERYONE,
    "activity_registration": CHAIRS,
    "my_activities": CHAIRS,
    "participants": CHAIRS,
    "coverage_confirmation": CHAIRS,
    "official_summary": OFFICIALS,
    "official_activities": OFFICIALS,
    "official_export": OFFICIALS,
    "official_incidents": OFFICIALS,
    "official_corrections": OFFICIALS,
    "official_erasure": OFFICIALS,
    "alert_settings": OFFICIALS,
    "admin": frozenset({ADMIN}),
}
