"""The Telegram channel: python-telegram-bot as the transport; rendering, limits, delivery and updates in their own modules."""
