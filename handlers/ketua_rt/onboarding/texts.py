"""Texts of onboarding (how a Ketua RT becomes known to the bot). Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    "menu_item_onboarding": "Saya Ketua RT",
    "onboarding_rt_label": "RT {rt} Kelurahan {kelurahan}",
    "onboarding_welcome_phone": (
        "✅ *Selamat datang, Bapak/Ibu {name}*, Ketua {rts}.\n"
        "Nomor HP Anda ada di daftar RT Pemkot Jambi. Sekarang Anda bisa mendaftarkan "
        "kegiatan Kampung Bahagia dari menu."
    ),
    "onboarding_welcome_code": (
        "✅ *Kode undangan diterima. Selamat datang, Bapak/Ibu {name}*, Ketua {rts}.\n"
        "Sekarang Anda bisa mendaftarkan kegiatan Kampung Bahagia dari menu."
    ),
    "onboarding_already": "Anda sudah tercatat sebagai Ketua {rts}. Tidak perlu mendaftar lagi; silakan pilih dari menu.",
    "onboarding_share": (
        "📱 *Saya Ketua RT*\n"
        "Agar bot mengenali Anda, tekan tombol *Bagikan nomor HP* di bawah. Nomor itu "
        "dicocokkan dengan daftar RT dari Pemkot Jambi.\n"
        "Punya kode undangan dari lurah atau pendamping kelurahan? Tekan *Pakai kode undangan*."
    ),
    "onboarding_share_expected": (
        "Silakan tekan tombol *Bagikan nomor HP* (di bawah kolom ketik), atau pilih "
        "*Pakai kode undangan*."
    ),
    "onboarding_typed_phone": (
        "Nomor yang diketik tidak bisa dipakai sebagai tanda pengenal, karena siapa saja bisa "
        "mengetik nomor apa saja. Hanya nomor yang dibagikan lewat tombol *Bagikan nomor HP* "
        "(atau nomor WhatsApp Anda sendiri) yang dicocokkan dengan daftar RT."
    ),
    "onboarding_not_listed": (
        "Nomor HP Anda {phone} *tidak ada di daftar RT* dari Pemkot Jambi, jadi bot belum "
        "bisa mengenali Anda sebagai Ketua RT. Tidak ada data yang dibuat.\n"
        "Hubungi *lurah* atau *pendamping kelurahan* Anda: minta nomor Anda dimasukkan ke "
        "daftar RT, atau minta *kode undangan*. Bila sudah punya kode, tekan *Pakai kode undangan*."
    ),
    "onboarding_not_listed_expected": (
        "Bila sudah punya kode undangan dari lurah atau pendamping kelurahan, tekan "
        "*Pakai kode undangan*. Ketik *menu* untuk kembali ke menu utama."
    ),
    "onboarding_still_not_listed": "Nomor itu juga tidak ada di daftar RT Pemkot Jambi.",
    "onboarding_use_code": "Pakai kode undangan",
    "onboarding_ask_code": (
        "🔑 Ketik *kode undangan* dari lurah atau pendamping kelurahan Anda: 8 huruf dan "
        "angka, misalnya *K7Q2 MX4P*. Huruf besar atau kecil sama saja."
    ),
    "onboarding_code_format": (
        "Itu bukan kode undangan. Kode terdiri dari 8 huruf dan angka (tanpa 0, O, 1, I "
        "atau L), misalnya *K7Q2 MX4P*. Periksa lagi lalu ketik ulang."
    ),
    "onboarding_code_unknown": (
        "Kode itu tidak dikenal. Tidak ada data yang dibuat. Periksa lagi hurufnya, atau "
        "minta kode yang benar kepada lurah atau pendamping kelurahan Anda."
    ),
    "onboarding_code_expired": (
        "Kode itu sudah kedaluwarsa. Tidak ada data yang dibuat. Minta kode baru kepada "
        "lurah atau pendamping kelurahan Anda."
    ),
    "onboarding_code_used": (
        "Kode itu sudah pernah dipakai dan hanya berlaku satu kali. Tidak ada data yang "
        "dibuat. Bila bukan Anda yang memakainya, segera hubungi lurah atau pendamping "
        "kelurahan Anda dan minta kode baru."
    ),
    "onboarding_code_limited": (
        "Terlalu banyak kode yang salah. Demi keamanan, coba lagi setelah {time}. Bila kode "
        "Anda tetap ditolak, hubungi lurah atau pendamping kelurahan Anda."
    ),
    "help_onboarding": (
        "Ketua RT dikenali dari nomor HP yang ada di daftar RT Pemkot Jambi (nomor WhatsApp "
        "Anda, atau nomor yang dibagikan lewat tombol di Telegram), atau dengan kode "
        "undangan sekali pakai dari lurah atau pendamping kelurahan.\n"
        "Ketik *menu* untuk kembali ke menu utama."
    ),
}

EN: dict[str, str] = {
    "menu_item_onboarding": "I am a Ketua RT",
    "onboarding_rt_label": "RT {rt} Kelurahan {kelurahan}",
    "onboarding_welcome_phone": (
        "✅ *Welcome, {name}*, Ketua {rts}.\n"
        "Your phone number is on the Pemkot Jambi RT list. You can now register Kampung "
        "Bahagia activities from the menu."
    ),
    "onboarding_welcome_code": (
        "✅ *Invite code accepted. Welcome, {name}*, Ketua {rts}.\n"
        "You can now register Kampung Bahagia activities from the menu."
    ),
    "onboarding_already": "You are already registered as Ketua {rts}. Nothing more to do; please choose from the menu.",
    "onboarding_share": (
        "📱 *I am a Ketua RT*\n"
        "So the bot can recognise you, tap *Share phone number* below. The number is "
        "matched against the RT list from Pemkot Jambi.\n"
        "Have an invite code from your lurah or kelurahan facilitator? Tap *Use invite code*."
    ),
    "onboarding_share_expected": (
        "Please tap the *Share phone number* button (below the typing field), or choose "
        "*Use invite code*."
    ),
    "onboarding_typed_phone": (
        "A typed number cannot identify you, because anyone can type any number. Only the "
        "number shared with the *Share phone number* button (or your own WhatsApp number) "
        "is matched against the RT list."
    ),
    "onboarding_not_listed": (
        "Your phone number {phone} is *not on the RT list* from Pemkot Jambi, so the bot "
        "cannot recognise you as Ketua RT yet. Nothing was created.\n"
        "Contact your *lurah* or *kelurahan facilitator*: ask them to add your number to the "
        "RT list, or to give you an *invite code*. If you have a code, tap *Use invite code*."
    ),
    "onboarding_not_listed_expected": (
        "If you have an invite code from your lurah or kelurahan facilitator, tap *Use "
        "invite code*. Type *menu* for the main menu."
    ),
    "onboarding_still_not_listed": "That number is not on the Pemkot Jambi RT list either.",
    "onboarding_use_code": "Use invite code",
    "onboarding_ask_code": (
        "🔑 Type the *invite code* from your lurah or kelurahan facilitator: 8 letters and "
        "digits, e.g. *K7Q2 MX4P*. Upper or lower case does not matter."
    ),
    "onboarding_code_format": (
        "That is not an invite code. A code has 8 letters and digits (never 0, O, 1, I or "
        "L), e.g. *K7Q2 MX4P*. Please check it and type it again."
    ),
    "onboarding_code_unknown": (
        "That code is unknown. Nothing was created. Check the letters again, or ask your "
        "lurah or kelurahan facilitator for the right code."
    ),
    "onboarding_code_expired": (
        "That code has expired. Nothing was created. Ask your lurah or kelurahan "
        "facilitator for a new one."
    ),
    "onboarding_code_used": (
        "That code has already been used and works only once. Nothing was created. If it "
        "was not you who used it, contact your lurah or kelurahan facilitator at once and "
        "ask for a new code."
    ),
    "onboarding_code_limited": (
        "Too many wrong codes. For security, please try again after {time}. If your code is "
        "still refused, contact your lurah or kelurahan facilitator."
    ),
    "help_onboarding": (
        "A Ketua RT is recognised by a phone number on the Pemkot Jambi RT list (your "
        "WhatsApp number, or the number shared with the Telegram button), or by a one-time "
        "invite code from the lurah or kelurahan facilitator.\n"
        "Type *menu* for the main menu."
    ),
}
