"""Lapor kecelakaan: anyone reports an accident; officials in scope are alerted at once (DOMAIN.md §4)."""
