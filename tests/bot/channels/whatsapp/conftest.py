"""The WhatsApp fixtures (tests/support/whatsapp_app.py)."""

from support.whatsapp_app import graph, whatsapp  # noqa: F401
