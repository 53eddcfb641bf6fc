"""Texts every activity view shares (handlers/common/activity_views.py): the activity kinds
(`kind_<code>`), the participant roles (`role_*`), the RT, dates, coverage period, value,
premium and budget lines, and the surat tugas caption. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Activity kinds (Activity.kind codes).
    "kind_jalan_lingkungan": "Jalan lingkungan",
    "kind_drainase": "Drainase",
    "kind_fasilitas_umum": "Fasilitas umum",
    "kind_kebersihan_sampah": "Kebersihan & sampah",
    "kind_keamanan": "Keamanan",
    "kind_sosial": "Sosial/pendidikan/kesehatan/ekonomi",
    "kind_lainnya": "Lainnya",
    # Lines shared by every view of an activity.
    "rt_line": "RT {rt} · Kel. {kelurahan} · Kec. {kecamatan}",
    "dates_line": "{start} s.d. {end} ({days} hari)",
    "coverage_period": "{start} pukul {time} {zone} s.d. {end} pukul 23.59 {zone}",
    # Before confirmation nobody is covered yet: the start is the confirmation itself.
    "coverage_period_pending": "mulai saat dikonfirmasi (paling cepat {start} pukul 00.00 {zone}) s.d. {end} pukul 23.59 {zone}",
    "value_line": "{value} ({ppn})",
    "ppn_included": "termasuk PPN",
    "ppn_excluded": "tanpa PPN",
    "premium_lines": "Premi JKK: {jkk}\nPremi JKM: {jkm}\n*Total premi: {total}*",
    "premium_basis_excluding": "Dasar premi: {value} (nilai tanpa PPN {rate}%)",
    "region_suggest": "Maksud Anda {names}? Pilih tombolnya, atau ketik lagi nama kelurahannya.",
    "region_suggest_or": " atau ",
    "budget_line": "Anggaran RT tahun {year}: {budget} · terpakai {used} · sisa {remaining}",
    # Roles in an activity (shared).
    "role_ketua_rt": "Ketua RT",
    "role_phl": "PHL (pekerja harian lepas)",
    "role_petugas_syara": "Petugas syara'",
    "role_warga": "Warga",
    # The surat tugas.
    "letter_added_since": "sejak {at}",
    "letter_caption": "📄 Surat tugas {number} (revisi {revision})",
}

EN: dict[str, str] = {
    "kind_jalan_lingkungan": "Neighbourhood road",
    "kind_drainase": "Drainage",
    "kind_fasilitas_umum": "Public facility",
    "kind_kebersihan_sampah": "Cleanliness & waste",
    "kind_keamanan": "Security",
    "kind_sosial": "Social/education/health/economy",
    "kind_lainnya": "Other",
    "rt_line": "RT {rt} · Kel. {kelurahan} · Kec. {kecamatan}",
    "dates_line": "{start} to {end} ({days} days)",
    "coverage_period": "{start} {time} {zone} to {end} 23.59 {zone}",
    "coverage_period_pending": "from its confirmation (at the earliest {start} 00.00 {zone}) to {end} 23.59 {zone}",
    "value_line": "{value} ({ppn})",
    "ppn_included": "VAT included",
    "ppn_excluded": "without VAT",
    "premium_lines": "JKK premium: {jkk}\nJKM premium: {jkm}\n*Total premium: {total}*",
    "premium_basis_excluding": "Premium basis: {value} (value without {rate}% VAT)",
    "region_suggest": "Did you mean {names}? Tap its button, or type the kelurahan's name again.",
    "region_suggest_or": " or ",
    "budget_line": "RT budget {year}: {budget} · used {used} · remaining {remaining}",
    "role_ketua_rt": "RT chair",
    "role_phl": "PHL (casual day labourer)",
    "role_petugas_syara": "Religious officer (petugas syara')",
    "role_warga": "Resident",
    "letter_added_since": "since {at}",
    "letter_caption": "📄 Surat tugas {number} (revision {revision})",
}
