"""Texts of Lapor kecelakaan. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Activity (Ketua RT).
    "accident_ask_activity": "🚑 *Lapor kecelakaan kerja*\nDi kegiatan mana kecelakaan terjadi? Pilih kegiatannya.\n(ketik *batal* untuk membatalkan)",
    "accident_ask_activity_none": "🚑 *Lapor kecelakaan kerja*\nRT Anda belum punya kegiatan terkonfirmasi. Tekan *Bukan kegiatan terdaftar* untuk tetap melapor.\n(ketik *batal* untuk membatalkan)",
    "accident_activity_period": "{number} · {start} s.d. {end}",
    "accident_no_activity_button": "Bukan kegiatan terdaftar",
    "accident_pick_activity": "Mohon pilih salah satu kegiatan di bawah (tekan tombol atau ketik nomornya), atau *Bukan kegiatan terdaftar*.",
    # Victim.
    "accident_ask_person": "Siapa korbannya? Pilih dari {count} peserta kegiatan, atau ketik *NIK dan nama* korban bila tidak ada di daftar.",
    "accident_ask_victim_nik": "Siapa korbannya? Ketik *NIK dan nama* korban, contoh:\n*1571014107900001 Siti Aminah*\n(NIK ada di KTP atau Kartu Keluarga.)",
    "accident_previous_page": "◀ Sebelumnya",
    "accident_next_page": "Berikutnya ▶",
    "accident_ask_victim": "🚑 *Lapor kecelakaan kerja*\nSiapa korbannya? Ketik *NIK dan nama* korban, contoh: *1571014107900001 Siti Aminah*.\nBila NIK tidak diketahui, ketik namanya saja.\n(ketik *batal* untuk membatalkan)",
    "accident_victim_myself": "Saya sendiri",
    "accident_ask_century": "Tahun lahir di NIK korban bisa dibaca *{young}* atau *{old}*. Lahir tahun {young} atau {old}?",
    "accident_century_problem": "Pilih tahun lahir korban dengan tombol di bawah.",
    "accident_need_nik": "Mohon ketik *NIK* korban (16 angka, ada di KTP/KK) diikuti namanya, contoh: *1571014107900001 Siti Aminah*. NIK diperlukan agar petugas Pemkot bisa membuat laporan resmi ke BPJS.",
    "accident_bad_victim": "Itu belum bisa saya baca sebagai nama atau NIK. Contoh: *1571014107900001 Siti Aminah*, atau nama saja: *Siti Aminah*.",
    "accident_need_name": "NIK itu tidak ada di daftar peserta. Kirim NIK *beserta nama* korban dalam satu pesan, contoh: *1571014107900001 Siti Aminah*.",
    "accident_bad_name": "Nama korban hanya boleh berisi huruf (tanpa angka atau simbol). Contoh: *1571014107900001 Siti Aminah*.",
    "accident_not_on_list": "ℹ️ Korban tidak ada di daftar peserta kegiatan ini. Laporan tetap dibuat dan ditandai *tidak terdaftar pada saat kejadian*.",
    "accident_nik_length": "NIK harus 16 angka. Periksa lagi di KTP atau Kartu Keluarga.",
    "accident_nik_non_digit": "NIK hanya berisi angka (16 angka). Periksa lagi di KTP atau Kartu Keluarga.",
    "accident_nik_province": "Dua angka pertama NIK itu bukan kode provinsi. Periksa lagi di KTP.",
    "accident_nik_date": "Angka tanggal lahir di NIK itu tidak membentuk tanggal yang benar. Periksa lagi di KTP.",
    "accident_nik_serial": "Empat angka terakhir NIK tidak mungkin 0000. Periksa lagi di KTP.",
    # RT.
    "accident_rt_label": "RT {rt} · {kelurahan}",
    "accident_ask_own_rt": "Di RT mana kecelakaan ini? Pilih RT Anda.",
    "accident_ask_rt": "Di RT mana korban tinggal atau bekerja? Ketik misalnya *RT 5 Thehok*, atau tekan *Tidak tahu*.",
    "accident_rt_unknown_button": "Tidak tahu",
    "accident_rt_format": "Tulis nomor RT dan kelurahannya, misalnya *RT 5 Thehok*, atau tekan *Tidak tahu*.",
    "accident_rt_no_kelurahan": "Kelurahan itu tidak saya temukan di Kota Jambi. Periksa ejaannya, misalnya *RT 5 Thehok*, atau tekan *Tidak tahu*.",
    "accident_rt_not_listed": "RT {rt} Kel. {kelurahan} tidak ada di daftar RT Program Kampung Bahagia. Periksa nomornya, atau tekan *Tidak tahu*.",
    # When.
    "accident_ask_when": "Kapan kejadiannya? Tekan *Sekarang*, atau ketik tanggal dan jam ({zone}), misalnya *hari ini 14.30*, *kemarin jam 8 pagi*, *2/3/2026 09.15*.",
    "accident_now": "Sekarang",
    "accident_when_yes": "Ya, {when}",
    "accident_when_reading": "{when}",
    "accident_when_which": "Maksudnya *{typed}* pagi/malam atau siang/sore? Pilih waktunya dari tombol, atau ketik tanggal dan jam lengkap, misalnya *hari ini 14.30* atau *2/3/2026 09.15*.",
    "accident_when_format": "Waktu itu tidak bisa saya baca. Contoh: *14.30*, *hari ini 14.30*, *kemarin jam 8 pagi*, *2/3/2026 09.15*.",
    "accident_when_date_only": "Tambahkan jamnya juga (perkiraan pun boleh), misalnya *2/3/2026 09.15* atau *kemarin jam 8 pagi*.",
    "accident_when_invalid": "Tanggal atau jam itu tidak ada di kalender. Contoh: *2/3/2026 09.15*.",
    "accident_when_future": "Waktu itu belum terjadi. Tulis waktu kejadian yang sudah lewat, atau tekan *Sekarang*.",
    "accident_when_too_old": "Waktu itu lebih dari setahun yang lalu. Periksa lagi tahunnya.",
    "accident_when_confirm": "Kejadiannya *{when}*, lebih dari 30 hari yang lalu? Tekan *Ya* bila benar, atau ketik waktu lain.",
    # Where.
    "accident_ask_where": "Di mana kejadiannya? Ketik tempatnya (jalan, gang, patokan) atau kirim lokasi (📎 → Lokasi).",
    "accident_at_site": "Di lokasi kegiatan",
    "accident_shared_location": "titik lokasi {latitude}, {longitude}",
    "accident_where_problem": "Mohon tulis tempat kejadian dengan kata-kata (misalnya *Jl. Kapten Pattimura gg. Damai*) atau kirim lokasi.",
    # What.
    "accident_ask_what": "Apa yang terjadi? Ceritakan singkat: sedang mengerjakan apa, penyebabnya, dan luka yang dialami (paling banyak 1.000 huruf).",
    "accident_what_problem": "Mohon ceritakan kejadiannya dengan kata-kata, misalnya *terjatuh dari tangga saat memasang atap, kaki kiri terkilir*.",
    # Severity.
    "accident_ask_severity": "Seberapa parah akibatnya?",
    "accident_severity_luka_ringan": "Luka ringan",
    "accident_severity_rawat_inap": "Rawat inap",
    "accident_severity_cacat": "Cacat",
    "accident_severity_meninggal": "Meninggal dunia",
    "accident_severity_problem": "Mohon pilih salah satu: *Luka ringan*, *Rawat inap*, *Cacat* atau *Meninggal dunia*.",
    # Reporter.
    "accident_ask_reporter_me": "Siapa pelapornya? Tekan *Pakai data saya* ({name}, {phone}), atau ketik nama dan nomor HP pelapor lain, misalnya *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_me": "Pakai data saya",
    "accident_ask_reporter": "Siapa pelapornya? Ketik nama dan nomor HP pelapor, misalnya *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_problem": "Tulis nama pelapor (huruf saja) lalu nomor HP-nya, misalnya *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_no_phone": "Nomor HP pelapor juga diperlukan agar petugas bisa menghubungi. Contoh: *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_bad_phone": "Nomor itu tidak bisa saya pakai. Tulis nomor HP, atau telepon rumah/kantor dengan kode wilayahnya, misalnya *0812-3456-7890* atau *0741-123456*.",
    # Summary.
    "accident_summary": (
        "📋 *Periksa laporan kecelakaan*\n"
        "Kegiatan: {activity}\n"
        "Wilayah: {rt}\n"
        "Korban: {victim} (NIK {nik})\n"
        "Waktu: {when}\n"
        "Tempat: {place}\n"
        "Kejadian: {what}\n"
        "Akibat: {severity}\n"
        "Status peserta: {covered}\n"
        "Pelapor: {reporter}, {phone}\n\n"
        "Kirim laporan ini ke petugas Pemkot?"
    ),
    "accident_no_activity": "bukan kegiatan terdaftar",
    "accident_rt_unknown": "RT tidak diketahui",
    "accident_nik_unknown": "tidak diketahui",
    "accident_victim_reported_as": "dilaporkan sebagai “{name}”",
    "accident_limited": "Laporan ini tidak dikirim: dalam satu jam terakhir sudah {limit} laporan kecelakaan dari Anda yang kami teruskan ke petugas Pemkot, dan petugas akan menghubungi Anda. Bila ada kecelakaan lain atau keadaan darurat, hubungi petugas langsung.",
    "accident_checked_by_officials": "diperiksa petugas",
    "accident_covered_yes": "terdaftar dan terlindungi saat kejadian",
    "accident_covered_no": "tidak terdaftar pada saat kejadian",
    "accident_covered_not_yet": "terdaftar, tetapi *belum terlindungi saat kejadian* (perlindungan mulai {start})",
    "accident_send": "Kirim laporan",
    "accident_change": "Ubah",
    "accident_cancel": "Batal",
    "accident_unfinished": "laporan kecelakaan",
    "accident_unfinished_named": "laporan kecelakaan atas nama {name}",
    "accident_summary_pick": "Tekan *Kirim laporan*, *Ubah* atau *Batal*.",
    "accident_ask_change": "Bagian mana yang ingin diubah?",
    "accident_field_activity": "Kegiatan",
    "accident_field_victim": "Korban",
    "accident_field_rt": "RT",
    "accident_field_when": "Waktu",
    "accident_field_where": "Tempat",
    "accident_field_what": "Kejadian",
    "accident_field_severity": "Akibat",
    "accident_field_reporter": "Pelapor",
    # Sent.
    "accident_saved": "✅ *Laporan kecelakaan tersimpan.*\nNomor laporan: *{reference}*",
    "accident_deadline": "⏰ Laporan resmi tahap I ke BPJS Ketenagakerjaan dan Disnaker dibuat oleh petugas Pemkot, *paling lambat {deadline}* (2×24 jam sejak kejadian).",
    "accident_deadline_passed": "⏰ Batas 2×24 jam sejak kejadian sudah lewat (*{deadline}*). Petugas Pemkot diminta segera membuat laporan resmi tahap I ke BPJS Ketenagakerjaan dan Disnaker.",
    "accident_not_formal": "⚠️ Laporan ini sampai ke petugas Pemkot, *bukan* laporan resmi ke BPJS: petugaslah yang membuat laporan resmi ke BPJS Ketenagakerjaan. Anda diberi tahu bila laporan resmi sudah dibuat dan bila laporan ini ditutup.",
    "accident_saved_not_covered": "ℹ️ Korban *tidak terdaftar pada saat kejadian*. Laporan tetap diteruskan ke petugas untuk ditindaklanjuti.",
    "accident_saved_not_yet_covered": "ℹ️ Korban terdaftar, tetapi *belum terlindungi saat kejadian*: perlindungan kegiatan ini baru berlaku sejak {start}. Laporan tetap diteruskan ke petugas untuk ditindaklanjuti.",
    "accident_alerted": "Petugas Pemkot ({count} orang) sudah diberi tahu.",
    "accident_alerted_none": "Belum ada petugas Pemkot untuk wilayah ini di sistem; hubungi kelurahan atau pendamping Anda.",
    "accident_keep": "Simpan baik-baik: kuitansi dan bukti biaya berobat, surat keterangan dokter, foto KTP korban, dan surat tugas kegiatan.\nInformasi: call centre BPJS Ketenagakerjaan *175*.",
    # Help.
    "accident_help_start": "Laporan ini memberi tahu petugas Pemkot secepatnya (tidak langsung ke BPJS: petugas yang membuat laporan resmi ke BPJS). Jawab pertanyaan satu per satu; ketik *kembali* untuk mengubah jawaban sebelumnya atau *batal* untuk membatalkan (tidak ada yang disimpan).",
    "accident_help_person": "Pilih korban dari daftar peserta (tekan tombol atau ketik nomornya, atau ketik namanya). Bila korban tidak ada di daftar, ketik NIK dan namanya: laporan tetap dibuat.",
    # The alert to officials.
    "accident_alert": (
        "⚠️ *KECELAKAAN KERJA* — {reference}\n"
        "Wilayah: {rt}, Kel. {kelurahan}, Kec. {kecamatan}\n"
        "Kegiatan: {activity}\n"
        "Korban: {victim} (NIK {nik})\n"
        "Waktu: {when}\n"
        "Tempat: {place}\n"
        "Kejadian: {what}\n"
        "Akibat: {severity}\n"
        "Status peserta: {covered}\n"
        "Pelapor: {reporter}, {phone}\n"
        "⏰ Laporan tahap I ke BPJS dan Disnaker paling lambat *{deadline}*.\n"
        "Laporan ini belum sampai ke BPJS: buat laporan resminya, lalu tandai lewat /insiden."
    ),
    # Its line in Telegram's command menu.
    "command_accident_report": "Lapor kecelakaan kerja",
}

EN: dict[str, str] = {
    "accident_ask_activity": "🚑 *Report a work accident*\nIn which activity did it happen? Pick the activity.\n(type *batal* to cancel)",
    "accident_ask_activity_none": "🚑 *Report a work accident*\nYour RT has no confirmed activity yet. Tap *Not a registered activity* to report anyway.\n(type *batal* to cancel)",
    "accident_activity_period": "{number} · {start} to {end}",
    "accident_no_activity_button": "Not a registered activity",
    "accident_pick_activity": "Please pick one of the activities below (tap or type its number), or *Not a registered activity*.",
    "accident_ask_person": "Who was hurt? Pick one of the {count} participants, or type the victim's *NIK and name* if they are not on the list.",
    "accident_ask_victim_nik": "Who was hurt? Type the victim's *NIK and name*, e.g.:\n*1571014107900001 Siti Aminah*\n(The NIK is on the KTP or family card.)",
    "accident_previous_page": "◀ Previous",
    "accident_next_page": "Next ▶",
    "accident_ask_victim": "🚑 *Report a work accident*\nWho was hurt? Type the victim's *NIK and name*, e.g. *1571014107900001 Siti Aminah*.\nIf you do not know the NIK, type the name only.\n(type *batal* to cancel)",
    "accident_victim_myself": "Myself",
    "accident_ask_century": "The year of birth in the victim's NIK reads as *{young}* or *{old}*. Born in {young} or {old}?",
    "accident_century_problem": "Pick the victim's year of birth with the buttons below.",
    "accident_need_nik": "Please type the victim's *NIK* (16 digits, on the KTP/family card) followed by the name, e.g. *1571014107900001 Siti Aminah*. The city officials need the NIK for the formal report to BPJS.",
    "accident_bad_victim": "I cannot read that as a name or a NIK. Example: *1571014107900001 Siti Aminah*, or the name only: *Siti Aminah*.",
    "accident_need_name": "That NIK is not on the participant list. Send the NIK *and the victim's name* in one message, e.g. *1571014107900001 Siti Aminah*.",
    "accident_bad_name": "The victim's name may contain letters only (no digits or symbols). Example: *1571014107900001 Siti Aminah*.",
    "accident_not_on_list": "ℹ️ The victim is not on this activity's participant list. The report is still made, flagged *not registered at the time of the accident*.",
    "accident_nik_length": "A NIK has 16 digits. Please check the KTP or family card.",
    "accident_nik_non_digit": "A NIK contains digits only (16 of them). Please check the KTP or family card.",
    "accident_nik_province": "The first two digits of that NIK are not a province code. Please check the KTP.",
    "accident_nik_date": "The birth-date digits of that NIK do not form a real date. Please check the KTP.",
    "accident_nik_serial": "The last four digits of a NIK cannot be 0000. Please check the KTP.",
    "accident_rt_label": "RT {rt} · {kelurahan}",
    "accident_ask_own_rt": "Which RT is this accident in? Pick your RT.",
    "accident_ask_rt": "In which RT does the victim live or work? Type e.g. *RT 5 Thehok*, or tap *Don't know*.",
    "accident_rt_unknown_button": "Don't know",
    "accident_rt_format": "Type the RT number and the kelurahan, e.g. *RT 5 Thehok*, or tap *Don't know*.",
    "accident_rt_no_kelurahan": "I cannot find that kelurahan in Kota Jambi. Check the spelling, e.g. *RT 5 Thehok*, or tap *Don't know*.",
    "accident_rt_not_listed": "RT {rt} Kel. {kelurahan} is not on the Kampung Bahagia RT list. Check the number, or tap *Don't know*.",
    "accident_ask_when": "When did it happen? Tap *Now*, or type the date and time ({zone}), e.g. *hari ini 14.30*, *kemarin jam 8 pagi*, *2/3/2026 09.15*.",
    "accident_now": "Now",
    "accident_when_yes": "Yes, {when}",
    "accident_when_reading": "{when}",
    "accident_when_which": "Is *{typed}* in the night/morning or the afternoon/evening? Pick the time from the buttons, or type the full date and time, e.g. *hari ini 14.30* or *2/3/2026 09.15*.",
    "accident_when_format": "I cannot read that time. Examples: *14.30*, *hari ini 14.30*, *kemarin jam 8 pagi*, *2/3/2026 09.15*.",
    "accident_when_date_only": "Please add the time too (an estimate is fine), e.g. *2/3/2026 09.15* or *kemarin jam 8 pagi*.",
    "accident_when_invalid": "That date or time does not exist. Example: *2/3/2026 09.15*.",
    "accident_when_future": "That time has not come yet. Type when the accident happened, or tap *Now*.",
    "accident_when_too_old": "That is more than a year ago. Please check the year.",
    "accident_when_confirm": "Did it happen on *{when}*, more than 30 days ago? Tap *Yes* if so, or type another time.",
    "accident_ask_where": "Where did it happen? Type the place (street, alley, landmark) or share a location (📎 → Location).",
    "accident_at_site": "At the activity site",
    "accident_shared_location": "location pin {latitude}, {longitude}",
    "accident_where_problem": "Please describe the place in words (e.g. *Jl. Kapten Pattimura gg. Damai*) or share a location.",
    "accident_ask_what": "What happened? Briefly: the work being done, the cause and the injury (at most 1,000 characters).",
    "accident_what_problem": "Please describe what happened in words, e.g. *fell from a ladder while fixing the roof, left ankle sprained*.",
    "accident_ask_severity": "How serious is it?",
    "accident_severity_luka_ringan": "Minor injury",
    "accident_severity_rawat_inap": "Hospitalised",
    "accident_severity_cacat": "Disability",
    "accident_severity_meninggal": "Died",
    "accident_severity_problem": "Please pick one: *Minor injury*, *Hospitalised*, *Disability* or *Died*.",
    "accident_ask_reporter_me": "Who is reporting? Tap *Use my details* ({name}, {phone}), or type another reporter's name and mobile number, e.g. *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_me": "Use my details",
    "accident_ask_reporter": "Who is reporting? Type the reporter's name and mobile number, e.g. *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_problem": "Type the reporter's name (letters only) and then the mobile number, e.g. *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_no_phone": "The reporter's mobile number is needed too, so officials can call back. Example: *Siti Aminah 0812-3456-7890*.",
    "accident_reporter_bad_phone": "I cannot use that number. Type a mobile number, or a home/office line with its area code, e.g. *0812-3456-7890* or *0741-123456*.",
    "accident_summary": (
        "📋 *Check the accident report*\n"
        "Activity: {activity}\n"
        "Area: {rt}\n"
        "Victim: {victim} (NIK {nik})\n"
        "Time: {when}\n"
        "Place: {place}\n"
        "What happened: {what}\n"
        "Outcome: {severity}\n"
        "Participant status: {covered}\n"
        "Reporter: {reporter}, {phone}\n\n"
        "Send this report to the city officials?"
    ),
    "accident_no_activity": "not a registered activity",
    "accident_rt_unknown": "RT unknown",
    "accident_nik_unknown": "unknown",
    "accident_victim_reported_as": "reported as “{name}”",
    "accident_limited": "This report was not sent: in the last hour {limit} accident reports from you have already gone to the city officials, who will contact you. For another accident or an emergency, contact the officials directly.",
    "accident_checked_by_officials": "checked by the officials",
    "accident_covered_yes": "registered and covered at the time",
    "accident_covered_no": "not registered at the time of the accident",
    "accident_covered_not_yet": "registered, but *not yet covered at the time* (cover began {start})",
    "accident_send": "Send report",
    "accident_change": "Change",
    "accident_cancel": "Cancel",
    "accident_unfinished": "an accident report",
    "accident_unfinished_named": "the accident report for {name}",
    "accident_summary_pick": "Tap *Send report*, *Change* or *Cancel*.",
    "accident_ask_change": "Which part do you want to change?",
    "accident_field_activity": "Activity",
    "accident_field_victim": "Victim",
    "accident_field_rt": "RT",
    "accident_field_when": "Time",
    "accident_field_where": "Place",
    "accident_field_what": "What happened",
    "accident_field_severity": "Outcome",
    "accident_field_reporter": "Reporter",
    "accident_saved": "✅ *Accident report saved.*\nReference: *{reference}*",
    "accident_deadline": "⏰ The city officials file the formal stage-I report to BPJS Ketenagakerjaan and Disnaker, due *by {deadline} at the latest* (2×24 hours from the accident).",
    "accident_deadline_passed": "⏰ The 2×24 hours from the accident have passed (*{deadline}*). The city officials are asked to file the formal stage-I report to BPJS Ketenagakerjaan and Disnaker at once.",
    "accident_not_formal": "⚠️ This report reaches the city officials; it is *not* the formal report to BPJS: the officials file that with BPJS Ketenagakerjaan. You are told when the formal report is filed and when this report is closed.",
    "accident_saved_not_covered": "ℹ️ The victim was *not registered at the time of the accident*. The report still goes to the officials for follow-up.",
    "accident_saved_not_yet_covered": "ℹ️ The victim is on the list but was *not yet covered at the time*: the activity's cover began {start}. The report still goes to the officials for follow-up.",
    "accident_alerted": "City officials ({count}) have been alerted.",
    "accident_alerted_none": "No city official is set up for this area yet; contact your kelurahan or facilitator.",
    "accident_keep": "Keep: receipts and proof of treatment costs, the doctor's statement, a photo of the victim's KTP, and the activity's surat tugas.\nInformation: BPJS Ketenagakerjaan call centre *175*.",
    "accident_help_start": "This report alerts the city officials at once (not BPJS directly: the officials file the formal report with BPJS). Answer one question at a time; type *kembali* to change the previous answer or *batal* to cancel (nothing is kept).",
    "accident_help_person": "Pick the victim from the participant list (tap, type the number or the name). If the victim is not on the list, type their NIK and name: the report is still made.",
    "accident_alert": (
        "⚠️ *WORK ACCIDENT* — {reference}\n"
        "Area: {rt}, Kel. {kelurahan}, Kec. {kecamatan}\n"
        "Activity: {activity}\n"
        "Victim: {victim} (NIK {nik})\n"
        "Time: {when}\n"
        "Place: {place}\n"
        "What happened: {what}\n"
        "Outcome: {severity}\n"
        "Participant status: {covered}\n"
        "Reporter: {reporter}, {phone}\n"
        "⏰ Stage-I report to BPJS and Disnaker due by *{deadline}*.\n"
        "This report has not reached BPJS: file the formal report, then mark it in /insiden."
    ),
    # Its line in Telegram's command menu.
    "command_accident_report": "Report a work accident",
}
