"""Texts of Daftarkan kegiatan (the registration questions and the summary card). Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Starting: an unfinished draft, which RT.
    "reg_resume": (
        "📝 Anda masih punya draf kegiatan yang belum dikonfirmasi:\n"
        "*{title}*, {dates}, {people} peserta.\n\n"
        "Lanjutkan draf ini, atau daftarkan kegiatan baru?"
    ),
    "reg_resume_continue": "Lanjutkan draf",
    "reg_resume_new": "Daftarkan kegiatan baru",
    "reg_draft_gone": "Draf itu sudah tidak ada (mungkin sudah dihapus atau dikonfirmasi).",
    "reg_ask_rt": "Anda Ketua lebih dari satu RT. Kegiatan ini untuk RT yang mana?",
    "reg_rt_choice": "RT {rt} · Kel. {kelurahan}",
    "reg_rt_not_yours": "Maaf, nomor Anda tidak lagi tercatat sebagai Ketua RT tersebut. Hubungi lurah atau pendamping bila ini keliru.",
    "reg_current": "\n(Jawaban sekarang: {value})",
    # Title, kind, place.
    "reg_ask_title": "📝 *Daftarkan kegiatan*\nApa *nama kegiatannya*? Contoh: _Perbaikan jalan Gang Melati_.",
    "reg_title_invalid": "Tulis nama kegiatan dengan huruf, minimal 3 karakter. Contoh: _Perbaikan jalan Gang Melati_.",
    "reg_ask_kind": "Apa *jenis* kegiatannya? Pilih salah satu:",
    "reg_kind_invalid": "Mohon pilih jenis kegiatan dari tombol (atau ketik nomornya).",
    "reg_ask_place": "Di mana *tempatnya*? Tulis alamat atau patokannya, atau bagikan lokasi (📎 → Lokasi).",
    "reg_place_invalid": "Tulis tempat kegiatan dengan huruf, minimal 3 karakter (mis. _Gang Melati RT 01_), atau bagikan lokasi.",
    "reg_place_shared": "Lokasi dibagikan ({lat}, {lon})",
    "reg_ask_place_detail": "📍 Lokasi diterima. Tambahkan keterangan singkat tempatnya (mis. _ujung Gang Melati_), atau tekan *Lewati*.",
    "reg_skip": "Lewati",
    # Dates.
    "reg_ask_start": "Kapan kegiatan *mulai*? Contoh: _9/3/2026_, _9 Maret_, _besok_.",
    "reg_today": "Hari ini",
    "reg_tomorrow": "Besok",
    "reg_date_check": "_{typed}_ tanpa tahun berarti *{date}*, lebih dari 6 bulan lagi. Benar {date}? Tekan tombolnya, atau ketik tanggal lengkap dengan tahunnya, contoh: _9/3/2026_.",
    "reg_date_check_yes": "Ya, {date}",
    "reg_date_unreadable": "Tanggal itu tidak bisa saya baca. Tulis tanggal-bulan-tahun, contoh: _9/3/2026_, _9 Maret 2026_, atau _besok_.",
    "reg_date_no_such_day": "Tanggal itu tidak ada di kalender. Periksa lagi hari dan bulannya.",
    "reg_start_past": (
        "⚠️ {start} sudah lewat (hari ini {today}). Perlindungan BPJS tidak bisa berlaku "
        "mundur: pekerjaan yang sudah dikerjakan sebelum didaftarkan *tidak terlindungi*. "
        "Daftarkan mulai hari ini atau tanggal yang akan datang."
    ),
    "reg_start_too_far": "{start} lebih dari setahun lagi. Periksa tahunnya, atau daftarkan kegiatan itu nanti.",
    "reg_end_again": "Tanggal selesai tidak cocok lagi dengan tanggal mulai yang baru. Mohon isi ulang tanggal selesai.",
    "reg_ask_end": "Kapan kegiatan *selesai*? Mulai {start}; paling lambat {latest}.",
    "reg_same_day": "Hari yang sama",
    "reg_end_before_start": "Tanggal selesai ({end}) tidak boleh sebelum tanggal mulai ({start}).",
    "reg_end_too_long": "Satu kegiatan paling lama {days} hari, jadi paling lambat selesai {latest}. Untuk pekerjaan lebih lama, daftarkan sebagai kegiatan berikutnya.",
    # Value and PPN.
    "reg_ask_value": "Berapa *nilai kegiatan* (anggaran yang dipakai)? Contoh: _25 juta_, _Rp25.000.000_.\n{budget}",
    "reg_value_over_budget": "Nilai {value} melebihi sisa anggaran RT.\n{budget}\nTulis nilai yang lebih kecil, atau hubungi pendamping bila anggaran RT Anda keliru.",
    "reg_ask_ppn": "Apakah nilai {value} sudah *termasuk PPN*?",
    "reg_yes": "Ya",
    "reg_no": "Tidak",
    "reg_yes_or_no": "Mohon jawab dengan tombol *Ya* atau *Tidak*.",
    # Summary, changing a field, saving.
    "reg_summary": (
        "📋 *Ringkasan kegiatan*\n"
        "{rt}\n"
        "Nama: *{title}*\n"
        "Jenis: {kind}\n"
        "Tempat: {place}\n"
        "Tanggal: {dates}\n"
        "Masa perlindungan: {period}\n"
        "Nilai: {value}\n"
        "{premium}\n"
        "Setelah kegiatan ini — {budget}\n\n"
        "Sudah benar? Simpan lalu tambahkan peserta."
    ),
    "reg_incomplete": "Ada jawaban yang belum diisi. Tekan *Ubah* untuk melengkapinya.",
    "reg_save": "Simpan & tambah peserta",
    "reg_edit": "Ubah …",
    "reg_cancel": "Batal",
    "reg_unfinished_titled": "pendaftaran kegiatan “{title}”",
    "reg_unfinished": "pendaftaran kegiatan baru",
    "reg_ask_edit": "Bagian mana yang ingin diubah?",
    "reg_field_title": "Nama kegiatan",
    "reg_field_kind": "Jenis",
    "reg_field_place": "Tempat",
    "reg_field_start": "Tanggal mulai",
    "reg_field_end": "Tanggal selesai",
    "reg_field_value": "Nilai",
    "reg_field_ppn": "PPN",
    "reg_back_to_summary": "Kembali ke ringkasan",
    "reg_start_passed_meanwhile": "Tanggal mulai kegiatan ini sudah lewat sejak ringkasan ditampilkan. Mohon pilih tanggal mulai yang baru.",
    "reg_saved": "✅ *{title}* disimpan sebagai draf. Belum terlindungi: tambahkan peserta, lalu konfirmasi perlindungan.",
    # Its line in Telegram's command menu.
    "command_activity_registration": "Daftarkan kegiatan (Ketua RT)",
}

EN: dict[str, str] = {
    "reg_resume": (
        "📝 You still have an unconfirmed draft activity:\n"
        "*{title}*, {dates}, {people} participants.\n\n"
        "Continue this draft, or register a new activity?"
    ),
    "reg_resume_continue": "Continue the draft",
    "reg_resume_new": "Register a new activity",
    "reg_draft_gone": "That draft no longer exists (it may have been deleted or confirmed).",
    "reg_ask_rt": "You chair more than one RT. Which RT is this activity for?",
    "reg_rt_choice": "RT {rt} · Kel. {kelurahan}",
    "reg_rt_not_yours": "Sorry, your number is no longer recorded as that RT's chair. Contact your lurah or pendamping if this is wrong.",
    "reg_current": "\n(Current answer: {value})",
    "reg_ask_title": "📝 *Register an activity*\nWhat is the activity's *name*? Example: _Repairing the Gang Melati road_.",
    "reg_title_invalid": "Write the activity's name in letters, at least 3 characters. Example: _Repairing the Gang Melati road_.",
    "reg_ask_kind": "What *kind* of activity is it? Choose one:",
    "reg_kind_invalid": "Please choose the kind from the buttons (or type its number).",
    "reg_ask_place": "*Where* is it? Write the address or a landmark, or share a location (📎 → Location).",
    "reg_place_invalid": "Write the place in letters, at least 3 characters (e.g. _Gang Melati RT 01_), or share a location.",
    "reg_place_shared": "Shared location ({lat}, {lon})",
    "reg_ask_place_detail": "📍 Location received. Add a short description of the place (e.g. _end of Gang Melati_), or tap *Skip*.",
    "reg_skip": "Skip",
    "reg_ask_start": "When does the activity *start*? Example: _9/3/2026_, _9 March_, _tomorrow_.",
    "reg_today": "Today",
    "reg_tomorrow": "Tomorrow",
    "reg_date_check": "_{typed}_ without a year means *{date}*, more than 6 months ahead. Is {date} right? Tap the button, or type the full date with the year, e.g. _9/3/2026_.",
    "reg_date_check_yes": "Yes, {date}",
    "reg_date_unreadable": "I cannot read that date. Write day-month-year, e.g. _9/3/2026_, _9 March 2026_ or _tomorrow_.",
    "reg_date_no_such_day": "That date is not on the calendar. Check the day and month again.",
    "reg_start_past": (
        "⚠️ {start} has passed (today is {today}). BPJS cover cannot be back-dated: work "
        "done before registration is *not protected*. Register from today or a future date."
    ),
    "reg_start_too_far": "{start} is more than a year away. Check the year, or register that activity later.",
    "reg_end_again": "The end date no longer fits the new start date. Please enter the end date again.",
    "reg_ask_end": "When does the activity *end*? It starts {start}; {latest} at the latest.",
    "reg_same_day": "The same day",
    "reg_end_before_start": "The end date ({end}) cannot be before the start date ({start}).",
    "reg_end_too_long": "One activity lasts at most {days} days, so it must end by {latest}. Register longer work as a following activity.",
    "reg_ask_value": "What is the *activity's value* (the budget it uses)? Example: _25 juta_, _Rp25.000.000_.\n{budget}",
    "reg_value_over_budget": "The value {value} exceeds the RT's remaining budget.\n{budget}\nWrite a smaller value, or contact your pendamping if the RT budget is wrong.",
    "reg_ask_ppn": "Does the value {value} *include VAT (PPN)*?",
    "reg_yes": "Yes",
    "reg_no": "No",
    "reg_yes_or_no": "Please answer with the *Yes* or *No* button.",
    "reg_summary": (
        "📋 *Activity summary*\n"
        "{rt}\n"
        "Name: *{title}*\n"
        "Kind: {kind}\n"
        "Place: {place}\n"
        "Dates: {dates}\n"
        "Coverage period: {period}\n"
        "Value: {value}\n"
        "{premium}\n"
        "After this activity — {budget}\n\n"
        "Is this right? Save it, then add the participants."
    ),
    "reg_incomplete": "Some answers are missing. Tap *Change* to complete them.",
    "reg_save": "Save & add participants",
    "reg_edit": "Change …",
    "reg_cancel": "Cancel",
    "reg_unfinished_titled": "the registration of “{title}”",
    "reg_unfinished": "a new activity registration",
    "reg_ask_edit": "Which part do you want to change?",
    "reg_field_title": "Activity name",
    "reg_field_kind": "Kind",
    "reg_field_place": "Place",
    "reg_field_start": "Start date",
    "reg_field_end": "End date",
    "reg_field_value": "Value",
    "reg_field_ppn": "VAT",
    "reg_back_to_summary": "Back to the summary",
    "reg_start_passed_meanwhile": "This activity's start date passed while the summary was open. Please choose a new start date.",
    "reg_saved": "✅ *{title}* saved as a draft. Not covered yet: add the participants, then confirm the coverage.",
    # Its line in Telegram's command menu.
    "command_activity_registration": "Register an activity (RT chair)",
}
