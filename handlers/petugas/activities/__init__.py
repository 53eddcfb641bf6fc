"""Kegiatan (officials): the activity list of the caller's scope, its filters, one activity's detail and worker list."""
