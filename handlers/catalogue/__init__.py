"""Every user-facing text, by language. Indonesian is the default and the fallback.

Texts shared by every dialog live here in id.py / en.py. Each dialog's own texts live in
its package (handlers/<persona>/<dialog>/texts.py), referenced by its `Dialog(texts=...)`
declaration and collected from the registry; texts several dialogs share live next to the
code that shows them (handlers/common, handlers/warga, handlers/petugas).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core.markup import Text, fill
from bot.domain.dates import zone_label
from handlers.catalogue import en as english
from handlers.catalogue import id as indonesian
from handlers.common import texts as activity_views
from handlers.petugas import texts as officials
from handlers.registry import REGISTRY
from handlers.warga import texts as residents

SHARED = (activity_views, residents, officials)
AREAS = (*SHARED, *REGISTRY.text_areas)


def _merge(base: Mapping[str, str], language: str) -> dict[str, str]:
    merged = dict(base)
    for area in AREAS:
        texts: Mapping[str, str] = getattr(area, language)
        duplicated = merged.keys() & texts.keys()
        if duplicated:
            raise ValueError(f"text keys defined twice: {sorted(duplicated)}")
        merged.update(texts)
    return merged


# The texts `bantuan` answers with: every step's help, and the menu's "Bantuan"; and the
# privacy notices, whose "questions" line the helpdesk contact completes.
HELP_KEYS = frozenset(
    {"help_generic", "menu_help", "privacy_notice", "mydata_privacy"}
    | {step.help for dialog in REGISTRY.dialogs.values() for step in dialog.steps.values()}
)
HELPDESK_LINE = "helpdesk_line"

LANGUAGES: Mapping[str, Mapping[str, str]] = {
    "id": _merge(indonesian.TEXTS, "ID"),
    "en": _merge(english.TEXTS, "EN"),
}
DEFAULT_LANGUAGE = "id"
ZONE_FIELD = "zone"
ZONE = "{zone}"


class Catalogue:
    """The texts by language. `helpdesk` (setting `program.helpdesk`) is the contact every
    help answer ends with; empty, none is added."""

    def __init__(
        self, languages: Mapping[str, Mapping[str, str]] = LANGUAGES, helpdesk: str = ""
    ) -> None:
        self._languages = languages
        self._helpdesk = helpdesk.strip()

    def text(self, language: str, key: str, **values: Any) -> Text:
        """The text `key` with `values` filled in. Plain strings are user values: they
        are marked so no channel renders them as formatting (bot/core/markup.py); a
        `Text` (another catalogue text) keeps its formatting."""
        texts = self._languages.get(language) or self._languages[DEFAULT_LANGUAGE]
        template = texts.get(key) or self._languages[DEFAULT_LANGUAGE][key]
        if ZONE in template and ZONE_FIELD not in values:
            # Times of day are in program.timezone: "{zone}" is its label (WIB, WITA, WIT).
            values = {**values, ZONE_FIELD: zone_label()}
        if values:
            found = Text(template.format(**{name: fill(v) for name, v in values.items()}))
        else:
            found = Text(template)
        if self._helpdesk and key in HELP_KEYS:
            line = self.text(language, HELPDESK_LINE, contact=self._helpdesk)
            return Text(f"{found}\n\n{line}")
        return found
