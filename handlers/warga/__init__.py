"""What any resident does: premium simulation, coverage check, benefits, and their own data."""
