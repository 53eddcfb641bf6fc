"""Info manfaat: what JKK and JKM pay."""
