"""Texts of Cek perlindungan. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Cek perlindungan.
    "check_own_head": "🛡️ *Perlindungan untuk nomor {phone}*",
    "check_person_head": "👤 *{name}* (NIK {nik})",
    "check_row": "• *{activity}*\n  {rt}\n  Masa perlindungan: {period}\n  Status: *{status}*",
    "check_more": "…dan {count} kegiatan yang lebih lama.",
    "check_no_rows": "Belum ada kegiatan terkonfirmasi yang mencatat {name} sebagai peserta, jadi belum ada perlindungan.",
    "check_what_covered": (
        "Selama masa perlindungan ditanggung *JKK* (kecelakaan kerja, termasuk perjalanan "
        "pergi/pulang kerja) dan *JKM* (kematian). Rinciannya di *Info manfaat*. Anda tidak "
        "membayar premi apa pun."
    ),
    "check_after_own": "Mau memeriksa NIK orang lain?",
    "check_choice_other": "Cek NIK lain",
    "check_pick_own": "Pilih *Cek NIK lain*, *Info manfaat* atau *Menu*, atau langsung ketik NIK yang ingin diperiksa.",
    "check_ask_nik": (
        "🔎 *Cek perlindungan*\nKetik *NIK* (16 angka di KTP) yang ingin diperiksa. "
        "Jawabannya hanya: terlindungi sekarang atau tidak, masa perlindungan dan RT-nya."
    ),
    "check_ask_nik_no_phone": (
        "🔎 *Cek perlindungan*\nNomor HP Anda belum terverifikasi, jadi perlindungan Anda "
        "sendiri belum bisa ditampilkan. Di Telegram, tekan *Bagikan nomor HP* di bawah "
        "(di WhatsApp nomor terbaca otomatis).\n"
        "Atau ketik *NIK* (16 angka di KTP) yang ingin diperiksa."
    ),
    "check_ask_nik_unknown_phone": (
        "🔎 *Cek perlindungan*\nNomor {phone} tidak tercatat pada daftar peserta kegiatan "
        "mana pun. Ketik *NIK* (16 angka di KTP) yang ingin diperiksa."
    ),
    "check_ask_again": "Ketik NIK lain untuk diperiksa, atau tekan *Menu*.",
    "check_share_unknown": "Nomor {phone} tidak tercatat pada daftar peserta kegiatan mana pun. Ketik NIK yang ingin diperiksa.",
    "check_help_nik": (
        "Ketik NIK 16 angka (spasi, titik atau tanda hubung boleh). Untuk menjaga privasi, "
        "hasilnya tidak memuat nama, dan jumlah pemeriksaan NIK per jam dibatasi. "
        "Perlindungan Anda sendiri tampil otomatis bila nomor HP Anda tercatat sebagai peserta."
    ),
    "check_nik_covered": "✅ NIK {nik}: *terlindungi sekarang*.\n{lines}",
    "check_nik_upcoming": "⏳ NIK {nik}: *belum terlindungi saat ini*. Perlindungan akan dimulai:\n{lines}",
    "check_nik_line": "• {period}\n  {rt}",
    "check_nik_not_covered": (
        "❌ NIK {nik}: *tidak terlindungi saat ini* oleh kegiatan Kampung Bahagia.\n"
        "Bila seharusnya terlindungi, minta Ketua RT mendaftarkannya sebelum pekerjaan dimulai."
    ),
    "check_limited": (
        "⏱️ Anda sudah memeriksa {limit} NIK dalam satu jam terakhir; batas ini melindungi "
        "data warga. Silakan coba lagi setelah *{at}*."
    ),
    # Its line in Telegram's command menu.
    "command_coverage_check": "Cek perlindungan BPJS saya",
}

EN: dict[str, str] = {
    "check_own_head": "🛡️ *Coverage for number {phone}*",
    "check_person_head": "👤 *{name}* (NIK {nik})",
    "check_row": "• *{activity}*\n  {rt}\n  Coverage period: {period}\n  Status: *{status}*",
    "check_more": "…and {count} older activities.",
    "check_no_rows": "No confirmed activity lists {name} as a participant yet, so there is no coverage yet.",
    "check_what_covered": (
        "During the coverage period *JKK* (work accidents, including the trip to and from "
        "work) and *JKM* (death) apply. Details under *Benefits*. You pay no premium."
    ),
    "check_after_own": "Do you want to check someone else's NIK?",
    "check_choice_other": "Check another NIK",
    "check_pick_own": "Choose *Check another NIK*, *Benefits* or *Menu*, or type the NIK to check.",
    "check_ask_nik": (
        "🔎 *Coverage check*\nType the *NIK* (16 digits on the KTP) to check. The answer is "
        "only: covered now or not, the coverage period and the RT."
    ),
    "check_ask_nik_no_phone": (
        "🔎 *Coverage check*\nYour phone number is not verified, so your own coverage cannot "
        "be shown yet. On Telegram, tap *Share phone number* below (on WhatsApp the number "
        "is read automatically).\nOr type the *NIK* (16 digits on the KTP) to check."
    ),
    "check_ask_nik_unknown_phone": (
        "🔎 *Coverage check*\nNumber {phone} is not on any activity's participant list. "
        "Type the *NIK* (16 digits on the KTP) to check."
    ),
    "check_ask_again": "Type another NIK to check, or tap *Menu*.",
    "check_share_unknown": "Number {phone} is not on any activity's participant list. Type the NIK to check.",
    "check_help_nik": (
        "Type a 16-digit NIK (spaces, dots or dashes are fine). To protect privacy the answer "
        "shows no name, and the number of NIK checks per hour is limited. Your own coverage "
        "shows automatically when your phone number is on a participant list."
    ),
    "check_nik_covered": "✅ NIK {nik}: *covered now*.\n{lines}",
    "check_nik_upcoming": "⏳ NIK {nik}: *not covered right now*. Coverage will start:\n{lines}",
    "check_nik_line": "• {period}\n  {rt}",
    "check_nik_not_covered": (
        "❌ NIK {nik}: *not covered right now* by a Kampung Bahagia activity.\n"
        "If they should be, ask the Ketua RT to register them before the work starts."
    ),
    "check_limited": (
        "⏱️ You have checked {limit} NIKs in the last hour; this limit protects residents' "
        "data. Please try again after *{at}*."
    ),
    # Its line in Telegram's command menu.
    "command_coverage_check": "Check my BPJS coverage",
}
