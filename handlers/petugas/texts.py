"""Texts every official conversation shares: how an official's scope reads. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Scope.
    "official_scope_city": "Kota Jambi",
    "official_scope_kecamatan": "Kec. {name}",
    "official_scope_kelurahan": "Kel. {name}",
}

EN: dict[str, str] = {
    "official_scope_city": "Kota Jambi",
    "official_scope_kecamatan": "Kec. {name}",
    "official_scope_kelurahan": "Kel. {name}",
}
