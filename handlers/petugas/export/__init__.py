"""Ekspor BPJS: an official's export of a period and an area."""
