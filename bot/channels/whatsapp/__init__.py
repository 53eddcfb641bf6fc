"""The WhatsApp channel: Cloud API webhook in, Graph API messages out; rendering, sending, templates and webhook parsing in their own modules."""
