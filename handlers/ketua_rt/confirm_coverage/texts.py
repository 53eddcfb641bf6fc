"""Texts of Konfirmasi perlindungan, and the coverage notice its participants receive. Both languages, `ID` and `EN`."""

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
}
