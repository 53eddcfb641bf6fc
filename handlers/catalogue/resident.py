"""Texts of the resident conversations, Indonesian (`ID`) and English (`EN`) side by side:
"Cek perlindungan", "Info manfaat" and "Data saya" (with the correction request that goes
to officials). Benefit figures follow DOMAIN.md §3 and agree with `conf_benefits`."""

ID: dict[str, str] = {
    # Shared by the resident conversations.
    "resident_choice_menu": "Menu",
    "resident_choice_benefits": "Info manfaat",
    "resident_period": "{start} s.d. {end}",
    "resident_period_never": "tidak pernah berlaku",
    "resident_status_now": "terlindungi sekarang",
    "resident_status_upcoming": "akan dimulai",
    "resident_status_ended": "sudah berakhir",
    "resident_status_cancelled": "dibatalkan",
    "resident_status_removed": "tidak berlaku (dihapus dari daftar sebelum mulai)",
    "resident_status_draft": "draf, belum dikonfirmasi (belum terlindungi)",
    "resident_removed_note": "{status}; dihapus dari daftar {at}",
    "resident_activity": "{title} ({number})",
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
    # Data saya.
    "mydata_no_phone": (
        "📋 *Data saya*\nBot hanya menampilkan data pribadi kepada pemilik nomor HP yang "
        "tercatat, dan nomor Anda belum terverifikasi.\n"
        "• Di WhatsApp nomor Anda terbaca otomatis.\n"
        "• Di Telegram, tekan *Bagikan nomor HP* di bawah (nomor yang diketik tidak bisa "
        "dipakai sebagai bukti)."
    ),
    "mydata_share_expected": "Tekan tombol *Bagikan nomor HP* (di bawah kolom ketik), atau ketik *menu*.",
    "mydata_none": (
        "📋 *Data saya*\nTidak ada data peserta yang tercatat untuk nomor {phone}. Yang kami "
        "simpan tentang Anda hanya akun chat ini (nama dan nomor HP) serta catatan "
        "penggunaan layanan."
    ),
    "mydata_head": "📋 *Data yang kami simpan tentang Anda* (nomor {phone})",
    "mydata_person": (
        "👤 *{name}*\nNIK: {nik}\nTanggal lahir: {birth}\nJenis kelamin: {sex}\nNomor HP: {phone}"
    ),
    "mydata_activities_head": "*Kegiatan* ({count}):",
    "mydata_activity": "• {activity} — {rt} — {role} — {period} — {status}",
    "mydata_activity_wage": "• {activity} — {rt} — {role} — upah/honor {wage} — {period} — {status}",
    "mydata_activities_none": "Kegiatan: belum ada.",
    "mydata_incidents_head": "*Laporan kecelakaan tentang Anda* ({count}):",
    "mydata_incident": "• {reference} — {date}",
    "mydata_requests_head": "*Permintaan perbaikan*:",
    "mydata_request": "• #{id} — {date} — {status}",
    "mydata_request_open": "menunggu petugas",
    "mydata_request_done": "selesai",
    "mydata_request_rejected": "ditolak",
    "mydata_more": "…dan {count} lainnya.",
    "mydata_privacy": (
        "🔒 *Tentang data Anda*\n"
        "• Pengendali data: Pemerintah Kota Jambi, untuk Program Kampung Bahagia (Perwal "
        "Jambi No. 18 Tahun 2025).\n"
        "• Tujuan: mendaftarkan dan memeriksa perlindungan BPJS Ketenagakerjaan (JKK dan JKM) "
        "peserta kegiatan serta menangani laporan kecelakaan kerja.\n"
        "• Lama penyimpanan: selama masa program, lalu dihapus atau dianonimkan sesuai "
        "aturan arsip Pemkot.\n"
        "• Perlindungan: NIK disimpan terenkripsi dan ditampilkan tersamar; setiap akses "
        "dicatat.\n"
        "• Hak Anda (UU 27/2022): melihat data ini dan meminta perbaikannya."
    ),
    "mydata_after": "Ada data yang salah? Tekan *Minta perbaikan*.",
    "mydata_pick": "Pilih *Minta perbaikan* atau *Menu*.",
    "mydata_choice_fix": "Minta perbaikan",
    "mydata_ask_who": "Data siapa yang perlu diperbaiki?",
    "mydata_ask_fix": (
        "✏️ Tulis data apa yang salah dan bagaimana yang benar (paling banyak 1.000 huruf). "
        "Contoh: *Tanggal lahir seharusnya 5 Juni 1991*. Angka NIK dalam tulisan "
        "disamarkan; petugas menghubungi Anda lewat nomor ini bila perlu."
    ),
    "mydata_help_fix": "Tulis dalam satu pesan data mana yang salah (nama, tanggal lahir, jenis kelamin, nomor HP, kegiatan) dan apa yang benar. Petugas Pemkot akan memeriksanya.",
    "mydata_fix_short": "Tulis lebih jelas data apa yang salah dan bagaimana yang benar, misalnya *Nama seharusnya Siti Aminah*.",
    "mydata_confirm": "Kirim permintaan perbaikan data *{name}* ini ke petugas Pemkot?\n\n{message}",
    "mydata_choice_send": "Ya, kirim",
    "mydata_choice_edit": "Ubah tulisan",
    "mydata_choice_cancel": "Batal",
    "mydata_confirm_pick": "Pilih *Ya, kirim* atau *Ubah tulisan*, atau ketik *batal*.",
    "mydata_entry_lost": "Permintaan itu sudah tidak bisa dilanjutkan. Silakan mulai lagi dari *Data saya*.",
    "mydata_sent": (
        "✅ Permintaan perbaikan *#{id}* terkirim ke {count} petugas Pemkot. Petugas akan "
        "memeriksa dan memperbaiki datanya; statusnya terlihat di *Data saya*."
    ),
    "mydata_sent_none": (
        "✅ Permintaan perbaikan *#{id}* tersimpan untuk petugas Pemkot; statusnya terlihat "
        "di *Data saya*."
    ),
    "mydata_cancelled": "Permintaan perbaikan dibatalkan; tidak ada yang dikirim.",
    "correction_notice": (
        "📝 *Permintaan perbaikan data #{id}*\n"
        "Dari: {name} (NIK {nik})\n"
        "{rt}\n"
        "Yang perlu diperbaiki:\n{message}\n\n"
        "Mohon periksa dan perbaiki datanya."
    ),
    "correction_notice_no_rt": "RT: belum tercatat pada daftar peserta",
}

EN: dict[str, str] = {
    "resident_choice_menu": "Menu",
    "resident_choice_benefits": "Benefits",
    "resident_period": "{start} to {end}",
    "resident_period_never": "never in force",
    "resident_status_now": "covered now",
    "resident_status_upcoming": "starts later",
    "resident_status_ended": "ended",
    "resident_status_cancelled": "cancelled",
    "resident_status_removed": "not in force (removed from the list before the start)",
    "resident_status_draft": "draft, not confirmed (not covered yet)",
    "resident_removed_note": "{status}; removed from the list {at}",
    "resident_activity": "{title} ({number})",
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
    "mydata_no_phone": (
        "📋 *My data*\nThe bot shows personal data only to the owner of the phone number on "
        "record, and your number is not verified.\n"
        "• On WhatsApp your number is read automatically.\n"
        "• On Telegram, tap *Share phone number* below (a typed number proves nothing)."
    ),
    "mydata_share_expected": "Tap the *Share phone number* button (below the typing field), or type *menu*.",
    "mydata_none": (
        "📋 *My data*\nNo participant data is recorded for number {phone}. All we keep "
        "about you is this chat account (name and phone number) and a log of your use of "
        "the service."
    ),
    "mydata_head": "📋 *The data we hold about you* (number {phone})",
    "mydata_person": (
        "👤 *{name}*\nNIK: {nik}\nDate of birth: {birth}\nSex: {sex}\nPhone number: {phone}"
    ),
    "mydata_activities_head": "*Activities* ({count}):",
    "mydata_activity": "• {activity} — {rt} — {role} — {period} — {status}",
    "mydata_activity_wage": "• {activity} — {rt} — {role} — wage/fee {wage} — {period} — {status}",
    "mydata_activities_none": "Activities: none yet.",
    "mydata_incidents_head": "*Accident reports about you* ({count}):",
    "mydata_incident": "• {reference} — {date}",
    "mydata_requests_head": "*Correction requests*:",
    "mydata_request": "• #{id} — {date} — {status}",
    "mydata_request_open": "waiting for an official",
    "mydata_request_done": "done",
    "mydata_request_rejected": "rejected",
    "mydata_more": "…and {count} more.",
    "mydata_privacy": (
        "🔒 *About your data*\n"
        "• Controller: Pemerintah Kota Jambi, for the Kampung Bahagia program (Perwal Jambi "
        "No. 18 of 2025).\n"
        "• Purpose: registering and checking the BPJS Ketenagakerjaan coverage (JKK and JKM) "
        "of activity participants and handling work-accident reports.\n"
        "• Retention: for the program's duration, then deleted or anonymised under the "
        "Pemkot's archive rules.\n"
        "• Protection: the NIK is stored encrypted and shown masked; every access is logged.\n"
        "• Your rights (UU 27/2022): see this data and ask for it to be corrected."
    ),
    "mydata_after": "Is something wrong? Tap *Ask for a correction*.",
    "mydata_pick": "Choose *Ask for a correction* or *Menu*.",
    "mydata_choice_fix": "Ask for a correction",
    "mydata_ask_who": "Whose data needs correcting?",
    "mydata_ask_fix": (
        "✏️ Write what is wrong and what is right (at most 1,000 characters). Example: "
        "*Date of birth should be 5 June 1991*. NIK numbers in the text are masked; an "
        "official contacts you on this number if needed."
    ),
    "mydata_help_fix": "Write in one message which data is wrong (name, date of birth, sex, phone number, activity) and what is right. A Pemkot official will check it.",
    "mydata_fix_short": "Please write more clearly what is wrong and what is right, e.g. *Name should be Siti Aminah*.",
    "mydata_confirm": "Send this correction request for *{name}* to the Pemkot officials?\n\n{message}",
    "mydata_choice_send": "Yes, send",
    "mydata_choice_edit": "Change the text",
    "mydata_choice_cancel": "Cancel",
    "mydata_confirm_pick": "Choose *Yes, send* or *Change the text*, or type *batal*.",
    "mydata_entry_lost": "That request can no longer be continued. Please start again from *My data*.",
    "mydata_sent": (
        "✅ Correction request *#{id}* was sent to {count} Pemkot officials. They will check "
        "and correct the data; the status shows under *My data*."
    ),
    "mydata_sent_none": (
        "✅ Correction request *#{id}* is saved for the Pemkot officials; the status shows "
        "under *My data*."
    ),
    "mydata_cancelled": "Correction request cancelled; nothing was sent.",
    "correction_notice": (
        "📝 *Data correction request #{id}*\n"
        "From: {name} (NIK {nik})\n"
        "{rt}\n"
        "To correct:\n{message}\n\n"
        "Please check and correct the data."
    ),
    "correction_notice_no_rt": "RT: not on any participant list",
}
