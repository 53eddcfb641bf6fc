"""The scheduler's jobs, each computing what is due from the database alone (so a restart
misses nothing) and queueing messages with an outbox dedup key (so nothing goes twice):
incident reminders, new-activity alerts and digests, the daily summary, the Ketua RT's
"starts tomorrow" and "coverage ends tomorrow" notices, and housekeeping. Also who
receives such alerts (`recipients`) and the deadline countdown text (`countdown`)."""
