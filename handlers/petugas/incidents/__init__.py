"""Insiden: officials' open accident reports and what they do with one."""
