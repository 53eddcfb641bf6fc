"""Every user-facing text, by language. Indonesian is the default and the fallback."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from handlers.catalogue import (
    accident,
    admin,
    alerts,
    coverage,
    export,
    incidents_official,
    official,
    onboarding,
    participants,
    registration,
    resident,
)
from handlers.catalogue import en as english
from handlers.catalogue import id as indonesian

# Texts shared by every dialog live in id.py / en.py; each conversation's own texts in
# a module of its own with both languages side by side.
AREAS = (
    registration,
    participants,
    coverage,
    accident,
    onboarding,
    resident,
    official,
    export,
    incidents_official,
    alerts,
    admin,
)


def _merge(base: Mapping[str, str], language: str) -> dict[str, str]:
    merged = dict(base)
    for area in AREAS:
        texts: Mapping[str, str] = getattr(area, language)
        duplicated = merged.keys() & texts.keys()
        if duplicated:
            raise ValueError(f"text keys defined twice: {sorted(duplicated)}")
        merged.update(texts)
    return merged


LANGUAGES: Mapping[str, Mapping[str, str]] = {
    "id": _merge(indonesian.TEXTS, "ID"),
    "en": _merge(english.TEXTS, "EN"),
}
DEFAULT_LANGUAGE = "id"


class Catalogue:
    def __init__(self, languages: Mapping[str, Mapping[str, str]] = LANGUAGES) -> None:
        self._languages = languages

    def text(self, language: str, key: str, **values: Any) -> str:
        texts = self._languages.get(language) or self._languages[DEFAULT_LANGUAGE]
        template = texts.get(key) or self._languages[DEFAULT_LANGUAGE][key]
        return template.format(**values) if values else template
