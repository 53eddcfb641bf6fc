"""Texts of Info manfaat. Benefit figures follow DOMAIN.md §3 and agree with `conf_benefits`. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Info manfaat.
    "benefits_intro": (
        "🛡️ *Info manfaat BPJS Ketenagakerjaan*\n"
        "Peserta kegiatan Kampung Bahagia dilindungi *JKK* (kecelakaan kerja) dan *JKM* "
        "(kematian) selama masa perlindungan. Premi dibayar pemberi kerja. Pilih:"
    ),
    "benefits_again": "Pilih info lain, atau tekan *Menu*.",
    "benefits_pick": "Pilih *JKK*, *JKM* atau *Ke mana selanjutnya*, atau ketik *menu*.",
    "benefits_choice_jkk": "JKK",
    "benefits_choice_jkm": "JKM",
    "benefits_choice_next": "Ke mana selanjutnya",
    "benefits_jkk": (
        "🦺 *JKK — Jaminan Kecelakaan Kerja*\n"
        "Kecelakaan saat bekerja, termasuk perjalanan pergi dan pulang kerja:\n"
        "• Pengobatan sesuai kebutuhan medis, *tanpa batas biaya* (rawat inap kelas I, ICU, "
        "operasi, rehabilitasi).\n"
        "• Perawatan di rumah paling lama 1 tahun, maks. Rp20 juta.\n"
        "• Penggantian biaya transportasi.\n"
        "• Tidak mampu bekerja sementara: 100% upah selama 12 bulan pertama, lalu 50% "
        "sampai sembuh.\n"
        "• Cacat total tetap: 56× upah sebulan.\n"
        "• Meninggal karena kecelakaan kerja: 48× upah (paling sedikit Rp20 juta) + Rp10 juta "
        "biaya pemakaman + Rp12 juta santunan berkala.\n"
        "• Beasiswa untuk paling banyak 2 anak (seluruhnya maks. Rp174 juta).\n"
        "Upah yang dipakai untuk menghitung santunan ditetapkan BPJS Ketenagakerjaan."
    ),
    "benefits_jkm": (
        "🕊️ *JKM — Jaminan Kematian*\n"
        "Bila peserta meninggal *bukan* karena kecelakaan kerja selama masa perlindungan, "
        "ahli waris menerima *Rp42 juta*:\n"
        "• Rp20 juta santunan sekaligus\n"
        "• Rp12 juta santunan berkala\n"
        "• Rp10 juta biaya pemakaman\n"
        "Meninggal karena kecelakaan kerja ditanggung JKK (lihat *JKK*)."
    ),
    "benefits_next": (
        "🧭 *Ke mana selanjutnya*\n"
        "• Aplikasi *JMO* (Jamsostek Mobile) dari BPJS Ketenagakerjaan: kartu peserta dan "
        "pengajuan klaim.\n"
        "• *E-Jakon*: pendaftaran proyek jasa konstruksi, simulasi premi dan sertifikat.\n"
        "• Call center BPJS Ketenagakerjaan *175*.\n"
        "• Bila terjadi kecelakaan kerja, segera lapor lewat menu *Lapor kecelakaan* "
        "(BPJS harus menerima laporan dalam 2×24 jam).\n"
        "ℹ️ Bot ini hanya mencatat perlindungan dari pendaftaran kegiatan Kampung Bahagia; "
        "bot ini *tidak* menampilkan data milik BPJS Ketenagakerjaan (kepesertaan lain, "
        "saldo atau klaim)."
    ),
    # Its line in Telegram's command menu.
    "command_benefits": "Info manfaat JKK dan JKM",
}

EN: dict[str, str] = {
    "benefits_intro": (
        "🛡️ *BPJS Ketenagakerjaan benefits*\n"
        "Participants of Kampung Bahagia activities are covered by *JKK* (work accidents) "
        "and *JKM* (death) during the coverage period. The employer pays the premium. Choose:"
    ),
    "benefits_again": "Choose another topic, or tap *Menu*.",
    "benefits_pick": "Choose *JKK*, *JKM* or *Where to go next*, or type *menu*.",
    "benefits_choice_jkk": "JKK",
    "benefits_choice_jkm": "JKM",
    "benefits_choice_next": "Where to go next",
    "benefits_jkk": (
        "🦺 *JKK — Work accident benefit*\n"
        "Accidents at work, including the trip to and from work:\n"
        "• Medical care as medically needed, *no cost ceiling* (class I inpatient, ICU, "
        "surgery, rehabilitation).\n"
        "• Home care for up to 1 year, at most Rp20 million.\n"
        "• Transport costs reimbursed.\n"
        "• Temporarily unable to work: 100% of wages for the first 12 months, then 50% "
        "until recovered.\n"
        "• Total permanent disability: 56× monthly wage.\n"
        "• Death from a work accident: 48× wage (at least Rp20 million) + Rp10 million "
        "funeral + Rp12 million periodic payment.\n"
        "• Scholarships for up to 2 children (at most Rp174 million in total).\n"
        "BPJS Ketenagakerjaan sets the wage used to compute the benefits."
    ),
    "benefits_jkm": (
        "🕊️ *JKM — Death benefit*\n"
        "If a participant dies *not* from a work accident during the coverage period, the "
        "heirs receive *Rp42 million*:\n"
        "• Rp20 million lump sum\n"
        "• Rp12 million periodic payment\n"
        "• Rp10 million funeral costs\n"
        "Death from a work accident is covered by JKK (see *JKK*)."
    ),
    "benefits_next": (
        "🧭 *Where to go next*\n"
        "• BPJS Ketenagakerjaan's *JMO* app (Jamsostek Mobile): membership card and claims.\n"
        "• *E-Jakon*: construction project registration, premium simulation and certificate.\n"
        "• BPJS Ketenagakerjaan call centre *175*.\n"
        "• After a work accident, report it at once through *Report an accident* (BPJS must "
        "receive the report within 2×24 hours).\n"
        "ℹ️ This bot only records coverage from Kampung Bahagia activity registrations; it "
        "does *not* show BPJS Ketenagakerjaan's own records (other memberships, balances or "
        "claims)."
    ),
    # Its line in Telegram's command menu.
    "command_benefits": "JKK and JKM benefits",
}
