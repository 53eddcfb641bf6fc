"""Konfirmasi perlindungan: the last check of a draft activity and its confirmation with the surat tugas."""
