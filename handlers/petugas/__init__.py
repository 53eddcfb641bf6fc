"""What city officials (petugas, BPJS, admins) do in chat: summary, activity lists, exports, incidents, alert settings."""
