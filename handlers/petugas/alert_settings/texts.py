"""Texts of Peringatan (alert settings) and of the scheduled alerts (bot/workers/jobs). Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Shared pieces.
    "alert_place": "RT {rt}, Kel. {kelurahan}",
    "alert_place_unknown": "RT tidak diketahui",
    "alert_scope_city": "Kota Jambi",
    "alert_scope_kecamatan": "Kec. {name}",
    "alert_scope_kelurahan": "Kel. {name}",
    # Incident reminders.
    "alert_incident_reminder": (
        "⏰ *Pengingat: insiden {reference} belum dilaporkan ke BPJS*\n"
        "{place} · korban {victim} · {severity}\n"
        "Laporan tahap I ke BPJS Ketenagakerjaan dan Disnaker paling lambat *{deadline}* "
        "(*{left}*).\n"
        "Setelah laporan resmi dibuat, tandai lewat /insiden."
    ),
    "alert_incident_overdue": (
        "🚨 *Batas 2×24 jam insiden {reference} sudah lewat* ({deadline}, {left})\n"
        "{place} · korban {victim} · {severity}\n"
        "Insiden ini belum ditandai dilaporkan ke BPJS. Bila laporan terlambat, pemberi "
        "kerja menanggung sendiri manfaatnya: segera buat laporan tahap I, lalu tandai "
        "lewat /insiden."
    ),
    # New activities.
    "alert_activity_new": (
        "🆕 *Kegiatan baru dikonfirmasi* — {number}\n"
        "{title}\n"
        "{place}\n"
        "{start} s.d. {end} · {people} peserta\n"
        "Nilai {value} · premi {premium}"
    ),
    "alert_digest": (
        "🗓️ *Kegiatan baru kemarin* ({date}) di wilayah Anda: {count}\n{lines}\n"
        "Rinciannya: /kegiatanrt"
    ),
    "alert_digest_line": "• {number} · {title} — {place} ({people} peserta)",
    "alert_digest_more": "…dan {count} lainnya.",
    # Starting tomorrow with nobody covered.
    "alert_starting_draft_chair": (
        "⚠️ Kegiatan *{title}* dijadwalkan mulai besok, *{date}*, tetapi *belum "
        "dikonfirmasi*: belum ada peserta yang terlindungi BPJS Ketenagakerjaan.\n"
        "Lengkapi dan konfirmasi lewat *Kegiatan saya* sebelum pekerjaan dimulai."
    ),
    "alert_starting_empty_chair": (
        "⚠️ Kegiatan *{title}* mulai besok, *{date}*, tetapi *daftar pesertanya kosong*: "
        "tidak ada yang terlindungi BPJS Ketenagakerjaan.\n"
        "Tambahkan peserta lewat *Kegiatan saya* sebelum pekerjaan dimulai."
    ),
    "alert_starting_empty_short": "tanpa peserta",
    "alert_starting_line": "• {place} — {title}: {problem}",
    "alert_starting_official": (
        "⚠️ *Kegiatan mulai besok ({date}) tanpa peserta terlindungi*: {count}\n{lines}"
    ),
    # Coverage ending tomorrow.
    "alert_coverage_ending": (
        "ℹ️ Perlindungan BPJS untuk kegiatan *{title}* ({number}) berakhir besok, "
        "*{date}*.\n"
        "Bila pekerjaan masih berlanjut, perpanjang tanggal selesainya lewat *Kegiatan saya* "
        "sebelum tanggal itu, agar peserta tetap terlindungi."
    ),
    # Daily summary.
    "alert_summary": (
        "📊 *Ringkasan harian {date}* — {scope}\n"
        "• RT aktif: {rts_active} dari {rts_total}\n"
        "• Kegiatan berjalan: {running} · akan mulai: {upcoming} · draf: {drafts}\n"
        "• Warga terlindungi hari ini: {people}\n"
        "• Premi bulan ini: {premium_month}\n"
        "• Insiden belum dilaporkan ke BPJS: {incidents} (lewat 2×24 jam: {overdue})\n"
        "Grafik dan rincian: /ringkasan · insiden: /insiden"
    ),
    # A Ketua RT who could not be identified.
    "alert_chair_no_phone": "{channel}, tanpa nomor HP",
    "alert_chair_codes": (
        "👤 *Ketua RT belum teridentifikasi*\n"
        "{name} ({contact}) sudah {count} kali memasukkan kode undangan yang salah{rt}. "
        "Bila memang Ketua RT, hubungi dan buatkan kode undangan baru lewat /admin."
    ),
    "alert_chair_code_rt": " (kode terakhir untuk {rt})",
    # Peringatan (alert settings).
    "pref_pick_role": "🔔 *Pengaturan peringatan*\nAnda punya beberapa peran. Pilih peran yang ingin diatur:",
    "pref_role_label": "{role} · {scope}",
    "pref_role_petugas": "Petugas",
    "pref_role_admin": "Admin",
    "pref_role_bpjs": "BPJS",
    "pref_settings": (
        "🔔 *Pengaturan peringatan* — {role}\n"
        "• Kecelakaan kerja: *selalu aktif* (tidak bisa dimatikan)\n"
        "• Kegiatan baru: *{new_activities}*\n"
        "• Ringkasan harian 07.00 {zone}: *{daily_summary}*\n"
        "• Kegiatan mulai besok tanpa peserta: *{starting}*\n"
        "• Ketua RT belum teridentifikasi: *{chairs}*\n"
        "• Permintaan perbaikan data warga: *{corrections}*\n"
        "Pilih yang ingin diubah:"
    ),
    "pref_on": "aktif",
    "pref_off": "mati",
    "pref_mode_immediate": "langsung",
    "pref_mode_digest": "ringkasan harian",
    "pref_mode_off": "mati",
    "pref_choice_new": "Ubah kegiatan baru",
    "pref_turn_on_daily_summary": "Aktifkan ringkasan harian",
    "pref_turn_off_daily_summary": "Matikan ringkasan harian",
    "pref_turn_on_starting_without_participants": "Aktifkan mulai besok",
    "pref_turn_off_starting_without_participants": "Matikan mulai besok",
    "pref_turn_on_unidentified_chairs": "Aktifkan Ketua RT",
    "pref_turn_off_unidentified_chairs": "Matikan Ketua RT",
    "pref_turn_on_correction_requests": "Aktifkan perbaikan data",
    "pref_turn_off_correction_requests": "Matikan perbaikan data",
    "pref_choice_other_role": "Peran lain",
    "pref_choice_done": "Selesai",
    "pref_name_daily_summary": "Ringkasan harian 07.00 {zone}",
    "pref_name_starting_without_participants": "Kegiatan mulai besok tanpa peserta",
    "pref_name_unidentified_chairs": "Ketua RT belum teridentifikasi",
    "pref_name_correction_requests": "Permintaan perbaikan data warga",
    "pref_name_new_activities": "Kegiatan baru",
    "pref_changed": "✅ {what}: *{value}*.",
    "pref_unchanged": "{what} sudah *{value}*.",
    "pref_ask_new": (
        "🆕 *Kegiatan baru* di wilayah Anda (sekarang: *{current}*)\n"
        "• *Langsung*: satu pesan untuk setiap kegiatan yang dikonfirmasi\n"
        "• *Ringkasan harian*: satu daftar setiap pagi pukul 07.00 {zone}\n"
        "• *Mati*: tidak ada pesan"
    ),
    "pref_choice_immediate": "Langsung",
    "pref_choice_digest": "Ringkasan harian",
    "pref_choice_off": "Mati",
    "pref_accidents_fixed": (
        "Peringatan kecelakaan kerja *selalu aktif* untuk semua petugas: laporan resmi ke "
        "BPJS wajib dibuat dalam 2×24 jam, jadi tidak bisa dimatikan."
    ),
    "pref_role_gone": "Peran itu sudah tidak ada pada akun Anda. Tidak ada yang diubah.",
    "pref_no_roles": "Akun Anda tidak punya peran petugas, jadi tidak ada peringatan yang bisa diatur.",
    "pref_done": "Pengaturan peringatan disimpan.",
    "help_alert_settings": (
        "Di sini Anda memilih pesan apa yang dikirim bot kepada Anda selain peringatan "
        "kecelakaan (yang selalu dikirim). Tekan tombol untuk mengubah satu pengaturan; "
        "perubahan langsung tersimpan. Ketik *menu* untuk kembali ke menu utama."
    ),
    # Its line in Telegram's command menu.
    "command_alert_settings": "Pengaturan peringatan (petugas)",
}

EN: dict[str, str] = {
    "alert_place": "RT {rt}, Kel. {kelurahan}",
    "alert_place_unknown": "RT unknown",
    "alert_scope_city": "Kota Jambi",
    "alert_scope_kecamatan": "Kec. {name}",
    "alert_scope_kelurahan": "Kel. {name}",
    "alert_incident_reminder": (
        "⏰ *Reminder: incident {reference} not yet reported to BPJS*\n"
        "{place} · victim {victim} · {severity}\n"
        "The stage-I report to BPJS Ketenagakerjaan and Disnaker is due by *{deadline}* "
        "(*{left}*).\n"
        "Once the formal report is filed, mark it in /insiden."
    ),
    "alert_incident_overdue": (
        "🚨 *The 2×24 hours of incident {reference} have passed* ({deadline}, {left})\n"
        "{place} · victim {victim} · {severity}\n"
        "It is not marked as reported to BPJS. When the report is late the employer owes the "
        "benefits itself: file the stage-I report now, then mark it in /insiden."
    ),
    "alert_activity_new": (
        "🆕 *New activity confirmed* — {number}\n"
        "{title}\n"
        "{place}\n"
        "{start} to {end} · {people} participants\n"
        "Value {value} · premium {premium}"
    ),
    "alert_digest": (
        "🗓️ *New activities yesterday* ({date}) in your area: {count}\n{lines}\nDetails: /kegiatanrt"
    ),
    "alert_digest_line": "• {number} · {title} — {place} ({people} participants)",
    "alert_digest_more": "…and {count} more.",
    "alert_starting_draft_chair": (
        "⚠️ Activity *{title}* is planned to start tomorrow, *{date}*, but it is *not "
        "confirmed*: nobody is covered by BPJS Ketenagakerjaan yet.\n"
        "Complete and confirm it in *My activities* before the work starts."
    ),
    "alert_starting_empty_chair": (
        "⚠️ Activity *{title}* starts tomorrow, *{date}*, but *its worker list is empty*: "
        "nobody is covered by BPJS Ketenagakerjaan.\n"
        "Add participants in *My activities* before the work starts."
    ),
    "alert_starting_empty_short": "no participants",
    "alert_starting_line": "• {place} — {title}: {problem}",
    "alert_starting_official": (
        "⚠️ *Activities starting tomorrow ({date}) with nobody covered*: {count}\n{lines}"
    ),
    "alert_coverage_ending": (
        "ℹ️ BPJS coverage for activity *{title}* ({number}) ends tomorrow, *{date}*.\n"
        "If the work goes on, extend its end date in *My activities* before then, so the "
        "participants stay covered."
    ),
    "alert_summary": (
        "📊 *Daily summary {date}* — {scope}\n"
        "• Active RTs: {rts_active} of {rts_total}\n"
        "• Activities running: {running} · upcoming: {upcoming} · drafts: {drafts}\n"
        "• Residents covered today: {people}\n"
        "• Premium this month: {premium_month}\n"
        "• Incidents not yet reported to BPJS: {incidents} (past 2×24 hours: {overdue})\n"
        "Chart and details: /ringkasan · incidents: /insiden"
    ),
    "alert_chair_no_phone": "{channel}, no phone number",
    "alert_chair_codes": (
        "👤 *Ketua RT not identified*\n"
        "{name} ({contact}) typed a wrong invite code {count} times{rt}. If they are a "
        "Ketua RT, contact them and create a new invite code in /admin."
    ),
    "alert_chair_code_rt": " (the last code was for {rt})",
    "pref_pick_role": "🔔 *Alert settings*\nYou hold several roles. Pick the one to set up:",
    "pref_role_label": "{role} · {scope}",
    "pref_role_petugas": "Official",
    "pref_role_admin": "Admin",
    "pref_role_bpjs": "BPJS",
    "pref_settings": (
        "🔔 *Alert settings* — {role}\n"
        "• Work accidents: *always on* (cannot be switched off)\n"
        "• New activities: *{new_activities}*\n"
        "• Daily summary at 07.00 {zone}: *{daily_summary}*\n"
        "• Activities starting tomorrow without participants: *{starting}*\n"
        "• Ketua RT not identified: *{chairs}*\n"
        "• Residents' data correction requests: *{corrections}*\n"
        "Pick what to change:"
    ),
    "pref_on": "on",
    "pref_off": "off",
    "pref_mode_immediate": "immediately",
    "pref_mode_digest": "daily digest",
    "pref_mode_off": "off",
    "pref_choice_new": "Change new activities",
    "pref_turn_on_daily_summary": "Turn on daily summary",
    "pref_turn_off_daily_summary": "Turn off daily summary",
    "pref_turn_on_starting_without_participants": "Turn on starting tomorrow",
    "pref_turn_off_starting_without_participants": "Turn off starting tomorrow",
    "pref_turn_on_unidentified_chairs": "Turn on Ketua RT",
    "pref_turn_off_unidentified_chairs": "Turn off Ketua RT",
    "pref_turn_on_correction_requests": "Turn on data corrections",
    "pref_turn_off_correction_requests": "Turn off data corrections",
    "pref_choice_other_role": "Another role",
    "pref_choice_done": "Done",
    "pref_name_daily_summary": "Daily summary at 07.00 {zone}",
    "pref_name_starting_without_participants": "Activities starting tomorrow without participants",
    "pref_name_unidentified_chairs": "Ketua RT not identified",
    "pref_name_correction_requests": "Residents' data correction requests",
    "pref_name_new_activities": "New activities",
    "pref_changed": "✅ {what}: *{value}*.",
    "pref_unchanged": "{what} is already *{value}*.",
    "pref_ask_new": (
        "🆕 *New activities* in your area (now: *{current}*)\n"
        "• *Immediately*: one message for every confirmed activity\n"
        "• *Daily digest*: one list every morning at 07.00 {zone}\n"
        "• *Off*: no messages"
    ),
    "pref_choice_immediate": "Immediately",
    "pref_choice_digest": "Daily digest",
    "pref_choice_off": "Off",
    "pref_accidents_fixed": (
        "Work-accident alerts are *always on* for every official: the formal report to "
        "BPJS is due within 2×24 hours, so they cannot be switched off."
    ),
    "pref_role_gone": "That role is no longer on your account. Nothing was changed.",
    "pref_no_roles": "Your account holds no official role, so there are no alerts to set up.",
    "pref_done": "Alert settings saved.",
    "help_alert_settings": (
        "Here you choose which messages the bot sends you besides accident alerts (which "
        "always come). Tap a button to change one setting; changes are saved at once. "
        "Type *menu* to go back to the main menu."
    ),
    # Its line in Telegram's command menu.
    "command_alert_settings": "Alert settings (officials)",
}
