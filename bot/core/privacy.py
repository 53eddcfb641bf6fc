"""The privacy notice's version and the figures it states (UU 27/2022): every consent
record names the version the person was given, so a changed notice is a new version.
Bump `NOTICE_VERSION` whenever the texts `privacy_notice` / `mydata_privacy` change."""

from __future__ import annotations

from typing import Any

from bot.config import Settings

NOTICE_VERSION = "2026-12-07"
# How a consent record came about (`consents.how`).
SHOWN_IN_CHAT = "shown_in_chat"
SENT_WITH_COVERAGE = "sent_with_coverage"
GUARDIAN_VIA_CHAIR = "guardian_via_chair"
HOWS = (SHOWN_IN_CHAT, SENT_WITH_COVERAGE, GUARDIAN_VIA_CHAIR)


def notice_values(settings: Settings) -> dict[str, Any]:
    """The values the notice texts are filled with: its version and the retention periods
    actually enforced (settings `retention.*`)."""
    retention = settings.retention
    return {
        "version": NOTICE_VERSION,
        "inactive_days": retention.person_inactive_days,
        "claims_days": retention.claims_kept_days,
    }
