"""What a Ketua RT does: onboarding, registering an activity, its participants, confirming coverage, and "Kegiatan saya"."""
