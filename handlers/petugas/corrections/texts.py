"""Texts of Perbaikan data (officials handle residents' correction requests), with what the resident is told. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # The list.
    "corr_list": (
        "📝 *Permintaan perbaikan data* di wilayah Anda: {count} menunggu, paling lama di "
        "atas (halaman {page}/{pages}).\n\n{lines}\n\n"
        "Pilih permintaan, atau ketik nomornya (misalnya *#12*)."
    ),
    "corr_line": "*{index}. #{id}* · {date} · {name}\n{message}",
    "corr_none": "✅ Tidak ada permintaan perbaikan data yang menunggu di wilayah Anda.",
    "corr_pick": "Pilih permintaan dari daftar (tekan tombol atau ketik nomor urutnya), atau ketik nomornya, misalnya *#12*.",
    "corr_not_found": "Tidak ada permintaan perbaikan *#{id}* yang menunggu di wilayah tugas Anda.",
    "corr_person_gone": "(data orangnya sudah tidak ada)",
    "corr_choice_menu": "Menu utama",
    "corr_choice_next": "Berikutnya ▶",
    "corr_choice_prev": "◀ Sebelumnya",
    # One request.
    "corr_detail": (
        "📝 *Permintaan perbaikan #{id}*, diterima {received}\n\n"
        "*Data yang tercatat sekarang:*\n{held}\n{rt}\n\n"
        "*Pesan warga:*\n{message}"
    ),
    "corr_person": (
        "Nama: {name}\nTanggal lahir: {birth}\nJenis kelamin: {sex}\nNomor HP: {phone}"
    ),
    "corr_choice_approve": "Setujui & perbaiki",
    "corr_choice_reject": "Tolak",
    "corr_choice_back": "Kembali",
    "corr_gone": "Permintaan itu sudah ditangani atau tidak lagi ada di wilayah tugas Anda. Tidak ada yang diubah.",
    # Approve: the corrected values.
    "corr_ask_field": (
        "✏️ Permintaan *#{id}*: {message}\n\n"
        "Data mana yang diperbaiki? Pilih satu per satu, lalu *Simpan perbaikan*."
    ),
    "corr_pending": "*Akan diubah:*\n{lines}",
    "corr_change_line": "• {field}: {old} → *{new}*",
    "corr_field_name": "Nama",
    "corr_field_birth_date": "Tanggal lahir",
    "corr_field_sex": "Jenis kelamin",
    "corr_field_phone": "Nomor HP",
    "corr_choice_save": "Simpan perbaikan",
    "corr_nothing_yet": "Belum ada data yang diubah. Pilih data yang diperbaiki dulu.",
    "corr_same": "Itu sama dengan data yang tercatat sekarang ({value}). Ketik nilai yang benar, atau ketik *batal*.",
    "corr_ask_name": "Sekarang tercatat: *{now}*.\nKetik nama yang benar, sesuai KTP.",
    "corr_ask_birth": "Sekarang tercatat: *{now}*.\nKetik tanggal lahir yang benar, misalnya *6 Juni 1990* atau *06-06-1990*.",
    "corr_birth_invalid": "Tanggal itu tidak terbaca. Ketik misalnya *6 Juni 1990* atau *06-06-1990*.",
    "corr_birth_implausible": "Tanggal lahir {date} tidak mungkin (di masa depan atau usia lebih dari 110 tahun). Periksa lagi tahunnya.",
    "corr_ask_sex": "Sekarang tercatat: *{now}*.\nPilih jenis kelamin yang benar.",
    "corr_sex_L": "Laki-laki",
    "corr_sex_P": "Perempuan",
    "corr_ask_phone": "Sekarang tercatat: *{now}*.\nKetik nomor HP yang benar, misalnya *0812-3456-7890*.",
    "corr_confirm_approve": "Simpan perbaikan data *{name}* (permintaan #{id})?\n{lines}",
    "corr_choice_yes": "Ya, simpan",
    "corr_choice_edit": "Ubah lagi",
    "corr_approved_done": "✅ Data diperbaiki dan permintaan *#{id}* selesai. Warga diberi tahu.\n{lines}",
    # Reject.
    "corr_ask_reason": "Mengapa permintaan *#{id}* ditolak? Tulis alasannya; warga akan membacanya.",
    "corr_reason_invalid": "Mohon tulis alasannya dengan kata-kata (paling banyak {limit} huruf).",
    "corr_confirm_reject": "Tolak permintaan *#{id}*?\nAlasan: {reason}",
    "corr_choice_reject_yes": "Ya, tolak",
    "corr_choice_reject_edit": "Ubah alasan",
    "corr_rejected_done": "Permintaan *#{id}* ditolak. Warga diberi tahu alasannya.",
    # What the resident is told.
    "corr_resident_done": (
        "✅ Permintaan perbaikan data *#{id}* sudah diproses petugas Pemkot. Data Anda "
        "sekarang:\n{changes}\nLihat lengkapnya di *Data saya*."
    ),
    "corr_resident_rejected": (
        "Permintaan perbaikan data *#{id}* tidak dapat diproses petugas Pemkot.\n"
        "Alasan: {reason}\nBila perlu, kirim permintaan baru lewat *Data saya*."
    ),
    "help_corrections": (
        "Di sini Anda menangani permintaan perbaikan data dari warga di wilayah Anda. "
        "Periksa pesannya, lalu *Setujui & perbaiki* (ketik data yang benar; perubahan "
        "dicatat di log audit) atau *Tolak* dengan alasan. Warga diberi tahu hasilnya.\n"
        "Ketik *kembali*, *batal* atau *menu* kapan saja."
    ),
    # Its line in Telegram's command menu.
    "command_official_corrections": "Permintaan perbaikan data (petugas)",
}

EN: dict[str, str] = {
    "corr_list": (
        "📝 *Data correction requests* in your area: {count} waiting, oldest first "
        "(page {page}/{pages}).\n\n{lines}\n\n"
        "Pick a request, or type its number (e.g. *#12*)."
    ),
    "corr_line": "*{index}. #{id}* · {date} · {name}\n{message}",
    "corr_none": "✅ No data correction requests are waiting in your area.",
    "corr_pick": "Pick a request from the list (tap it or type its position), or type its number, e.g. *#12*.",
    "corr_not_found": "There is no correction request *#{id}* waiting in your area.",
    "corr_person_gone": "(the person's data no longer exists)",
    "corr_choice_menu": "Main menu",
    "corr_choice_next": "Next ▶",
    "corr_choice_prev": "◀ Previous",
    "corr_detail": (
        "📝 *Correction request #{id}*, received {received}\n\n"
        "*Data held now:*\n{held}\n{rt}\n\n"
        "*The resident's message:*\n{message}"
    ),
    "corr_person": ("Name: {name}\nDate of birth: {birth}\nSex: {sex}\nPhone number: {phone}"),
    "corr_choice_approve": "Approve & correct",
    "corr_choice_reject": "Reject",
    "corr_choice_back": "Back",
    "corr_gone": "That request was handled already or is no longer in your area. Nothing was changed.",
    "corr_ask_field": (
        "✏️ Request *#{id}*: {message}\n\n"
        "Which data is corrected? Pick them one by one, then *Save the correction*."
    ),
    "corr_pending": "*To change:*\n{lines}",
    "corr_change_line": "• {field}: {old} → *{new}*",
    "corr_field_name": "Name",
    "corr_field_birth_date": "Date of birth",
    "corr_field_sex": "Sex",
    "corr_field_phone": "Phone number",
    "corr_choice_save": "Save the correction",
    "corr_nothing_yet": "Nothing is changed yet. Pick the data to correct first.",
    "corr_same": "That is what is held now ({value}). Type the right value, or type *batal*.",
    "corr_ask_name": "Held now: *{now}*.\nType the right name, as on the KTP.",
    "corr_ask_birth": "Held now: *{now}*.\nType the right date of birth, e.g. *6 Juni 1990* or *06-06-1990*.",
    "corr_birth_invalid": "I cannot read that date. Type e.g. *6 Juni 1990* or *06-06-1990*.",
    "corr_birth_implausible": "A date of birth of {date} is impossible (in the future or an age above 110). Check the year.",
    "corr_ask_sex": "Held now: *{now}*.\nPick the right sex.",
    "corr_sex_L": "Male",
    "corr_sex_P": "Female",
    "corr_ask_phone": "Held now: *{now}*.\nType the right phone number, e.g. *0812-3456-7890*.",
    "corr_confirm_approve": "Save the correction of *{name}*'s data (request #{id})?\n{lines}",
    "corr_choice_yes": "Yes, save",
    "corr_choice_edit": "Change again",
    "corr_approved_done": "✅ The data is corrected and request *#{id}* is done. The resident is told.\n{lines}",
    "corr_ask_reason": "Why is request *#{id}* rejected? Write the reason; the resident will read it.",
    "corr_reason_invalid": "Please write the reason in words (at most {limit} characters).",
    "corr_confirm_reject": "Reject request *#{id}*?\nReason: {reason}",
    "corr_choice_reject_yes": "Yes, reject",
    "corr_choice_reject_edit": "Change the reason",
    "corr_rejected_done": "Request *#{id}* is rejected. The resident is told the reason.",
    "corr_resident_done": (
        "✅ Your data correction request *#{id}* was handled by a Pemkot official. Your "
        "data now:\n{changes}\nSee it all under *My data*."
    ),
    "corr_resident_rejected": (
        "Your data correction request *#{id}* could not be handled by the Pemkot officials.\n"
        "Reason: {reason}\nIf needed, send a new request from *My data*."
    ),
    "help_corrections": (
        "Here you handle residents' data correction requests in your area. Read the "
        "message, then *Approve & correct* (type the right data; the change is recorded in "
        "the audit log) or *Reject* with a reason. The resident is told the outcome.\n"
        "Type *kembali*, *batal* or *menu* at any time."
    ),
    "command_official_corrections": "Data correction requests (officials)",
}
