"""WhatsApp's 24-hour customer service window and the approved templates used outside it.

Free-form messages reach a person only within 24 hours of their last message to us;
after that, only a template Meta approved beforehand. An outbox message names the
template it wants by *purpose* (`{"template": {"name": "accident_alert", "params":
[...]}}`); `[whatsapp.templates]` maps each purpose to the approved template's name,
language and number of parameters. A message without one falls back to a template
configured for its kind (`broadcast`, `daily_summary`, …), then to the general `notice`
template whose one parameter is the message text itself.

Meta refuses parameters that are empty, longer than 1,024 characters, or contain new
lines, tabs or four spaces in a row: parameters are checked and made safe before sending.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.core.markup import strip_marks

WINDOW = timedelta(hours=24)
# The stored last-inbound time may lag by a minute (see AccountRepository.touch_inbound);
# stay clear of the edge rather than have Meta refuse the message.
WINDOW_MARGIN = timedelta(minutes=5)
FALLBACK_PURPOSE = "notice"
PARAM_LIMIT = 1024
# The message text as a parameter: leave room for the template's own words.
TEXT_PARAM_LIMIT = 700
_SPACES = re.compile(r"\s+")


class TemplateProblem(Exception):
    """No usable template for a message outside the window (the reason says which)."""


@dataclass(frozen=True)
class TemplateSpec:
    purpose: str
    name: str
    language: str = "id"
    params: int | None = None  # how many {{n}} the approved body has; None = not checked

    @classmethod
    def from_setting(cls, purpose: str, value: Any) -> TemplateSpec:
        """From `[whatsapp.templates.<purpose>]`: a table (`name`, `language`, `params`)
        or, for a template without parameters, just its name."""
        if isinstance(value, str):
            return cls(purpose, value)
        get = value.get if isinstance(value, Mapping) else lambda key: getattr(value, key, None)
        name = str(get("name") or "").strip()
        if not name:
            raise TemplateProblem(f"whatsapp.templates.{purpose}: no template name")
        params = get("params")
        return cls(
            purpose,
            name,
            str(get("language") or "id"),
            int(params) if params not in (None, "") else None,
        )


def window_open(last_inbound_at: datetime | None, now: datetime) -> bool:
    """Whether free-form messages may be sent to someone who last wrote at that time."""
    return last_inbound_at is not None and now - last_inbound_at < WINDOW - WINDOW_MARGIN


def choose(
    templates: Mapping[str, Any], payload: Mapping[str, Any], kind: str
) -> tuple[TemplateSpec, list[str]]:
    """The template and parameters for an outbox message outside the window."""
    wanted = payload.get("template") or {}
    purpose = str(wanted.get("name") or "")
    given = [str(p) for p in wanted.get("params") or []]
    for candidate in (purpose, kind, FALLBACK_PURPOSE):
        if candidate and candidate in templates:
            spec = TemplateSpec.from_setting(candidate, templates[candidate])
            params = _params_for(spec, given, str(payload.get("text") or ""))
            if params is not None:
                return spec, [safe_param(p, spec) for p in params]
    asked = purpose or kind
    raise TemplateProblem(
        f"outside WhatsApp's 24-hour window and no usable template for '{asked}' "
        f"(configure whatsapp.templates.{asked} or whatsapp.templates.{FALLBACK_PURPOSE})"
    )


def _params_for(spec: TemplateSpec, given: list[str], text: str) -> list[str] | None:
    """The parameters for this template, or None when the message cannot fill it."""
    if spec.params is None:  # count not configured: trust what the message brings
        if given:
            return given
        return [flatten(text, TEXT_PARAM_LIMIT)] if spec.purpose == FALLBACK_PURPOSE else []
    if len(given) == spec.params:
        return given
    if spec.params == 1 and text.strip():
        return [flatten(text, TEXT_PARAM_LIMIT)]
    return None


def flatten(text: str, limit: int = PARAM_LIMIT) -> str:
    """One line, single spaces, at most `limit` characters."""
    # The marks around user values (bot/core/markup.py) are not for a template parameter.
    line = _SPACES.sub(" ", strip_marks(text)).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def safe_param(value: str, spec: TemplateSpec) -> str:
    param = flatten(value)
    if not param:
        raise TemplateProblem(f"template {spec.name} ({spec.purpose}): a parameter is empty")
    return param


def template_message(spec: TemplateSpec, params: list[str]) -> dict[str, Any]:
    template: dict[str, Any] = {"name": spec.name, "language": {"code": spec.language}}
    if params:
        template["components"] = [
            {"type": "body", "parameters": [{"type": "text", "text": p} for p in params]}
        ]
    return {"type": "template", "template": template}
