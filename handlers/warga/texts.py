"""Texts the resident conversations share (Cek perlindungan, Data saya): how a person's
coverage in an activity reads, and the way back to the menu or the benefits. Both languages, `ID` and `EN`."""

ID: dict[str, str] = {
    # Shared by the resident conversations.
    "resident_choice_menu": "Menu",
    "resident_choice_benefits": "Info manfaat",
    "resident_period": "{start} s.d. {end}",
    "resident_period_never": "tidak pernah berlaku",
    "resident_status_now": "terlindungi sekarang",
    "resident_status_upcoming": "akan dimulai",
    "resident_status_ended": "sudah berakhir",
    "resident_status_cancelled": "dibatalkan",
    "resident_cancelled_at": "dibatalkan {at}",
    "resident_cancelled_because": "dibatalkan {at} — alasan: {reason}",
    "resident_status_removed": "tidak berlaku (dihapus dari daftar sebelum mulai)",
    "resident_status_draft": "draf, belum dikonfirmasi (belum terlindungi)",
    "resident_removed_note": "{status}; dihapus dari daftar {at}",
    "resident_activity": "{title} ({number})",
}

EN: dict[str, str] = {
    "resident_choice_menu": "Menu",
    "resident_choice_benefits": "Benefits",
    "resident_period": "{start} to {end}",
    "resident_period_never": "never in force",
    "resident_status_now": "covered now",
    "resident_status_upcoming": "starts later",
    "resident_status_ended": "ended",
    "resident_status_cancelled": "cancelled",
    "resident_cancelled_at": "cancelled {at}",
    "resident_cancelled_because": "cancelled {at} — reason: {reason}",
    "resident_status_removed": "not in force (removed from the list before the start)",
    "resident_status_draft": "draft, not confirmed (not covered yet)",
    "resident_removed_note": "{status}; removed from the list {at}",
    "resident_activity": "{title} ({number})",
}
