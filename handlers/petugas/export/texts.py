"""Texts of Ekspor BPJS. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    "export_intro": (
        "📤 *Ekspor peserta untuk pendaftaran BPJS Jakon*\n"
        "Satu baris per peserta kegiatan yang terlindungi dalam periode yang Anda pilih, "
        "di wilayah Anda.\n{nik}\n\nPilih format file:"
    ),
    "export_nik_full_note": "🔓 NIK ditulis *lengkap* (peran Anda: admin/BPJS). Setiap ekspor dicatat: siapa, periode, wilayah dan jumlah baris.",
    "export_nik_masked_note": "🔒 NIK ditulis *disamarkan* (1571********0001). NIK lengkap hanya untuk admin dan petugas BPJS. Setiap ekspor dicatat.",
    "export_format_xlsx": "Excel (XLSX)",
    "export_format_csv": "CSV (pemisah ;)",
    "export_format_unknown": "Pilih formatnya: *Excel (XLSX)* atau *CSV*.",
    "export_ask_period": (
        "📅 Periode mana? Pilih di bawah, atau ketik dua tanggal, misalnya *1/8/2026 - 31/8/2026*."
    ),
    "export_period_this_month": "Bulan ini ({month})",
    "export_period_last_month": "Bulan lalu ({month})",
    "export_period_this_year": "Tahun ini ({year})",
    "export_period_unreadable": "Periode itu tidak bisa saya baca. Ketik dua tanggal dengan tanda - di antaranya, misalnya *1/8/2026 - 31/8/2026*, atau pilih tombolnya.",
    "export_period_order": "Tanggal akhir tidak boleh sebelum tanggal mulai. Contoh: *1/8/2026 - 31/8/2026*.",
    "export_ask_area": "📍 Wilayah mana? Pilih di bawah, atau ketik nama kecamatan atau kelurahan di wilayah Anda.",
    "export_area_all": "Seluruh wilayah Anda ({name})",
    "export_area_kota": "{name}",
    "export_area_kecamatan": "Kecamatan {name}",
    "export_area_kelurahan": "Kelurahan {name}",
    "export_area_wilayah": "{name}",
    "export_area_unknown": "Wilayah itu tidak saya temukan di wilayah Anda. Pilih tombolnya, atau ketik nama kecamatan/kelurahan, misalnya *Telanaipura*.",
    "export_preparing": "⏳ Sedang disiapkan…",
    "export_done": (
        "✅ *Ekspor selesai*: {rows} baris peserta\n"
        "Periode: {period}\nWilayah: {area}\n{nik}\n"
        "Simpan file ini baik-baik: isinya data pribadi (UU 27/2022)."
    ),
    "export_nik_full": "NIK: lengkap",
    "export_nik_masked": "NIK: disamarkan",
    "export_empty": "Tidak ada peserta terlindungi pada periode {period} di {area}. Tidak ada file yang dibuat.",
    "export_help": (
        "Ekspor membuat file berisi peserta kegiatan yang terlindungi BPJS Jakon pada "
        "periode yang dipilih. XLSX berisi tiga lembar: *Peserta* (satu baris per peserta: "
        "NIK, nama, tanggal lahir, telepon, peran, upah harian, kegiatan, wilayah, masa "
        "perlindungan dan status, termasuk *Dibatalkan* dengan tanggalnya) dan *Kegiatan* "
        "(satu baris per kegiatan: ketua RT, tanggal, nilai, PPN, premi dan nomor surat "
        "tugas; premi ditulis sekali per kegiatan, jadi bisa dijumlahkan) dan *Pendaftaran "
        "BPJS* (untuk mendaftarkan tenaga kerja: NIK, nama, nomor HP, nomor, nama, lokasi "
        "dan pemberi kerja proyek, masa kepesertaan, upah harian; tanggal lahir dan jenis "
        "kelamin hanya bila NIK lengkap). CSV (UTF-8, "
        "pemisah titik koma ;) hanya berisi lembar Peserta, untuk diunggah ke sistem lain: "
        "bila dibuka langsung di Excel, NIK 16 digit bisa berubah menjadi angka.\n"
        "Ketik *kembali*, *batal* atau *menu* kapan saja."
    ),
    # Its line in Telegram's command menu.
    "command_official_export": "Ekspor data untuk BPJS (petugas)",
}

EN: dict[str, str] = {
    "export_intro": (
        "📤 *Participant export for BPJS Jakon registration*\n"
        "One row per participant of a covered activity in the period you choose, "
        "within your area.\n{nik}\n\nChoose the file format:"
    ),
    "export_nik_full_note": "🔓 NIKs are written *in full* (your role: admin/BPJS). Every export is logged: who, period, area and number of rows.",
    "export_nik_masked_note": "🔒 NIKs are *masked* (1571********0001). Full NIKs are only for admins and BPJS officers. Every export is logged.",
    "export_format_xlsx": "Excel (XLSX)",
    "export_format_csv": "CSV (; separated)",
    "export_format_unknown": "Choose the format: *Excel (XLSX)* or *CSV*.",
    "export_ask_period": (
        "📅 Which period? Choose below, or type two dates, for example *1/8/2026 - 31/8/2026*."
    ),
    "export_period_this_month": "This month ({month})",
    "export_period_last_month": "Last month ({month})",
    "export_period_this_year": "This year ({year})",
    "export_period_unreadable": "I cannot read that period. Type two dates with a - between them, for example *1/8/2026 - 31/8/2026*, or tap a button.",
    "export_period_order": "The end date cannot be before the start date. Example: *1/8/2026 - 31/8/2026*.",
    "export_ask_area": "📍 Which area? Choose below, or type the name of a kecamatan or kelurahan in your area.",
    "export_area_all": "Your whole area ({name})",
    "export_area_kota": "{name}",
    "export_area_kecamatan": "Kecamatan {name}",
    "export_area_kelurahan": "Kelurahan {name}",
    "export_area_wilayah": "{name}",
    "export_area_unknown": "I did not find that place within your area. Tap a button, or type a kecamatan/kelurahan name, for example *Telanaipura*.",
    "export_preparing": "⏳ Preparing…",
    "export_done": (
        "✅ *Export ready*: {rows} participant rows\n"
        "Period: {period}\nArea: {area}\n{nik}\n"
        "Keep this file safe: it holds personal data (UU 27/2022)."
    ),
    "export_nik_full": "NIK: in full",
    "export_nik_masked": "NIK: masked",
    "export_empty": "No covered participants in the period {period} in {area}. No file was made.",
    "export_help": (
        "The export makes a file of the participants covered by BPJS Jakon in the chosen "
        "period. The XLSX has three sheets: *Peserta* (one row per participant: NIK, name, "
        "birth date, phone, role, daily wage, activity, area, coverage period and status, "
        "including *Dibatalkan* with its date) and *Kegiatan* (one row per activity: RT "
        "chair, dates, value, PPN, premiums and surat tugas number; each premium appears "
        "once, so the column can be summed) and *Pendaftaran BPJS* (to register the workers: "
        "NIK, name, phone, the project's number, name, location and employer, coverage "
        "period, daily wage; birth date and sex only with full NIKs). The CSV (UTF-8, "
        "semicolon-separated) holds only "
        "the Peserta sheet, for uploading to other systems: opened directly in Excel, "
        "16-digit NIKs may turn into numbers.\n"
        "Type *kembali*, *batal* or *menu* at any time."
    ),
    # Its line in Telegram's command menu.
    "command_official_export": "Export data for BPJS (officials)",
}
