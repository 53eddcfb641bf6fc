"""Cek perlindungan: a resident's own coverage, by verified phone or by NIK."""
