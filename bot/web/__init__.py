"""The ASGI app (webhooks, health check) and `kampung-bahagia serve`."""
