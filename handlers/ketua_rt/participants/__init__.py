"""Peserta: a Ketua RT adds (one by one or pasted), lists and removes the workers of one activity."""
