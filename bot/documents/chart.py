"""Horizontal bar charts as PNG bytes, made to be read on a phone.

Portrait 1080×1350 px (the 4:5 shape chat apps show whole), large type, the bars sorted
largest first from the top, each value printed at its bar's end in Indonesian digit
grouping ("1.250"). Matplotlib's object API with the Agg canvas: no pyplot, so no global
figure state shared between messages.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.core.markup import strip_marks
from bot.domain.money import format_amount

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_PX = 1080
HEIGHT_PX = 1350
DPI = 150
# Points; at 150 dpi a 16-pt label is 33 px tall: about 11 dp on a 1080-px-wide phone
# screen, the size of chat text.
LABEL_SIZE = 16
TITLE_SIZE = 20
SUBTITLE_SIZE = 14
# Longest line of a bar label, a title and a subtitle before wrapping.
LABEL_WIDTH = 18
TITLE_WIDTH = 32
SUBTITLE_WIDTH = 52
BAR_COLOUR = "#1f6f8b"
OTHERS_COLOUR = "#8fa9b3"
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#555555"
# Room to the right of the longest bar for its printed value.
HEADROOM = 1.32
# Margins and the space between the heading's parts, as fractions of the figure.
MARGIN = 0.03
GAP = 0.015
BOTTOM = 0.03


def bar_chart_png(
    bars: Sequence[tuple[str, int]],
    *,
    title: str,
    subtitle: str = "",
    others: tuple[str, int] | None = None,
    width_px: int = WIDTH_PX,
    height_px: int = HEIGHT_PX,
    dpi: int = DPI,
    value_text: Callable[[int], str] = format_amount,
) -> bytes:
    """A PNG of `bars` (label, value), largest first from the top; `others` (the regions
    left out, summed) is drawn last in a lighter colour whatever its value."""
    figure = bar_chart(
        bars,
        title=title,
        subtitle=subtitle,
        others=others,
        width_px=width_px,
        height_px=height_px,
        dpi=dpi,
        value_text=value_text,
    )
    buffer = io.BytesIO()
    # The figure's own size and dpi: no "tight" bounding box, so the pixels stay exact.
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def bar_chart(
    bars: Sequence[tuple[str, int]],
    *,
    title: str,
    subtitle: str = "",
    others: tuple[str, int] | None = None,
    width_px: int = WIDTH_PX,
    height_px: int = HEIGHT_PX,
    dpi: int = DPI,
    value_text: Callable[[int], str] = format_amount,
) -> Figure:
    """The laid-out figure of `bar_chart_png` (tests measure where its texts fall)."""
    # Catalogue texts mark user values for the chat renderers; a picture shows them as is.
    title, subtitle = strip_marks(title), strip_marks(subtitle)
    bars = [(strip_marks(label), value) for label, value in bars]
    ordered = sorted(bars, key=lambda bar: -bar[1])
    colours = [BAR_COLOUR] * len(ordered)
    if others is not None:
        ordered.append(others)
        colours.append(OTHERS_COLOUR)
    # Matplotlib (with numpy, ~45 MB) is loaded with the first chart a process draws.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    renderer = canvas.get_renderer()
    # The heading is stacked from the top, each part measured as drawn: a title that
    # wraps onto a second line pushes the subtitle and the bars down.
    below = 1 - MARGIN
    for text, size, weight, colour in (
        (_wrap(title, TITLE_WIDTH), TITLE_SIZE, "bold", TEXT_COLOUR),
        (_wrap(subtitle, SUBTITLE_WIDTH), SUBTITLE_SIZE, "normal", MUTED_COLOUR),
    ):
        if not text:
            continue
        drawn = figure.text(
            0.5, below, text, ha="center", va="top", fontsize=size, fontweight=weight, color=colour
        )
        below = drawn.get_window_extent(renderer).y0 / height_px - GAP
    axes = figure.add_subplot()
    positions = list(range(len(ordered)))
    values = [value for _, value in ordered]
    axes.barh(positions, values, height=0.62, color=colours)
    axes.set_yticks(
        positions,
        [_wrap(label, LABEL_WIDTH) for label, _ in ordered],
        fontsize=LABEL_SIZE,
        color=TEXT_COLOUR,
    )
    axes.tick_params(axis="y", length=0, pad=8)
    axes.set_ylim(max(len(ordered), 1) - 0.5, -0.5)  # the first bar at the top
    axes.set_xlim(0, max(max(values, default=0), 1) * HEADROOM)
    for position, value in zip(positions, values, strict=True):
        axes.annotate(
            value_text(value),
            xy=(value, position),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=LABEL_SIZE,
            fontweight="bold",
            color=TEXT_COLOUR,
        )
    # The printed values say it all; an x axis would only add small numbers.
    axes.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    # The axes start right of the widest label, measured as it will be drawn.
    widest = max(
        (label.get_window_extent(renderer).width for label in axes.get_yticklabels()),
        default=0.0,
    )
    left = MARGIN + (widest + LABEL_SIZE) / width_px
    figure.subplots_adjust(left=left, right=1 - MARGIN, top=below - GAP, bottom=BOTTOM)
    return figure


def _wrap(text: str, width: int) -> str:
    """Wrap each line on its own, keeping line breaks the caller chose."""
    return "\n".join(textwrap.fill(line, width) for line in text.splitlines())
