"""Texts of Kegiatan (officials): the activity list, its filters (`oaf_*`) and one
activity's detail and worker list (`oa_*`). Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    "official_no_scope": "Akun petugas Anda belum punya wilayah tugas (kota, kecamatan atau kelurahan). Hubungi admin untuk mengaturnya.",
    # Activity list.
    "oa_list_head": "📋 *Kegiatan* — {scope}\nFilter: {filters}\n{count} kegiatan · halaman {page} dari {pages}\n",
    "oa_line": "{n}. *{title}* ({number})\n    RT {rt} · {kelurahan} · {period} · {people} orang · {status}",
    "oa_item": "{title} · {status}",
    "oa_list_pick": "\nPilih kegiatan untuk melihat rinciannya, atau ketik nomor kegiatan (mis. KB-2026-00012).",
    "oa_list_empty": "Tidak ada kegiatan yang cocok. Ubah atau hapus filter.",
    "oa_prev": "⬅️ Sebelumnya",
    "oa_next": "Berikutnya ➡️",
    "oa_filter": "🔎 Filter",
    "oa_pick": "Pilih kegiatan dari daftar (ketik nomornya atau tekan tombolnya), ketik nomor kegiatan seperti KB-2026-00012, atau pilih *Filter*.",
    "oa_not_found": "Kegiatan itu tidak ditemukan atau di luar wilayah tugas Anda.",
    "oa_help": "Daftar ini berisi kegiatan di wilayah tugas Anda, yang terbaru dulu. Pilih *Filter* untuk menyaring menurut status, kelurahan atau tanggal. Buka satu kegiatan untuk melihat rincian, peserta dan surat tugasnya.",
    # One activity.
    "oa_detail": (
        "📄 *{title}*\n"
        "Nomor: {number}\n"
        "Status: {status}\n"
        "{rt}\n"
        "{chair}\n"
        "Jenis: {kind} · Tempat: {place}\n"
        "Tanggal: {dates}\n"
        "Masa perlindungan: {period}\n"
        "Nilai: {value}\n"
        "{premium}\n"
        "Peserta: {active} orang (dihapus: {removed})\n"
        "Perubahan tercatat: {changes}"
    ),
    "oa_confirmed_line": "Dikonfirmasi: {at}",
    "oa_premium_line": "Premi: *{total}* (JKK {jkk} + JKM {jkm})",
    "oa_status_cancelled_at": "dibatalkan {at}",
    "oa_choice_people": "Peserta",
    "oa_choice_letter": "Unduh surat tugas",
    "oa_choice_back": "Kembali ke daftar",
    # Participants.
    "oa_people_head": "👥 *Peserta {title}* (halaman {page} dari {pages})",
    "oa_person_line": "{n}. {name} — {nik} — {role}{removed}\n    Terlindungi: {period}",
    "oa_removed": " — dihapus",
    "oa_people_empty": "Belum ada peserta.",
    "oa_period": "{start} s.d. {end}",
    "oa_period_unconfirmed": "belum (kegiatan belum dikonfirmasi)",
    "oa_period_none": "tidak (dibatalkan sebelum mulai)",
    "oa_period_none_removed": "tidak (dihapus sebelum perlindungannya mulai)",
    "oa_choice_reveal": "Tampilkan NIK lengkap",
    "oa_choice_back_activity": "Kembali ke kegiatan",
    "oa_choice_back_people": "Kembali ke peserta",
    "oa_reveal_ask": "🔐 NIK lengkap siapa yang perlu ditampilkan? Setiap tampilan dicatat di log audit atas nama Anda.",
    "oa_reveal_pick": "Pilih satu peserta dari daftar (ketik nomornya atau tekan tombolnya), atau *Kembali ke peserta*.",
    "oa_reveal_not_allowed": "NIK lengkap hanya dapat ditampilkan untuk admin dan petugas BPJS.",
    "oa_reveal_gone": "Peserta itu sudah tidak ada di daftar kegiatan ini.",
    "oa_reveal_shown": "🔐 NIK lengkap *{name}*: {nik}\nTampilan ini dicatat di log audit. Jangan teruskan NIK ini kecuali untuk keperluan BPJS.",
    "oa_people_help": "Daftar ini memuat semua peserta kegiatan, termasuk yang sudah dihapus (terlindungi sampai saat dihapus). NIK ditampilkan tersamar; admin dan petugas BPJS dapat menampilkan NIK lengkap satu per satu, dan setiap tampilan dicatat.",
    # Filters.
    "oaf_none": "tidak ada",
    "oaf_menu": "🔎 *Filter kegiatan*\nSaat ini: {filters}\nPilih yang ingin diatur:",
    "oaf_choice_status": "Status",
    "oaf_choice_kelurahan": "Kelurahan",
    "oaf_choice_dates": "Tanggal",
    "oaf_choice_clear": "Hapus semua filter",
    "oaf_choice_show": "Tampilkan daftar",
    "oaf_choice_all": "Semua",
    "oaf_choice_month": "Bulan ini",
    "oaf_choice_year": "Tahun ini",
    "oaf_status_ask": "Tampilkan kegiatan dengan status apa?",
    "oaf_status_pick": "Pilih salah satu status (ketik nomornya atau tekan tombolnya), atau *Semua*.",
    "oaf_kelurahan_pick": "Pilih kelurahan:",
    "oaf_kelurahan_type": "Ketik nama kelurahan (mis. *Thehok* atau *Simpang IV Sipin*), atau pilih *Semua*.",
    "oaf_kelurahan_unknown": "Nama kelurahan itu tidak saya kenal. Ketik nama kelurahan di Kota Jambi, mis. *Thehok*.",
    "oaf_kelurahan_outside": "Kelurahan itu di luar wilayah tugas Anda.",
    "oaf_kelurahan_several": "Ada {count} kelurahan dengan nama seperti itu; pilih salah satu.",
    "oaf_kelurahan_too_many": "Ada {count} kelurahan yang cocok; ketik namanya lebih lengkap.",
    "oaf_dates_ask": "Tampilkan kegiatan yang berlangsung pada tanggal berapa? Ketik rentang seperti *1/3/2026 - 31/3/2026* atau satu tanggal, atau pilih di bawah.",
    "oaf_dates_unreadable": "Tanggal itu tidak bisa saya baca. Tulis seperti *1/3/2026 - 31/3/2026*, *1 Maret 2026 s.d. 15 Maret 2026*, atau satu tanggal.",
    "oaf_dates_invalid": "Tanggal itu tidak ada di kalender. Periksa lagi hari dan bulannya.",
    "oaf_dates_order": "Tanggal awal harus sebelum atau sama dengan tanggal akhir.",
    "oaf_help": "Filter menyaring daftar kegiatan: *status* (draf, terkonfirmasi, berjalan, selesai, dibatalkan), *kelurahan* di wilayah tugas Anda, dan *tanggal* (kegiatan yang berlangsung pada rentang itu). Filter bisa digabung.",
    # Its line in Telegram's command menu.
    "command_official_activities": "Kegiatan per RT (petugas)",
}

EN: dict[str, str] = {
    "official_no_scope": "Your official account has no area yet (city, kecamatan or kelurahan). Ask an admin to set it.",
    "oa_list_head": "📋 *Activities* — {scope}\nFilter: {filters}\n{count} activities · page {page} of {pages}\n",
    "oa_line": "{n}. *{title}* ({number})\n    RT {rt} · {kelurahan} · {period} · {people} people · {status}",
    "oa_item": "{title} · {status}",
    "oa_list_pick": "\nChoose an activity to see its details, or type an activity number (e.g. KB-2026-00012).",
    "oa_list_empty": "No activity matches. Change or clear the filters.",
    "oa_prev": "⬅️ Previous",
    "oa_next": "Next ➡️",
    "oa_filter": "🔎 Filter",
    "oa_pick": "Choose an activity from the list (type its number or tap its button), type an activity number such as KB-2026-00012, or choose *Filter*.",
    "oa_not_found": "That activity was not found or lies outside your area.",
    "oa_help": "This list holds the activities of your area, newest first. Choose *Filter* to narrow it by status, kelurahan or dates. Open an activity to see its details, participants and surat tugas.",
    "oa_detail": (
        "📄 *{title}*\n"
        "Number: {number}\n"
        "Status: {status}\n"
        "{rt}\n"
        "{chair}\n"
        "Kind: {kind} · Place: {place}\n"
        "Dates: {dates}\n"
        "Coverage period: {period}\n"
        "Value: {value}\n"
        "{premium}\n"
        "Participants: {active} (removed: {removed})\n"
        "Tracked changes: {changes}"
    ),
    "oa_confirmed_line": "Confirmed: {at}",
    "oa_premium_line": "Premium: *{total}* (JKK {jkk} + JKM {jkm})",
    "oa_status_cancelled_at": "cancelled {at}",
    "oa_choice_people": "Participants",
    "oa_choice_letter": "Download the surat tugas",
    "oa_choice_back": "Back to the list",
    "oa_people_head": "👥 *Participants of {title}* (page {page} of {pages})",
    "oa_person_line": "{n}. {name} — {nik} — {role}{removed}\n    Covered: {period}",
    "oa_removed": " — removed",
    "oa_people_empty": "No participants yet.",
    "oa_period": "{start} to {end}",
    "oa_period_unconfirmed": "not yet (activity not confirmed)",
    "oa_period_none": "no (cancelled before it started)",
    "oa_period_none_removed": "no (removed before their coverage began)",
    "oa_choice_reveal": "Show the full NIK",
    "oa_choice_back_activity": "Back to the activity",
    "oa_choice_back_people": "Back to the participants",
    "oa_reveal_ask": "🔐 Whose full NIK do you need? Every reveal is written to the audit log in your name.",
    "oa_reveal_pick": "Choose one participant from the list (type its number or tap its button), or *Back to the participants*.",
    "oa_reveal_not_allowed": "The full NIK can only be shown to admins and BPJS officers.",
    "oa_reveal_gone": "That participant is no longer on this activity's list.",
    "oa_reveal_shown": "🔐 Full NIK of *{name}*: {nik}\nThis reveal is in the audit log. Do not pass this NIK on except for BPJS purposes.",
    "oa_people_help": "This list holds every participant of the activity, removed ones too (covered until their removal). NIKs are masked; admins and BPJS officers can reveal a full NIK one at a time, and every reveal is logged.",
    "oaf_none": "none",
    "oaf_menu": "🔎 *Activity filters*\nNow: {filters}\nWhat do you want to set?",
    "oaf_choice_status": "Status",
    "oaf_choice_kelurahan": "Kelurahan",
    "oaf_choice_dates": "Dates",
    "oaf_choice_clear": "Clear all filters",
    "oaf_choice_show": "Show the list",
    "oaf_choice_all": "All",
    "oaf_choice_month": "This month",
    "oaf_choice_year": "This year",
    "oaf_status_ask": "Show activities with which status?",
    "oaf_status_pick": "Choose a status (type its number or tap its button), or *All*.",
    "oaf_kelurahan_pick": "Choose a kelurahan:",
    "oaf_kelurahan_type": "Type a kelurahan name (e.g. *Thehok* or *Simpang IV Sipin*), or choose *All*.",
    "oaf_kelurahan_unknown": "I don't know that kelurahan. Type the name of a kelurahan in Kota Jambi, e.g. *Thehok*.",
    "oaf_kelurahan_outside": "That kelurahan lies outside your area.",
    "oaf_kelurahan_several": "{count} kelurahan have a name like that; choose one.",
    "oaf_kelurahan_too_many": "{count} kelurahan match; type more of the name.",
    "oaf_dates_ask": "Show activities taking place on which dates? Type a range such as *1/3/2026 - 31/3/2026* or one date, or choose below.",
    "oaf_dates_unreadable": "I can't read that date. Write it like *1/3/2026 - 31/3/2026*, *1 March 2026 to 15 March 2026*, or one date.",
    "oaf_dates_invalid": "That date is not on the calendar. Check the day and month.",
    "oaf_dates_order": "The first date must be on or before the last date.",
    "oaf_help": "Filters narrow the activity list: *status* (draft, confirmed, running, ended, cancelled), a *kelurahan* of your area, and *dates* (activities taking place in that range). Filters combine.",
    # Its line in Telegram's command menu.
    "command_official_activities": "Activities per RT (officials)",
}
