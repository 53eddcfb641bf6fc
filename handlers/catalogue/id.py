"""Bahasa Indonesia texts (the default). Keys are shared with `en.py`."""

# The privacy notice after its heading; "Data saya" shows it under its own heading.
PRIVACY_BODY = (
    "Layanan ini dikelola Pemerintah Kota Jambi (pengendali data) untuk Program Kampung "
    "Bahagia (Perwal Jambi No. 18 Tahun 2025).\n"
    "• Tujuan: mendaftarkan dan memeriksa perlindungan BPJS Ketenagakerjaan (JKK dan "
    "JKM) peserta kegiatan RT dan menangani laporan kecelakaan kerja.\n"
    "• Yang disimpan: NIK, nama, tanggal lahir, jenis kelamin, nomor HP, peran dan "
    "upah/honor di kegiatan, laporan kecelakaan, permintaan perbaikan, akun chat ini "
    "(nama dan nomor HP), percakapan yang sedang berjalan, dan catatan akses.\n"
    "• Hanya NIK yang disimpan terenkripsi (ditampilkan tersamar); data lain dilindungi "
    "dengan pembatasan akses.\n"
    "• Yang melihat: Ketua RT kegiatan Anda, petugas dan admin Pemkot sesuai wilayahnya, "
    "dan BPJS Ketenagakerjaan saat peserta didaftarkan.\n"
    "• Lama penyimpanan: data peserta dianonimkan {inactive_days} hari setelah kegiatan "
    "terakhirnya selesai; percakapan yang tidak aktif dihapus.\n"
    "• Hak Anda (UU 27/2022): di menu *Data saya* Anda dapat melihat dan mengunduh data "
    "Anda, meminta perbaikan, atau meminta penghapusan (data yang diperlukan untuk klaim "
    "asuransi disimpan {claims_days} hari lagi, lalu dianonimkan). Pertanyaan: Ketua RT "
    "Anda atau petugas Pemkot."
)

TEXTS: dict[str, str] = {
    # Engine: commands and problems shared by every step.
    "step_gone": "Maaf, percakapan sebelumnya tidak bisa dilanjutkan karena layanan diperbarui. Kita mulai lagi dari menu.",
    "too_long": "Pesan Anda terlalu panjang (lebih dari {limit} huruf). Mohon kirim yang lebih singkat.",
    "hidden_controls": "Pesan Anda memuat karakter tersembunyi (karakter kendali atau pembalik arah teks) yang tidak bisa kami simpan. Mohon ketik ulang tanpa karakter itu.",
    "stale_choice": "Tombol itu sudah tidak berlaku. Silakan pilih dari pertanyaan terakhir di bawah ini.",
    "no_back": "Ini pertanyaan pertama, tidak ada langkah sebelumnya.",
    "cancelled": "Dibatalkan. Tidak ada yang disimpan.",
    "cancelled_step": "Langkah ini dibatalkan. Yang sudah tersimpan tetap ada.",
    "unfinished_generic": "isian yang belum selesai",
    "unfinished_discard_question": "Batalkan {what}? Semua yang sudah Anda isi di sini akan dihapus.",
    "unfinished_discard_yes": "Ya, hapus isian",
    "unfinished_discard_no": "Tidak, lanjutkan",
    "unfinished_discarded": "Dibatalkan: {what}. Isiannya sudah dihapus.",
    "unfinished_kept": "Baik, tidak jadi dibatalkan. Kita lanjutkan.",
    "unfinished_paused": "Isian Anda disimpan: {what}. Buka menu yang sama kapan saja untuk melanjutkan.",
    "unfinished_resume_question": "Ada isian yang belum selesai: {what}. Lanjutkan dari langkah terakhir?",
    "unfinished_resume_continue": "Lanjutkan",
    "unfinished_resume_restart": "Mulai baru (isian tadi dihapus)",
    "unfinished_still_kept": "Isian yang belum selesai tetap disimpan.",
    "not_allowed": "Maaf, menu itu tidak tersedia untuk Anda.",
    "repeated": "Pesan yang sama terkirim lagi.",
    "helpdesk_line": "☎️ Butuh bantuan petugas? {contact}",
    "help_generic": "Jawab pertanyaan di bawah ini, atau ketik:\n• *kembali* untuk mengubah jawaban sebelumnya\n• *batal* untuk membatalkan\n• *menu* untuk kembali ke menu utama",
    "nav_hint": "(ketik kembali · batal · menu)",
    "internal_error": "Maaf, terjadi gangguan di sistem kami. Pesan Anda belum diproses; silakan coba lagi sebentar lagi.",
    "too_fast": "⏳ Pesan Anda datang terlalu cepat. Pesan yang masuk dalam {seconds} detik ke depan tidak diproses; setelah itu silakan kirim lagi.",
    "busy": "Maaf, pesan Anda bertabrakan dengan pesan lain. Silakan kirim ulang.",
    "pick_one": "Mohon pilih salah satu: ketik nomornya atau tekan tombolnya.",
    "privacy_notice": ("🔒 *Pemberitahuan privasi* (versi {version})\n" + PRIVACY_BODY),
    # Menu.
    "menu_title": "🏠 *Menu utama Kampung Bahagia*\nSilakan pilih:",
    "menu_greeting_official": "Selamat datang, {name}.",
    "menu_greeting_rt": "Selamat datang, {name} — Ketua RT {rt}, Kel. {kelurahan}.",
    "menu_item_register": "Daftarkan kegiatan",
    "menu_item_my_activities": "Kegiatan saya",
    "menu_item_check": "Cek perlindungan",
    "menu_item_benefits": "Info manfaat",
    "menu_item_accident": "Lapor kecelakaan",
    "menu_item_my_data": "Data saya",
    "menu_item_summary": "Ringkasan",
    "menu_item_activities": "Daftar kegiatan",
    "menu_item_export": "Ekspor BPJS",
    "menu_item_incidents": "Insiden",
    "menu_item_corrections": "Perbaikan data",
    "menu_item_alerts": "Pengaturan peringatan",
    "menu_item_admin": "Admin",
    "menu_item_premium": "Simulasi premi",
    "menu_item_help": "Bantuan",
    "menu_help": (
        "Bot ini membantu Program Kampung Bahagia Kota Jambi:\n"
        "• Ketua RT mendaftarkan kegiatan dan pesertanya agar terlindungi BPJS Ketenagakerjaan (JKK + JKM).\n"
        "• Warga memeriksa perlindungannya dan melaporkan kecelakaan kerja.\n"
        "• Petugas Pemkot memantau kegiatan dan laporan kecelakaan.\n\n"
        "Kapan saja Anda bisa mengetik *menu*, *kembali*, *batal* atau *bantuan*."
    ),
    "menu_later": "Fitur ini sedang disiapkan. Sementara itu silakan gunakan menu lain.",
    # Simulasi premi.
    "premium_ask_value": "💰 *Simulasi premi BPJS Jasa Konstruksi*\nBerapa nilai kegiatan? Contoh: *25 juta*, *Rp25.000.000*, *2,5 jt*.",
    "premium_ambiguous": "Maksud Anda *{likely}*? Tekan tombol *Ya* bila benar, atau tulis lengkap dengan satuannya, misalnya *25 juta* atau *Rp25.000.000*.",
    "premium_not_money": "Itu bukan nilai rupiah yang bisa saya baca. Contoh: *25 juta*, *Rp25.000.000*, *500 ribu*.",
    "money_which": "Angka itu bisa dibaca lebih dari satu cara. Maksud Anda {readings}? Pilih tombolnya, atau tulis lengkap dengan satuannya, misalnya *1,5 juta* atau *Rp1.500.000*.",
    "money_or": " atau ",
    "money_yes": "Ya, {amount}",
    "premium_zero": "Nilai kegiatan harus lebih dari Rp0.",
    "premium_too_large": "Nilai itu terlalu besar untuk satu kegiatan. Periksa kembali angkanya.",
    "premium_result": (
        "Nilai kegiatan: *{value}*\n"
        "Golongan tarif: {band}\n"
        "JKK (kecelakaan kerja): {jkk}\n"
        "JKM (kematian): {jkm}\n"
        "*Total premi: {total}*\n\n"
        "Tarif Jasa Konstruksi bertingkat: 0,24% sampai Rp100 juta, 0,19% untuk bagian "
        "Rp100–500 juta, 0,15% untuk Rp500 juta–1 miliar, 0,12% untuk Rp1–5 miliar, "
        "0,10% di atasnya. Premi dibayar pemberi kerja, peserta tidak membayar apa pun."
    ),
    "premium_again": "Ketik nilai lain untuk menghitung lagi, atau *menu* untuk kembali.",
    "band_1": "s.d. Rp100 juta (0,24%)",
    "band_2": "Rp100–500 juta (0,19% untuk bagian ini)",
    "band_3": "Rp500 juta–1 miliar (0,15% untuk bagian ini)",
    "band_4": "Rp1–5 miliar (0,12% untuk bagian ini)",
    "band_5": "di atas Rp5 miliar (0,10% untuk bagian ini)",
    # Telegram's command menu: the engine's navigation commands.
    "command_menu": "Menu utama",
    "command_cancel": "Batalkan yang sedang diisi",
    "command_help": "Bantuan untuk pertanyaan ini",
}
