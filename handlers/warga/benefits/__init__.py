"""Info manfaat: what JKK and JKM pay."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "benefits"
