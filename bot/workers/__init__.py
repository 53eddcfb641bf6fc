"""Work that runs beside the conversations: the outbox sender, delivery receipts, the scheduler and its jobs."""
