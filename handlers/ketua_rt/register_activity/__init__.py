"""Daftarkan kegiatan: the registration questions, one per message, then the summary card."""
