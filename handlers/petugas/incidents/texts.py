"""Texts of Insiden (officials' incident list) and of the deadline countdown. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Countdown to the 2×24-hour deadline.
    "countdown_left": "sisa {duration}",
    "countdown_over": "LEWAT {duration}",
    "duration_days": "{days} hari",
    "duration_hours": "{hours} jam",
    "duration_minutes": "{minutes} menit",
    "duration_under_minute": "kurang dari 1 menit",
    # The list.
    "inc_list": (
        "🚑 *Insiden di wilayah Anda*: {count} belum selesai, paling mendesak di atas "
        "(halaman {page}/{pages}).\n\n{lines}\n\n"
        "Pilih insiden, atau ketik nomor referensinya (misalnya *LK-20260302-0001*)."
    ),
    "inc_line": ("*{index}. {reference}* · {place}\n{victim} · {severity} · {covered}\n{state}"),
    "inc_victim": "{name} (NIK {nik})",
    "inc_covered_yes": "terlindungi",
    "inc_covered_no": "tidak terdaftar",
    "inc_state_open": "⏰ {left}",
    "inc_state_reported": "✅ sudah dilaporkan ke BPJS (no. {number})",
    "inc_state_closed": "ditutup",
    "inc_state_closed_with": "ditutup: {outcome}",
    "inc_none": "✅ Tidak ada insiden terbuka di wilayah Anda.",
    "inc_pick": (
        "Pilih insiden dari daftar (tekan tombol atau ketik nomor urutnya), atau ketik "
        "nomor referensinya, misalnya *LK-20260302-0001*."
    ),
    "inc_unknown_reference": "Tidak ada insiden dengan nomor *{reference}*. Periksa lagi nomornya.",
    "inc_out_of_scope": "Insiden itu tidak ada di wilayah tugas Anda.",
    "inc_already_closed": "Insiden *{reference}* sudah ditutup ({when}); tidak ada lagi yang perlu dilakukan.",
    "inc_choice_menu": "Menu utama",
    "inc_choice_next": "Berikutnya ▶",
    "inc_choice_prev": "◀ Sebelumnya",
    # One incident.
    "inc_detail": (
        "🚑 *Insiden {reference}*\n"
        "{state}\n"
        "Batas laporan tahap I ke BPJS: {deadline}\n\n"
        "Wilayah: {place}\n"
        "Kegiatan: {activity}\n"
        "Korban: {victim}\n"
        "Status peserta: {covered}\n"
        "Waktu kejadian: {when}\n"
        "Tempat: {where}\n"
        "Kejadian: {what}\n"
        "Akibat: {severity}\n"
        "Pelapor: {reporter} ({phone}), diterima {received}"
    ),
    "inc_reported_line": "Ditandai dilaporkan ke BPJS: {when}, nomor laporan *{number}*.",
    "inc_choice_report": "Tandai sudah dilaporkan ke BPJS",
    "inc_choice_close": "Tutup",
    "inc_choice_back": "Kembali ke daftar",
    "inc_gone": "Insiden itu tidak lagi ada di wilayah tugas Anda.",
    "inc_action_gone": "Insiden ini sudah ditangani petugas lain: {state}. Tidak ada yang diubah.",
    # Mark as reported.
    "inc_ask_number": (
        "Ketik *nomor laporan kecelakaan dari BPJS Ketenagakerjaan* untuk {reference} "
        "(tertera pada tanda terima laporan tahap I)."
    ),
    "inc_number_invalid": (
        "Itu bukan nomor laporan yang bisa saya simpan. Ketik nomornya saja: huruf, angka, "
        "dan tanda / . - (3–40 karakter, minimal satu angka)."
    ),
    "inc_confirm_report": "Tandai *{reference}* sudah dilaporkan ke BPJS dengan nomor laporan *{number}*?",
    "inc_confirm_report_no_number": (
        "Tandai *{reference}* sudah dilaporkan ke BPJS *tanpa* nomor laporan? Nomornya "
        "tidak bisa ditambahkan nanti di sini; pelapor diberi tahu tanpa nomor."
    ),
    "inc_choice_no_number": "Belum ada nomor",
    "inc_choice_yes": "Ya, simpan",
    "inc_choice_edit": "Ubah nomor",
    "inc_reported_done": (
        "✅ *{reference}* ditandai sudah dilaporkan ke BPJS (nomor {number}). Pengingat "
        "tenggat berhenti; pelapor dan korban diberi tahu. Setelah BPJS memutuskan, tutup "
        "insiden dengan hasilnya (sampai itu pengingat datang sekali seminggu)."
    ),
    "inc_reported_done_no_number": (
        "✅ *{reference}* ditandai sudah dilaporkan ke BPJS (tanpa nomor). Pengingat "
        "tenggat berhenti; pelapor dan korban diberi tahu. Setelah BPJS memutuskan, tutup "
        "insiden dengan hasilnya (sampai itu pengingat datang sekali seminggu)."
    ),
    "inc_reporter_notice": (
        "✅ Laporan kecelakaan *{reference}* (korban {victim}) sudah dilaporkan resmi ke BPJS "
        "Ketenagakerjaan oleh petugas pada {when}. Nomor laporan BPJS: *{number}*.\n"
        "Simpan nomor ini untuk mengurus klaim."
    ),
    "inc_reporter_notice_no_number": (
        "✅ Laporan kecelakaan *{reference}* (korban {victim}) sudah dilaporkan resmi ke BPJS "
        "Ketenagakerjaan oleh petugas pada {when}. Anda akan diberi tahu lagi bila laporan "
        "ini ditutup dengan hasilnya."
    ),
    "inc_closed_notice": (
        "ℹ️ Laporan kecelakaan *{reference}* (korban {victim}) ditutup oleh petugas pada "
        "{when}.\nHasil: *{outcome}*"
    ),
    "inc_closed_notice_note": "Catatan petugas: {note}",
    # Close.
    "inc_ask_reason": "Mengapa insiden *{reference}* ditutup? Pilih alasan atau ketik sendiri.",
    "inc_ask_outcome": (
        "Apa hasil laporan *{reference}* di BPJS Ketenagakerjaan? Pilih hasilnya atau ketik "
        "sendiri."
    ),
    "inc_outcome_claim_paid": "Klaim dibayar BPJS",
    "inc_outcome_claim_rejected": "Klaim ditolak BPJS",
    "inc_outcome_no_claim": "Tidak perlu klaim",
    "inc_outcome_not_work": "Bukan kecelakaan kerja",
    "inc_outcome_duplicate": "Laporan ganda",
    "inc_outcome_other": "Lainnya",
    "inc_ask_note": (
        "Hasil: *{outcome}*. Tambahkan catatan untuk {reference} (misalnya besar klaim yang "
        "dibayar atau alasan penolakan), atau pilih *Tanpa catatan*."
    ),
    "inc_ask_note_required": "Tulis hasil atau alasannya untuk {reference} dengan kata-kata Anda sendiri.",
    "inc_choice_no_note": "Tanpa catatan",
    "inc_reason_invalid": "Mohon tulis alasannya dengan kata-kata (paling banyak {limit} huruf), atau pilih salah satu tombol.",
    "inc_confirm_close": "Tutup insiden *{reference}*?\nHasil: {outcome}",
    "inc_confirm_close_note": "Catatan: {note}",
    "inc_confirm_close_effect": (
        "Insiden yang ditutup hilang dari daftar dan tidak diingatkan lagi; pelapor dan "
        "korban diberi tahu hasilnya."
    ),
    "inc_close_unreported": "⚠️ Insiden ini *belum* ditandai dilaporkan ke BPJS.",
    "inc_choice_close_yes": "Ya, tutup",
    "inc_choice_close_edit": "Ubah hasil",
    "inc_closed_done": "Insiden *{reference}* ditutup.",
    "help_incidents": (
        "Di sini Anda melihat laporan kecelakaan kerja di wilayah Anda. Laporan resmi tahap I "
        "ke BPJS Ketenagakerjaan dan Disnaker wajib dibuat dalam 2×24 jam sejak kejadian. "
        "Setelah dibuat, tandai insidennya dengan nomor laporan BPJS agar pengingat harian "
        "berhenti. Setelah BPJS memutuskan klaimnya, tutup insiden dengan hasilnya; sampai "
        "itu pengingat datang sekali seminggu.\n"
        "Ketik *kembali*, *batal* atau *menu* kapan saja."
    ),
    # Its line in Telegram's command menu.
    "command_official_incidents": "Insiden kecelakaan (petugas)",
    # Scheduled reminders (bot/workers/jobs/incidents.py) past the deadline and in stage II.
    "alert_incident_still_overdue": (
        "🚨 *Insiden {reference} masih belum ditandai dilaporkan ke BPJS*\n"
        "Batas 2×24 jam sudah lewat ({deadline}, {left}).\n"
        "{place} · korban {victim} · {severity}\n"
        "Karena laporannya terlambat, pemberi kerja kini menanggung sendiri manfaatnya. "
        "Tetap buat laporan tahap I ke BPJS Ketenagakerjaan dan Disnaker secepatnya, lalu "
        "tandai lewat /insiden. Pengingat ini datang setiap hari sampai insiden ditandai "
        "atau ditutup."
    ),
    "alert_incident_follow_up": (
        "📋 *Insiden {reference} belum ditutup*\n"
        "{place} · korban {victim}\n"
        "Ditandai dilaporkan ke BPJS pada {marked} (no. {number}). Setelah BPJS memutuskan "
        "(klaim dibayar, ditolak, atau tidak perlu klaim), tutup insiden dengan hasilnya "
        "lewat /insiden. Pengingat ini datang sekali seminggu sampai insiden ditutup."
    ),
}

EN: dict[str, str] = {
    "countdown_left": "{duration} left",
    "countdown_over": "OVERDUE by {duration}",
    "duration_days": "{days} days",
    "duration_hours": "{hours} h",
    "duration_minutes": "{minutes} min",
    "duration_under_minute": "under 1 min",
    "inc_list": (
        "🚑 *Incidents in your area*: {count} not finished, most urgent first "
        "(page {page}/{pages}).\n\n{lines}\n\n"
        "Pick an incident, or type its reference (e.g. *LK-20260302-0001*)."
    ),
    "inc_line": ("*{index}. {reference}* · {place}\n{victim} · {severity} · {covered}\n{state}"),
    "inc_victim": "{name} (NIK {nik})",
    "inc_covered_yes": "covered",
    "inc_covered_no": "not registered",
    "inc_state_open": "⏰ {left}",
    "inc_state_reported": "✅ reported to BPJS (no. {number})",
    "inc_state_closed": "closed",
    "inc_state_closed_with": "closed: {outcome}",
    "inc_none": "✅ No open incidents in your area.",
    "inc_pick": (
        "Pick an incident from the list (tap it or type its position), or type its "
        "reference, e.g. *LK-20260302-0001*."
    ),
    "inc_unknown_reference": "There is no incident *{reference}*. Check the number.",
    "inc_out_of_scope": "That incident is not in your area.",
    "inc_already_closed": "Incident *{reference}* was closed ({when}); nothing left to do.",
    "inc_choice_menu": "Main menu",
    "inc_choice_next": "Next ▶",
    "inc_choice_prev": "◀ Previous",
    "inc_detail": (
        "🚑 *Incident {reference}*\n"
        "{state}\n"
        "Stage-I report to BPJS due by: {deadline}\n\n"
        "Area: {place}\n"
        "Activity: {activity}\n"
        "Victim: {victim}\n"
        "Participant status: {covered}\n"
        "Time of accident: {when}\n"
        "Place: {where}\n"
        "What happened: {what}\n"
        "Outcome: {severity}\n"
        "Reported by: {reporter} ({phone}), received {received}"
    ),
    "inc_reported_line": "Marked as reported to BPJS: {when}, report number *{number}*.",
    "inc_choice_report": "Mark as reported to BPJS",
    "inc_choice_close": "Close",
    "inc_choice_back": "Back to the list",
    "inc_gone": "That incident is no longer in your area.",
    "inc_action_gone": "Another official has handled this incident: {state}. Nothing was changed.",
    "inc_ask_number": (
        "Type the *accident report number from BPJS Ketenagakerjaan* for {reference} "
        "(on the receipt of the stage-I report)."
    ),
    "inc_number_invalid": (
        "I cannot store that as a report number. Type just the number: letters, digits and "
        "/ . - (3–40 characters, at least one digit)."
    ),
    "inc_confirm_report": "Mark *{reference}* as reported to BPJS with report number *{number}*?",
    "inc_confirm_report_no_number": (
        "Mark *{reference}* as reported to BPJS *without* a report number? The number cannot "
        "be added here later; the reporter is told without a number."
    ),
    "inc_choice_no_number": "No number yet",
    "inc_choice_yes": "Yes, save",
    "inc_choice_edit": "Change the number",
    "inc_reported_done": (
        "✅ *{reference}* is marked as reported to BPJS (number {number}). The deadline "
        "reminders stop; the reporter and the victim are told. Once BPJS has decided, close "
        "the incident with its outcome (until then a reminder comes weekly)."
    ),
    "inc_reported_done_no_number": (
        "✅ *{reference}* is marked as reported to BPJS (no number). The deadline reminders "
        "stop; the reporter and the victim are told. Once BPJS has decided, close the "
        "incident with its outcome (until then a reminder comes weekly)."
    ),
    "inc_reporter_notice": (
        "✅ Accident report *{reference}* (victim {victim}) was formally reported to BPJS "
        "Ketenagakerjaan by an official on {when}. BPJS report number: *{number}*.\n"
        "Keep this number for the claim."
    ),
    "inc_reporter_notice_no_number": (
        "✅ Accident report *{reference}* (victim {victim}) was formally reported to BPJS "
        "Ketenagakerjaan by an official on {when}. You will be told again when it is closed "
        "with its outcome."
    ),
    "inc_closed_notice": (
        "ℹ️ Accident report *{reference}* (victim {victim}) was closed by an official on "
        "{when}.\nOutcome: *{outcome}*"
    ),
    "inc_closed_notice_note": "The official's note: {note}",
    "inc_ask_reason": "Why is incident *{reference}* closed? Pick a reason or type your own.",
    "inc_ask_outcome": (
        "What came of report *{reference}* at BPJS Ketenagakerjaan? Pick the outcome or type "
        "your own."
    ),
    "inc_outcome_claim_paid": "Claim paid by BPJS",
    "inc_outcome_claim_rejected": "Claim rejected by BPJS",
    "inc_outcome_no_claim": "No claim needed",
    "inc_outcome_not_work": "Not a work accident",
    "inc_outcome_duplicate": "Duplicate report",
    "inc_outcome_other": "Other",
    "inc_ask_note": (
        "Outcome: *{outcome}*. Add a note for {reference} (e.g. the amount paid or why it was "
        "rejected), or pick *No note*."
    ),
    "inc_ask_note_required": "Write the outcome or the reason for {reference} in your own words.",
    "inc_choice_no_note": "No note",
    "inc_reason_invalid": "Please write the reason in words (at most {limit} characters), or tap one of the buttons.",
    "inc_confirm_close": "Close incident *{reference}*?\nOutcome: {outcome}",
    "inc_confirm_close_note": "Note: {note}",
    "inc_confirm_close_effect": (
        "A closed incident leaves the list and gets no more reminders; the reporter and the "
        "victim are told its outcome."
    ),
    "inc_close_unreported": "⚠️ This incident is *not* marked as reported to BPJS.",
    "inc_choice_close_yes": "Yes, close it",
    "inc_choice_close_edit": "Change the outcome",
    "inc_closed_done": "Incident *{reference}* is closed.",
    "help_incidents": (
        "Here you see the work-accident reports in your area. The formal stage-I report to "
        "BPJS Ketenagakerjaan and Disnaker is due within 2×24 hours of the accident. Once "
        "filed, mark the incident with the BPJS report number so the daily reminders stop. "
        "Once BPJS has decided the claim, close the incident with its outcome; until then a "
        "reminder comes weekly.\n"
        "Type *kembali*, *batal* or *menu* at any time."
    ),
    # Its line in Telegram's command menu.
    "command_official_incidents": "Accident incidents (officials)",
    "alert_incident_still_overdue": (
        "🚨 *Incident {reference} is still not marked as reported to BPJS*\n"
        "The 2×24 hours have passed ({deadline}, {left}).\n"
        "{place} · victim {victim} · {severity}\n"
        "Because the report is late, the employer now owes the benefits itself. Still file "
        "the stage-I report to BPJS Ketenagakerjaan and Disnaker as soon as possible, then "
        "mark it in /insiden. This reminder comes daily until the incident is marked or closed."
    ),
    "alert_incident_follow_up": (
        "📋 *Incident {reference} is not closed yet*\n"
        "{place} · victim {victim}\n"
        "Marked as reported to BPJS on {marked} (no. {number}). Once BPJS has decided (claim "
        "paid, rejected, or no claim needed), close the incident with its outcome in "
        "/insiden. This reminder comes weekly until the incident is closed."
    ),
}
