"""The WhatsApp fixtures (tests/support/whatsapp_app.py) for the webhook fuzzing."""

from support.whatsapp_app import graph, whatsapp  # noqa: F401
