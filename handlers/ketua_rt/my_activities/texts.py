"""Texts of Kegiatan saya and of the tracked changes to a confirmed activity. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Kegiatan saya.
    "my_status_draft": "draf",
    "my_status_confirmed": "terkonfirmasi",
    "my_status_running": "berjalan",
    "my_status_ended": "selesai",
    "my_status_cancelled": "dibatalkan",
    "my_empty": "📂 *Kegiatan saya*\nBelum ada kegiatan yang didaftarkan.\n{budget}",
    "my_list": "📂 *Kegiatan saya* ({count} kegiatan, halaman {page}/{pages})\n{budget}\n\nPilih kegiatan, atau ketik nomornya (mis. KB-2026-00001):",
    "my_item": "{title} · {status}",
    "my_pick": "Pilih kegiatan dari daftar (ketik nomornya di daftar), atau ketik nomor kegiatan seperti KB-2026-00001.",
    "my_not_found": "Kegiatan itu tidak ditemukan, atau bukan kegiatan RT Anda.",
    "my_no_number": "belum bernomor",
    "my_detail": (
        "📄 *{title}*\n"
        "Nomor: {number} · Status: *{status}*\n"
        "{rt}\n"
        "Jenis: {kind}\n"
        "Tempat: {place}\n"
        "Tanggal: {dates}\n"
        "Masa perlindungan: {period}\n"
        "Peserta: {people} orang\n"
        "Nilai: {value}\n"
        "{premium}"
    ),
    "my_letter_line": "Surat tugas: {letter} (revisi {revision})",
    "my_cancelled_line": "Dibatalkan {at}; perlindungan berakhir saat itu.",
    "my_action_gone": "Pilihan itu tidak berlaku lagi untuk kegiatan ini (statusnya sudah berubah).",
    "my_delete_ask": "Hapus draf *{title}* beserta {people} peserta? Ini tidak bisa dibatalkan.",
    "my_deleted": "🗑️ Draf *{title}* dihapus.",
    "my_choice_new": "Daftarkan kegiatan",
    "my_choice_next": "Berikutnya ▶",
    "my_choice_prev": "◀ Sebelumnya",
    "my_choice_continue": "Lanjutkan",
    "my_choice_delete": "Hapus draf",
    "my_choice_people": "Peserta",
    "my_choice_letter": "Unduh surat tugas",
    "my_choice_extend": "Perpanjang tanggal selesai",
    "my_choice_value": "Ubah nilai",
    "my_choice_cancel": "Batalkan kegiatan",
    "my_choice_back": "Kembali ke daftar",
    "my_choice_delete_yes": "Ya, hapus draf",
    "my_choice_extend_yes": "Ya, perpanjang",
    "my_choice_value_yes": "Ya, ubah nilai",
    "my_choice_cancel_yes": "Ya, batalkan kegiatan",
    "my_choice_no": "Tidak",
    # Tracked changes.
    "chg_ask_extend": "Tanggal selesai sekarang {end}. Diperpanjang sampai tanggal berapa? Paling lambat {latest} (satu kegiatan maks. {days} hari).",
    "chg_extend_not_later": "Tanggal selesai baru harus sesudah {end}.",
    "chg_extend_confirm": "Perpanjang *{title}*: selesai {old} → *{new}*? Ini dicatat sebagai addendum dan surat tugas mendapat revisi baru.",
    "chg_extended": "✅ Diperpanjang. Masa perlindungan kini {period}. Surat tugas revisi {revision} bisa diunduh.",
    "chg_ask_value": "Nilai sekarang {value} (premi {premium}). Berapa nilai barunya? Anggaran yang tersedia untuk kegiatan ini: {available}.",
    "chg_value_same": "Nilainya sama dengan sekarang ({value}). Tulis nilai baru, atau tekan *Kembali ke daftar*.",
    "chg_premium_more": "Tambahan premi: {amount}",
    "chg_premium_less": "Premi berkurang: {amount}",
    "chg_value_confirm": "Ubah nilai {old} → *{new}*?\nPremi sebelumnya: {old_premium}\n{premium}\n{difference}",
    "chg_value_changed": "✅ Nilai kini {value}; total premi {total}. Surat tugas revisi {revision} bisa diunduh.",
    "chg_cancel_before_start": "Batalkan *{title}*? Kegiatan belum mulai, jadi belum ada yang terlindungi; anggarannya kembali tersedia.",
    "chg_cancel_running": "⚠️ Batalkan *{title}*? Kegiatan sudah berjalan: perlindungan semua peserta *berakhir sekarang* ({now}). Kecelakaan sesudahnya tidak ditanggung.",
    "chg_cancelled_before_start": "Kegiatan *{title}* dibatalkan sebelum mulai.",
    "chg_cancelled_running": "Kegiatan *{title}* dibatalkan; perlindungan berakhir {at}.",
    # Its line in Telegram's command menu.
    "command_my_activities": "Kegiatan RT saya",
}

EN: dict[str, str] = {
    "my_status_draft": "draft",
    "my_status_confirmed": "confirmed",
    "my_status_running": "running",
    "my_status_ended": "ended",
    "my_status_cancelled": "cancelled",
    "my_empty": "📂 *My activities*\nNo activity registered yet.\n{budget}",
    "my_list": "📂 *My activities* ({count} activities, page {page}/{pages})\n{budget}\n\nChoose an activity, or type its number (e.g. KB-2026-00001):",
    "my_item": "{title} · {status}",
    "my_pick": "Choose an activity from the list (type its number in the list), or type an activity number such as KB-2026-00001.",
    "my_not_found": "That activity was not found, or it is not your RT's.",
    "my_no_number": "not numbered yet",
    "my_detail": (
        "📄 *{title}*\n"
        "Number: {number} · Status: *{status}*\n"
        "{rt}\n"
        "Kind: {kind}\n"
        "Place: {place}\n"
        "Dates: {dates}\n"
        "Coverage period: {period}\n"
        "Participants: {people}\n"
        "Value: {value}\n"
        "{premium}"
    ),
    "my_letter_line": "Surat tugas: {letter} (revision {revision})",
    "my_cancelled_line": "Cancelled {at}; coverage ended then.",
    "my_action_gone": "That option no longer applies to this activity (its status has changed).",
    "my_delete_ask": "Delete the draft *{title}* with its {people} participants? This cannot be undone.",
    "my_deleted": "🗑️ Draft *{title}* deleted.",
    "my_choice_new": "Register an activity",
    "my_choice_next": "Next ▶",
    "my_choice_prev": "◀ Previous",
    "my_choice_continue": "Continue",
    "my_choice_delete": "Delete the draft",
    "my_choice_people": "Participants",
    "my_choice_letter": "Download the surat tugas",
    "my_choice_extend": "Extend the end date",
    "my_choice_value": "Change the value",
    "my_choice_cancel": "Cancel the activity",
    "my_choice_back": "Back to the list",
    "my_choice_delete_yes": "Yes, delete the draft",
    "my_choice_extend_yes": "Yes, extend",
    "my_choice_value_yes": "Yes, change the value",
    "my_choice_cancel_yes": "Yes, cancel the activity",
    "my_choice_no": "No",
    "chg_ask_extend": "The end date is now {end}. Until which date should it be extended? {latest} at the latest (one activity lasts at most {days} days).",
    "chg_extend_not_later": "The new end date must be after {end}.",
    "chg_extend_confirm": "Extend *{title}*: end {old} → *{new}*? This is recorded as an addendum and the surat tugas gets a new revision.",
    "chg_extended": "✅ Extended. The coverage period is now {period}. Surat tugas revision {revision} can be downloaded.",
    "chg_ask_value": "The value is now {value} (premium {premium}). What is the new value? Budget available for this activity: {available}.",
    "chg_value_same": "That is the current value ({value}). Write a new value, or tap *Back to the list*.",
    "chg_premium_more": "Additional premium: {amount}",
    "chg_premium_less": "Premium reduced by: {amount}",
    "chg_value_confirm": "Change the value {old} → *{new}*?\nPrevious premium: {old_premium}\n{premium}\n{difference}",
    "chg_value_changed": "✅ The value is now {value}; total premium {total}. Surat tugas revision {revision} can be downloaded.",
    "chg_cancel_before_start": "Cancel *{title}*? It has not started, so nobody has been covered yet; its budget becomes available again.",
    "chg_cancel_running": "⚠️ Cancel *{title}*? It is running: every participant's coverage *ends now* ({now}). Accidents afterwards are not covered.",
    "chg_cancelled_before_start": "The activity *{title}* was cancelled before it started.",
    "chg_cancelled_running": "The activity *{title}* was cancelled; coverage ended {at}.",
    # Its line in Telegram's command menu.
    "command_my_activities": "My RT's activities",
}
