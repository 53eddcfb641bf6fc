"""Kegiatan saya: a Ketua RT's activities, and tracked changes to a confirmed one."""
