"""Texts of Data saya, with the correction request that goes to officials. Both languages, `ID` and `EN`."""

from handlers.catalogue.en import PRIVACY_BODY as PRIVACY_BODY_EN
from handlers.catalogue.id import PRIVACY_BODY as PRIVACY_BODY_ID

ID: dict[str, str] = {
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
        "👤 *{name}*\nNIK: tersimpan terenkripsi, tidak ditampilkan di sini\nTanggal lahir: {birth}\nJenis kelamin: {sex}\nNomor HP: {phone}"
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
    "mydata_privacy": ("🔒 *Tentang data Anda* (versi {version})\n" + PRIVACY_BODY_ID),
    "mydata_after": "Ada data yang salah? Tekan *Minta perbaikan*.",
    "mydata_pick": "Pilih *Minta perbaikan*, *Unduh data saya*, *Hapus data saya* atau *Menu*.",
    "mydata_choice_fix": "Minta perbaikan",
    "mydata_ask_who": "Data siapa yang perlu diperbaiki?",
    "mydata_ask_field": "Data mana yang salah?",
    "mydata_field_name": "Nama",
    "mydata_field_birth_date": "Tanggal lahir",
    "mydata_field_sex": "Jenis kelamin",
    "mydata_field_phone": "Nomor HP",
    "mydata_field_other": "Lainnya",
    "mydata_ask_fix_field": "*{field}*",
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
        "Dari: {name}\n"
        "{rt}\n"
        "Yang perlu diperbaiki:\n{message}\n\n"
        "Mohon periksa dan perbaiki datanya."
    ),
    "correction_notice_no_rt": "RT: belum tercatat pada daftar peserta",
    # Unduh data saya and Hapus data saya (rights, download, erasure).
    "mydata_after_rights": (
        "Ada data yang salah? Tekan *Minta perbaikan*. *Unduh data saya* mengirim semua data "
        "yang kami simpan tentang Anda sebagai satu file; *Hapus data saya* meminta "
        "penghapusannya."
    ),
    "mydata_choice_download": "Unduh data saya",
    "mydata_choice_erase": "Hapus data saya",
    "mydata_file_title": "Data yang disimpan bot Kampung Bahagia tentang Anda",
    "mydata_file_nik": "disimpan terenkripsi; tidak dicantumkan di file ini (lihat KTP Anda)",
    "mydata_file_note": (
        "Isi file ini: akun chat Anda dan, untuk setiap orang yang tercatat dengan nomor HP "
        "Anda, data diri, kegiatan dengan masa perlindungannya, laporan kecelakaan, "
        "permintaan perbaikan dan penghapusan, catatan persetujuan, dan catatan akses "
        "(kapan dan tindakan apa). NIK tidak dicantumkan: file ini bisa diteruskan, dan "
        "NIK tersamar bersama tanggal lahir dan jenis kelamin hampir mengungkap NIK."
    ),
    "mydata_file_sent": (
        "📎 Ini semua data yang kami simpan tentang Anda ({count} orang dengan nomor ini), "
        "dalam satu file JSON. NIK tidak dicantumkan. Simpan file ini baik-baik: isinya "
        "data pribadi."
    ),
    "mydata_erase_who": "Data siapa yang ingin dihapus?",
    "mydata_erase_confirm": (
        "🗑️ *Hapus data {name}?*\n{what}\n\nPermintaan ini diperiksa petugas Pemkot; "
        "tidak ada yang dihapus sebelum petugas menyetujuinya. Catatan akses (siapa "
        "melakukan apa, kapan) tetap disimpan tanpa rinciannya."
    ),
    "mydata_erase_all": (
        "Tidak ada catatan yang diperlukan untuk klaim asuransi: bila disetujui, data diri, "
        "nomor HP, daftar kegiatan yang belum dikonfirmasi, permintaan perbaikan dan "
        "catatan persetujuan dihapus seluruhnya."
    ),
    "mydata_erase_keeps": (
        "Bila disetujui, nomor HP, kegiatan yang belum dikonfirmasi dan permintaan "
        "perbaikan langsung dihapus. Yang diperlukan untuk klaim asuransi BPJS — {activities} "
        "keikutsertaan di kegiatan yang dikonfirmasi dan {incidents} laporan kecelakaan, "
        "dengan nama, NIK, tanggal lahir dan jenis kelamin — disimpan {days} hari lagi, "
        "lalu dianonimkan."
    ),
    "mydata_erase_send": "Ya, minta hapus",
    "mydata_erase_pick": "Pilih *Ya, minta hapus*, atau ketik *batal*.",
    "mydata_erase_waiting": (
        "Permintaan penghapusan *#{id}* untuk data ini masih menunggu petugas; tidak dikirim lagi."
    ),
    "mydata_erase_sent": (
        "✅ Permintaan penghapusan *#{id}* terkirim ke {count} petugas Pemkot. Anda akan "
        "diberi tahu keputusannya; statusnya juga ada di file *Unduh data saya*."
    ),
    "mydata_erase_sent_none": (
        "✅ Permintaan penghapusan *#{id}* tersimpan untuk petugas Pemkot. Anda akan diberi "
        "tahu keputusannya."
    ),
    "mydata_erase_cancelled": "Permintaan penghapusan dibatalkan; tidak ada yang dikirim.",
    "mydata_help_erase": (
        "Permintaan penghapusan diperiksa petugas Pemkot. Data yang diperlukan untuk klaim "
        "asuransi (kegiatan yang dikonfirmasi, laporan kecelakaan) disimpan untuk masa "
        "tertentu lalu dianonimkan; data lain dihapus begitu permintaan disetujui."
    ),
    "erasure_notice": (
        "🗑️ *Permintaan penghapusan data #{id}*\n"
        "Dari: {name}\n"
        "{rt}\n\n"
        "Mohon periksa lewat /hapusdata."
    ),
    # Its line in Telegram's command menu.
    "command_my_data": "Data saya",
}

EN: dict[str, str] = {
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
        "👤 *{name}*\nNIK: stored encrypted, not shown here\nDate of birth: {birth}\nSex: {sex}\nPhone number: {phone}"
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
    "mydata_privacy": ("🔒 *About your data* (version {version})\n" + PRIVACY_BODY_EN),
    "mydata_after": "Is something wrong? Tap *Ask for a correction*.",
    "mydata_pick": "Choose *Ask for a correction*, *Download my data*, *Erase my data* or *Menu*.",
    "mydata_choice_fix": "Ask for a correction",
    "mydata_ask_who": "Whose data needs correcting?",
    "mydata_ask_field": "Which data is wrong?",
    "mydata_field_name": "Name",
    "mydata_field_birth_date": "Date of birth",
    "mydata_field_sex": "Sex",
    "mydata_field_phone": "Phone number",
    "mydata_field_other": "Other",
    "mydata_ask_fix_field": "*{field}*",
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
        "From: {name}\n"
        "{rt}\n"
        "To correct:\n{message}\n\n"
        "Please check and correct the data."
    ),
    "correction_notice_no_rt": "RT: not on any participant list",
    "mydata_after_rights": (
        "Is something wrong? Tap *Ask for a correction*. *Download my data* sends all the "
        "data we hold about you as one file; *Erase my data* asks for it to be erased."
    ),
    "mydata_choice_download": "Download my data",
    "mydata_choice_erase": "Erase my data",
    "mydata_file_title": "The data the Kampung Bahagia bot holds about you",
    "mydata_file_nik": "stored encrypted; not included in this file (see your KTP)",
    "mydata_file_note": (
        "This file holds your chat account and, for each person recorded with your phone "
        "number, their personal data, activities with coverage periods, accident reports, "
        "correction and erasure requests, consent records and the access log (when and "
        "what). The NIK is left out: a file can be forwarded, and a masked NIK with the "
        "birth date and sex nearly reveals it."
    ),
    "mydata_file_sent": (
        "📎 Here is all the data we hold about you ({count} people with this number) as one "
        "JSON file. The NIK is not included. Keep the file safe: it is personal data."
    ),
    "mydata_erase_who": "Whose data should be erased?",
    "mydata_erase_confirm": (
        "🗑️ *Erase the data of {name}?*\n{what}\n\nA Pemkot official checks this request; "
        "nothing is erased before an official approves it. The access log (who did what, "
        "when) is kept without its details."
    ),
    "mydata_erase_all": (
        "Nothing is needed for insurance claims: if approved, the personal data, phone "
        "number, unconfirmed activities, correction requests and consent records are all "
        "deleted."
    ),
    "mydata_erase_keeps": (
        "If approved, the phone number, unconfirmed activities and correction requests are "
        "deleted at once. What BPJS insurance claims need — {activities} participations in "
        "confirmed activities and {incidents} accident reports, with name, NIK, date of "
        "birth and sex — is kept {days} more days, then anonymised."
    ),
    "mydata_erase_send": "Yes, ask to erase",
    "mydata_erase_pick": "Choose *Yes, ask to erase*, or type *batal*.",
    "mydata_erase_waiting": (
        "Erasure request *#{id}* for this data is still waiting for an official; not sent again."
    ),
    "mydata_erase_sent": (
        "✅ Erasure request *#{id}* was sent to {count} Pemkot officials. You will be told "
        "the decision; its status is also in the *Download my data* file."
    ),
    "mydata_erase_sent_none": (
        "✅ Erasure request *#{id}* is saved for the Pemkot officials. You will be told the "
        "decision."
    ),
    "mydata_erase_cancelled": "Erasure request cancelled; nothing was sent.",
    "mydata_help_erase": (
        "A Pemkot official checks erasure requests. What insurance claims need (confirmed "
        "activities, accident reports) is kept for a set period and then anonymised; the "
        "rest is deleted once the request is approved."
    ),
    "erasure_notice": (
        "🗑️ *Data erasure request #{id}*\nFrom: {name}\n{rt}\n\nPlease check it under /hapusdata."
    ),
    # Its line in Telegram's command menu.
    "command_my_data": "My data",
}
