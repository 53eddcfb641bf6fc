"""Texts of Ringkasan (an official's summary with its chart). Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Summary.
    "summary_text": (
        "📊 *Ringkasan Kampung Bahagia*\n"
        "Wilayah: {scope}\n"
        "Data per {moment}\n\n"
        "🏘️ RT aktif hari ini: *{rts_active}* dari {rts_total} RT\n"
        "🛡️ Orang terlindungi saat ini: *{people}*\n"
        "🚑 Insiden belum dilaporkan ke BPJS: *{incidents}*\n\n"
        "📋 *Kegiatan tahun {year}*\n"
        "• Draf: {draft}\n"
        "• Terkonfirmasi, belum mulai: {confirmed}\n"
        "• Berjalan: {running}\n"
        "• Selesai: {ended}\n"
        "• Dibatalkan: {cancelled}\n\n"
        "💰 *Premi BPJS (JKK + JKM)* kegiatan terkonfirmasi\n"
        "• Mulai bulan {month} {year}: *{premium_month}*\n"
        "• Mulai tahun {year}: *{premium_year}*"
    ),
    "summary_per_kecamatan": "per kecamatan",
    "summary_per_kelurahan": "per kelurahan",
    "summary_per_rt": "per RT",
    "summary_chart_title": "Kegiatan terkonfirmasi {year}\n{per}",
    "summary_chart_subtitle": "{scope} · data {moment}",
    "summary_chart_others": "Lainnya ({count} RT)",
    "summary_chart_caption": "📈 Kegiatan terkonfirmasi tahun {year} {per}: {total} kegiatan.",
    "summary_chart_people_title": "Warga terlindungi {year}\n{per}",
    "summary_chart_people_caption": "👷 Warga pada daftar kegiatan terkonfirmasi tahun {year} {per}: {total} orang.",
    "summary_chart_premium_title": "Premi BPJS {year}\n{per}",
    "summary_chart_premium_caption": "💰 Premi kegiatan terkonfirmasi yang mulai tahun {year} {per}: {total}.",
    "summary_chart_none": "📈 Belum ada kegiatan terkonfirmasi tahun {year} di {scope}, jadi belum ada grafik.",
    "summary_next": "Mau lihat apa lagi?",
    "summary_choice_refresh": "Perbarui ringkasan",
    "summary_choice_activities": "Daftar kegiatan",
    "summary_choice_menu": "Menu utama",
    "summary_help": (
        "Ringkasan ini hanya untuk wilayah tugas Anda.\n"
        "• *RT aktif*: RT yang punya kegiatan terkonfirmasi yang berjalan hari ini.\n"
        "• *Orang terlindungi*: orang berbeda yang saat ini tercatat (tidak dihapus) di "
        "kegiatan terkonfirmasi yang berjalan hari ini.\n"
        "• *Kegiatan tahun ini*: kegiatan yang mulai tahun ini, ditambah kegiatan tahun "
        "lalu yang masih berjalan.\n"
        "• *Premi*: jumlah premi kegiatan terkonfirmasi (tidak dibatalkan) menurut tanggal "
        "mulainya.\n"
        "Grafik menunjukkan kegiatan terkonfirmasi per wilayah."
    ),
    # Its line in Telegram's command menu.
    "command_official_summary": "Ringkasan dan statistik (petugas)",
}

EN: dict[str, str] = {
    "summary_text": (
        "📊 *Kampung Bahagia summary*\n"
        "Area: {scope}\n"
        "Data as of {moment}\n\n"
        "🏘️ RTs active today: *{rts_active}* of {rts_total} RTs\n"
        "🛡️ People covered now: *{people}*\n"
        "🚑 Incidents not yet reported to BPJS: *{incidents}*\n\n"
        "📋 *Activities of {year}*\n"
        "• Draft: {draft}\n"
        "• Confirmed, not started: {confirmed}\n"
        "• Running: {running}\n"
        "• Ended: {ended}\n"
        "• Cancelled: {cancelled}\n\n"
        "💰 *BPJS premium (JKK + JKM)* of confirmed activities\n"
        "• Starting in {month} {year}: *{premium_month}*\n"
        "• Starting in {year}: *{premium_year}*"
    ),
    "summary_per_kecamatan": "per kecamatan",
    "summary_per_kelurahan": "per kelurahan",
    "summary_per_rt": "per RT",
    "summary_chart_title": "Confirmed activities {year}\n{per}",
    "summary_chart_subtitle": "{scope} · data {moment}",
    "summary_chart_others": "Others ({count} RTs)",
    "summary_chart_caption": "📈 Confirmed activities of {year} {per}: {total} activities.",
    "summary_chart_people_title": "People covered {year}\n{per}",
    "summary_chart_people_caption": "👷 People on the lists of confirmed activities of {year} {per}: {total}.",
    "summary_chart_premium_title": "BPJS premium {year}\n{per}",
    "summary_chart_premium_caption": "💰 Premium of confirmed activities starting in {year} {per}: {total}.",
    "summary_chart_none": "📈 No confirmed activity yet in {year} in {scope}, so there is no chart.",
    "summary_next": "What next?",
    "summary_choice_refresh": "Refresh the summary",
    "summary_choice_activities": "Activity list",
    "summary_choice_menu": "Main menu",
    "summary_help": (
        "This summary covers your area only.\n"
        "• *RTs active*: RTs with a confirmed activity running today.\n"
        "• *People covered*: distinct people currently on the list (not removed) of a "
        "confirmed activity running today.\n"
        "• *Activities of the year*: activities starting this year, plus last year's still "
        "running.\n"
        "• *Premium*: the premium of confirmed (not cancelled) activities by start date.\n"
        "The chart shows confirmed activities per area."
    ),
    # Its line in Telegram's command menu.
    "command_official_summary": "Summary and statistics (officials)",
}
