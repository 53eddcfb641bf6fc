"""Texts of the coverage conversation, Indonesian (`ID`) and English (`EN`) side by side:
confirming coverage, the surat tugas, "Kegiatan saya" and the tracked changes."""

ID: dict[str, str] = {
    # Confirmation.
    "conf_choice_confirm": "Ya, konfirmasi",
    "conf_choice_today": "Mulai hari ini",
    "conf_choice_participants": "Kembali ke peserta",
    "conf_choice_menu": "Menu utama",
    "conf_not_found": "Kegiatan itu tidak ditemukan, atau bukan kegiatan RT Anda.",
    "conf_not_draft": "*{title}* sudah dikonfirmasi (nomor {number}) atau dibatalkan. Lihat di *Kegiatan saya*.",
    "conf_no_people": "*{title}* belum punya peserta. Tambahkan minimal satu peserta sebelum konfirmasi.",
    "conf_start_past": (
        "⚠️ Tanggal mulai kegiatan ini ({start}) sudah lewat; hari ini {today}. Perlindungan "
        "tidak bisa berlaku mundur, dan pekerjaan yang sudah dikerjakan tidak terlindungi. "
        "Ubah tanggal mulai menjadi hari ini?"
    ),
    "conf_moved": "Tanggal diubah: {dates}. Premi dihitung ulang.",
    "conf_over_budget": "Nilai kegiatan ({value}) kini melebihi sisa anggaran RT (anggaran mungkin diubah petugas). Hubungi pendamping, atau hapus draf ini dan daftarkan ulang dengan nilai yang sesuai.",
    "conf_final": (
        "🔎 *Periksa sekali lagi*\n"
        "*{title}*\n"
        "{rt}\n"
        "Tanggal: {dates}\n"
        "Peserta: {people} orang\n"
        "Nilai: {value}\n"
        "{premium}\n\n"
        "Setelah dikonfirmasi, perubahan peserta dan tanggal dicatat sebagai perubahan. "
        "Konfirmasi perlindungan sekarang?"
    ),
    "conf_cannot_yet": "Kegiatan ini belum bisa dikonfirmasi.",
    "conf_done": (
        "✅ *Perlindungan terkonfirmasi*\n"
        "Nomor kegiatan: *{number}*\n"
        "*{title}*\n"
        "{rt}\n"
        "Masa perlindungan: {period}\n"
        "Peserta terlindungi: {people} orang\n"
        "Nilai: {value}\n"
        "{premium}\n"
        "Surat tugas: {letter} (PDF terlampir)"
    ),
    "conf_benefits": (
        "🛡️ *Yang ditanggung BPJS Ketenagakerjaan*\n"
        "*JKK* (kecelakaan kerja, termasuk perjalanan pergi/pulang kerja): pengobatan sesuai "
        "kebutuhan medis tanpa batas biaya; upah selama tidak mampu bekerja (100% 12 bulan "
        "pertama, lalu 50%); santunan cacat; bila meninggal karena kecelakaan kerja 48× upah "
        "(min. Rp20 juta) + Rp10 juta pemakaman + Rp12 juta santunan berkala; beasiswa 2 anak.\n"
        "*JKM* (meninggal bukan karena kerja): Rp42 juta untuk ahli waris.\n"
        "Premi dibayar pemberi kerja; peserta tidak membayar apa pun.\n\n"
        "🚑 *Bila terjadi kecelakaan*\n"
        "1. Tolong korban dan bawa ke fasilitas kesehatan.\n"
        "2. Laporkan *segera* lewat bot ini (menu *Lapor kecelakaan*).\n"
        "3. BPJS Ketenagakerjaan dan Disnaker harus menerima laporan dalam *2×24 jam*.\n"
        "4. Simpan semua kuitansi dan surat keterangan dokter."
    ),
    "coverage_notice": (
        "🛡️ Halo {name}, Anda kini *terlindungi BPJS Ketenagakerjaan* (JKK kecelakaan kerja "
        "dan JKM kematian) sebagai peserta kegiatan Kampung Bahagia *{title}*, {rt}.\n"
        "Masa perlindungan: {period}.\n"
        "Bila terjadi kecelakaan, segera lapor lewat bot ini (menu *Lapor kecelakaan*). "
        "Anda tidak membayar premi apa pun."
    ),
    # The surat tugas.
    "letter_added_since": "sejak {at}",
    "letter_caption": "📄 Surat tugas {number} (revisi {revision})",
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
}

EN: dict[str, str] = {
    "conf_choice_confirm": "Yes, confirm",
    "conf_choice_today": "Start today",
    "conf_choice_participants": "Back to participants",
    "conf_choice_menu": "Main menu",
    "conf_not_found": "That activity was not found, or it is not your RT's.",
    "conf_not_draft": "*{title}* is already confirmed (number {number}) or cancelled. See *My activities*.",
    "conf_no_people": "*{title}* has no participants yet. Add at least one before confirming.",
    "conf_start_past": (
        "⚠️ This activity's start date ({start}) has passed; today is {today}. Cover cannot "
        "be back-dated, and work already done is not protected. Change the start to today?"
    ),
    "conf_moved": "Dates changed: {dates}. The premium was recalculated.",
    "conf_over_budget": "The activity's value ({value}) now exceeds the RT's remaining budget (an official may have changed it). Contact your pendamping, or delete this draft and register again with a fitting value.",
    "conf_final": (
        "🔎 *Check once more*\n"
        "*{title}*\n"
        "{rt}\n"
        "Dates: {dates}\n"
        "Participants: {people}\n"
        "Value: {value}\n"
        "{premium}\n\n"
        "After confirmation, changes to participants and dates are recorded as changes. "
        "Confirm the coverage now?"
    ),
    "conf_cannot_yet": "This activity cannot be confirmed yet.",
    "conf_done": (
        "✅ *Coverage confirmed*\n"
        "Activity number: *{number}*\n"
        "*{title}*\n"
        "{rt}\n"
        "Coverage period: {period}\n"
        "People covered: {people}\n"
        "Value: {value}\n"
        "{premium}\n"
        "Surat tugas: {letter} (PDF attached)"
    ),
    "conf_benefits": (
        "🛡️ *What BPJS Ketenagakerjaan covers*\n"
        "*JKK* (work accidents, including the trip to and from work): medical care as needed "
        "with no cost ceiling; wages while unable to work (100% for 12 months, then 50%); "
        "disability benefits; death from a work accident 48× wage (at least Rp20 million) + "
        "Rp10 million funeral + Rp12 million periodic payment; scholarships for 2 children.\n"
        "*JKM* (death not from work): Rp42 million for the heirs.\n"
        "The employer pays the premium; participants pay nothing.\n\n"
        "🚑 *After an accident*\n"
        "1. Help the victim and get them to a health facility.\n"
        "2. Report it *at once* through this bot (menu *Report an accident*).\n"
        "3. BPJS Ketenagakerjaan and Disnaker must receive the report within *2×24 hours*.\n"
        "4. Keep every receipt and the doctor's statement."
    ),
    "coverage_notice": (
        "🛡️ Hello {name}, you are now *covered by BPJS Ketenagakerjaan* (JKK work accidents "
        "and JKM death) as a participant of the Kampung Bahagia activity *{title}*, {rt}.\n"
        "Coverage period: {period}.\n"
        "After an accident, report it at once through this bot (menu *Report an accident*). "
        "You pay no premium."
    ),
    "letter_added_since": "since {at}",
    "letter_caption": "📄 Surat tugas {number} (revision {revision})",
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
}
