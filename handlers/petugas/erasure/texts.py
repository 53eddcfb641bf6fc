"""Texts of Hapus data (officials deciding erasure requests), with what the resident is
told. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    "menu_item_erasure": "Permintaan hapus data",
    "command_official_erasure": "Permintaan hapus data",
    "help_erasure": (
        "Permintaan hapus data dari warga (UU 27/2022). Bila disetujui, data yang tidak "
        "diperlukan untuk klaim asuransi langsung dihapus; keikutsertaan di kegiatan yang "
        "dikonfirmasi dan laporan kecelakaan disimpan selama masa klaim lalu dianonimkan. "
        "Bila ditolak, tulis alasannya; warga diberi tahu."
    ),
    "erasure_none": "🗑️ Tidak ada permintaan hapus data yang menunggu di wilayah Anda.",
    "erasure_list": "🗑️ *Permintaan hapus data* ({count} menunggu)\n{lines}\n\nPilih satu.",
    "erasure_line": "• #{id} — {date} — {name}",
    "erasure_pick": "Pilih salah satu permintaan (atau ketik nomornya, misalnya *#3*).",
    "erasure_not_found": "Permintaan #{id} tidak ada di antara permintaan yang menunggu di wilayah Anda.",
    "erasure_gone": "Permintaan itu sudah tidak menunggu (mungkin sudah diputuskan petugas lain).",
    "erasure_detail": (
        "🗑️ *Permintaan hapus data #{id}* (diterima {received})\n"
        "Nama: {name}\nNIK: {nik}\n{rt}\n\n{effect}"
    ),
    "erasure_effect_all": (
        "Tidak ada catatan yang diperlukan untuk klaim asuransi: bila disetujui, orang ini "
        "dan semua datanya dihapus (catatan akses tetap ada tanpa rinciannya)."
    ),
    "erasure_effect_keeps": (
        "Bila disetujui: nomor HP, kegiatan yang belum dikonfirmasi dan permintaan perbaikan "
        "langsung dihapus; {activities} keikutsertaan di kegiatan yang dikonfirmasi dan "
        "{incidents} laporan kecelakaan disimpan {days} hari untuk klaim asuransi, lalu "
        "dianonimkan."
    ),
    "erasure_choice_approve": "Setujui & hapus",
    "erasure_choice_refuse": "Tolak",
    "erasure_choice_back": "Kembali",
    "erasure_choice_menu": "Menu",
    "erasure_choice_yes": "Ya, hapus",
    "erasure_approve_confirm": "Setujui permintaan #{id} dan hapus data *{name}* sekarang?",
    "erasure_done_deleted": "✅ Permintaan #{id} disetujui: data *{name}* sudah dihapus. Warga diberi tahu.",
    "erasure_done_kept": (
        "✅ Permintaan #{id} disetujui: data *{name}* yang tidak diperlukan untuk klaim sudah "
        "dihapus; {activities} keikutsertaan dan {incidents} laporan kecelakaan disimpan "
        "sampai {until}, lalu dianonimkan. Warga diberi tahu."
    ),
    "erasure_ask_reason": "Tulis alasan penolakan (warga akan membacanya).",
    "erasure_reason_short": "Tulis alasannya dengan jelas, paling sedikit satu kalimat pendek.",
    "erasure_done_refused": "Permintaan #{id} ditolak. Warga diberi tahu alasannya.",
    "erasure_told_deleted": (
        "🗑️ Permintaan penghapusan data *#{id}* disetujui: semua data Anda sebagai peserta "
        "sudah dihapus. Catatan akses tetap ada tanpa rinciannya. Akun chat ini (nama dan "
        "nomor HP) tetap tersimpan selama Anda memakai bot."
    ),
    "erasure_told_kept": (
        "🗑️ Permintaan penghapusan data *#{id}* disetujui. Nomor HP Anda, kegiatan yang "
        "belum dikonfirmasi dan permintaan perbaikan sudah dihapus. Untuk klaim asuransi "
        "BPJS, {activities} keikutsertaan di kegiatan yang dikonfirmasi dan {incidents} "
        "laporan kecelakaan (dengan nama, NIK, tanggal lahir dan jenis kelamin) disimpan "
        "sampai {until}, lalu dianonimkan. Karena nomor HP sudah dihapus, data itu tidak "
        "lagi tampil di *Data saya*. Akun chat ini (nama dan nomor HP) tetap tersimpan "
        "selama Anda memakai bot."
    ),
    "erasure_told_refused": (
        "Permintaan penghapusan data *#{id}* ditolak petugas Pemkot. Alasannya: {reason}\n"
        "Data Anda tetap tersimpan seperti yang tampil di *Data saya*."
    ),
}

EN: dict[str, str] = {
    "menu_item_erasure": "Data erasure requests",
    "command_official_erasure": "Data erasure requests",
    "help_erasure": (
        "Residents' data erasure requests (UU 27/2022). If approved, what insurance claims "
        "do not need is deleted at once; participations in confirmed activities and "
        "accident reports are kept for the claims period and then anonymised. If refused, "
        "write the reason; the resident is told."
    ),
    "erasure_none": "🗑️ No data erasure requests are waiting in your area.",
    "erasure_list": "🗑️ *Data erasure requests* ({count} waiting)\n{lines}\n\nChoose one.",
    "erasure_line": "• #{id} — {date} — {name}",
    "erasure_pick": "Choose a request (or type its number, e.g. *#3*).",
    "erasure_not_found": "Request #{id} is not among the requests waiting in your area.",
    "erasure_gone": "That request is no longer waiting (another official may have decided it).",
    "erasure_detail": (
        "🗑️ *Data erasure request #{id}* (received {received})\n"
        "Name: {name}\nNIK: {nik}\n{rt}\n\n{effect}"
    ),
    "erasure_effect_all": (
        "Nothing is needed for insurance claims: if approved, this person and all their "
        "data are deleted (the access log stays without its details)."
    ),
    "erasure_effect_keeps": (
        "If approved: the phone number, unconfirmed activities and correction requests are "
        "deleted at once; {activities} participations in confirmed activities and "
        "{incidents} accident reports are kept {days} days for insurance claims, then "
        "anonymised."
    ),
    "erasure_choice_approve": "Approve & erase",
    "erasure_choice_refuse": "Refuse",
    "erasure_choice_back": "Back",
    "erasure_choice_menu": "Menu",
    "erasure_choice_yes": "Yes, erase",
    "erasure_approve_confirm": "Approve request #{id} and erase the data of *{name}* now?",
    "erasure_done_deleted": "✅ Request #{id} approved: the data of *{name}* is deleted. The resident is told.",
    "erasure_done_kept": (
        "✅ Request #{id} approved: what claims do not need of *{name}* is deleted; "
        "{activities} participations and {incidents} accident reports are kept until "
        "{until}, then anonymised. The resident is told."
    ),
    "erasure_ask_reason": "Write the reason for refusing (the resident will read it).",
    "erasure_reason_short": "Please write the reason clearly, at least a short sentence.",
    "erasure_done_refused": "Request #{id} refused. The resident is told the reason.",
    "erasure_told_deleted": (
        "🗑️ Data erasure request *#{id}* was approved: all your data as a participant is "
        "deleted. The access log stays without its details. This chat account (name and "
        "phone number) stays stored while you use the bot."
    ),
    "erasure_told_kept": (
        "🗑️ Data erasure request *#{id}* was approved. Your phone number, unconfirmed "
        "activities and correction requests are deleted. For BPJS insurance claims, "
        "{activities} participations in confirmed activities and {incidents} accident "
        "reports (with name, NIK, date of birth and sex) are kept until {until}, then "
        "anonymised. As the phone number is deleted, that data no longer shows under *My "
        "data*. This chat account (name and phone number) stays stored while you use the "
        "bot."
    ),
    "erasure_told_refused": (
        "Data erasure request *#{id}* was refused by a Pemkot official. The reason: {reason}\n"
        "Your data stays stored as *My data* shows it."
    ),
}
