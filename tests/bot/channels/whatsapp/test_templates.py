"""The 24-hour window and the choice of an approved template for a message outside it:
by the message's purpose, then its kind, then the general notice; parameters counted,
checked and made safe the way Meta requires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from bot.channels.whatsapp.templates import (
    TemplateProblem,
    TemplateSpec,
    choose,
    template_message,
    window_open,
)

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
TEMPLATES = {
    "accident_alert": {"name": "kb_kecelakaan_kerja", "language": "id", "params": "4"},
    "broadcast": {"name": "kb_pengumuman", "params": "1"},
    "notice": {"name": "kb_pemberitahuan", "params": "1"},
}


def test_the_window_is_24_hours_with_a_safety_margin() -> None:
    assert window_open(NOW - timedelta(hours=23, minutes=50), NOW)
    assert not window_open(NOW - timedelta(hours=23, minutes=58), NOW)
    assert not window_open(NOW - timedelta(hours=25), NOW)
    assert not window_open(None, NOW)


def test_a_message_uses_the_template_of_its_purpose() -> None:
    payload = {
        "text": "…",
        "template": {"name": "accident_alert", "params": ["LK-1", "Berat", "RT 01", "5 Maret"]},
    }
    spec, params = choose(TEMPLATES, payload, "accident")
    assert spec.name == "kb_kecelakaan_kerja" and params == ["LK-1", "Berat", "RT 01", "5 Maret"]
    assert template_message(spec, params) == {
        "type": "template",
        "template": {
            "name": "kb_kecelakaan_kerja",
            "language": {"code": "id"},
            "components": [
                {"type": "body", "parameters": [{"type": "text", "text": p} for p in params]}
            ],
        },
    }


def test_without_a_purpose_the_kind_then_the_notice_is_used() -> None:
    spec, params = choose(TEMPLATES, {"text": "Kerja bakti Minggu\n\npukul 07.00"}, "broadcast")
    assert spec.name == "kb_pengumuman" and params == ["Kerja bakti Minggu pukul 07.00"]
    spec, params = choose(TEMPLATES, {"text": "Permintaan koreksi data"}, "correction")
    assert spec.name == "kb_pemberitahuan" and params == ["Permintaan koreksi data"]


def test_an_unconfigured_purpose_falls_back_to_the_notice_with_the_text() -> None:
    payload = {
        "text": "Ringkasan harian",
        "template": {"name": "daily_summary", "params": ["a", "b"]},
    }
    spec, params = choose(TEMPLATES, payload, "daily_summary")
    assert spec.name == "kb_pemberitahuan" and params == ["Ringkasan harian"]


def test_a_wrong_parameter_count_is_not_sent() -> None:
    payload = {"text": "", "template": {"name": "accident_alert", "params": ["LK-1"]}}
    with pytest.raises(TemplateProblem, match="accident_alert"):
        choose({"accident_alert": TEMPLATES["accident_alert"]}, payload, "accident")


def test_parameters_are_made_safe() -> None:
    payload = {
        "template": {"name": "accident_alert", "params": ["a\nb", "c\t\td", "e    f", "x" * 2000]}
    }
    _, params = choose(TEMPLATES, payload, "accident")
    assert params[:3] == ["a b", "c d", "e f"] and len(params[3]) == 1024
    with pytest.raises(TemplateProblem, match="empty"):
        choose(
            TEMPLATES, {"template": {"name": "accident_alert", "params": ["", "b", "c", "d"]}}, "x"
        )


def test_settings_may_be_tables_objects_or_names() -> None:
    as_object = SimpleNamespace(name="kb_pengumuman", language="en", params=1)
    assert TemplateSpec.from_setting("broadcast", as_object) == TemplateSpec(
        "broadcast", "kb_pengumuman", "en", 1
    )
    assert TemplateSpec.from_setting("x", "kb_tanpa_parameter") == TemplateSpec(
        "x", "kb_tanpa_parameter"
    )
    with pytest.raises(TemplateProblem):
        TemplateSpec.from_setting("x", {"language": "id"})
