"""The PNG bar chart: the intended pixel size, a file image readers open, bars drawn
largest first, and — measured on the laid-out figure — labels and values that neither
overlap nor leave the image for the 11 kecamatan or a kecamatan's kelurahan."""

from __future__ import annotations

import io
import struct
from itertools import pairwise
from typing import Any

import matplotlib.image
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from bot.documents.chart import LABEL_SIZE, bar_chart, bar_chart_png
from bot.domain.regions import load_wilayah

KECAMATAN, KELURAHAN = load_wilayah()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def city_bars() -> list[tuple[str, int]]:
    return [(k.name, 1000 * (n + 1) + 234) for n, k in enumerate(KECAMATAN)]


def test_portrait_png_of_the_intended_size() -> None:
    data = bar_chart_png(city_bars(), title="Kegiatan terkonfirmasi 2026\nper kecamatan")
    assert png_size(data) == (1080, 1350)
    pixels = matplotlib.image.imread(io.BytesIO(data), format="png")
    assert pixels.shape[:2] == (1350, 1080)


def test_other_sizes_are_exact_too() -> None:
    data = bar_chart_png([("RT 01", 3)], title="x", width_px=800, height_px=1000, dpi=100)
    assert png_size(data) == (800, 1000)


def texts_of(figure: Figure) -> tuple[list[Text], list[Text]]:
    """The bar labels and the printed values, in drawing order (top to bottom)."""
    axes = figure.axes[0]
    return list(axes.get_yticklabels()), list(axes.texts)


def layout(bars: list[tuple[str, int]], **options: Any) -> tuple[Figure, RendererAgg]:
    figure = bar_chart(bars, title="Kegiatan terkonfirmasi 2026\nper kecamatan", **options)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    return figure, renderer


def test_bars_are_sorted_largest_first_with_indonesian_numbers() -> None:
    figure, _ = layout(city_bars(), others=("Lainnya (3 RT)", 99_999))
    labels, values = texts_of(figure)
    assert [v.get_text() for v in values][:3] == ["11.234", "10.234", "9.234"]
    assert labels[0].get_text() == KECAMATAN[-1].name
    # "Others" stays last whatever its value.
    assert labels[-1].get_text() == "Lainnya (3 RT)" and values[-1].get_text() == "99.999"
    assert all(label.get_fontsize() >= 14 for label in labels)


@pytest.mark.parametrize(
    "bars",
    [
        pytest.param(city_bars(), id="11 kecamatan"),
        pytest.param(
            [(k.name, n * 37) for n, k in enumerate(KELURAHAN) if k.kecamatan_code == "15.71.03"],
            id="9 kelurahan of Jambi Timur",
        ),
        pytest.param([(k.name, n) for n, k in enumerate(KELURAHAN[:15])], id="15 bars, long names"),
    ],
)
def test_labels_and_values_neither_overlap_nor_leave_the_image(
    bars: list[tuple[str, int]],
) -> None:
    figure, renderer = layout(bars, subtitle="Kota Jambi · data 2 Maret 2026 09.00 WIB")
    labels, values = texts_of(figure)
    assert len(labels) == len(bars) == len(values)
    boxes = [t.get_window_extent(renderer) for t in (*labels, *values, *figure.texts)]
    for box in boxes:
        assert box.x0 >= 0 and box.y0 >= 0
        assert box.x1 <= 1080 and box.y1 <= 1350
    label_boxes = sorted((t.get_window_extent(renderer) for t in labels), key=lambda b: -b.y0)
    for upper, lower in pairwise(label_boxes):
        assert lower.y1 <= upper.y0, "two bar labels overlap"
    for label, value in zip(labels, values, strict=True):
        assert label.get_window_extent(renderer).x1 < value.get_window_extent(renderer).x0
    assert all(v.get_fontsize() >= LABEL_SIZE for v in values)
    title, subtitle = (t.get_window_extent(renderer) for t in figure.texts)
    assert title.y0 >= subtitle.y1, "the title runs into the subtitle"
    assert subtitle.y0 >= max(b.y1 for b in label_boxes), "the subtitle runs into the bars"


def test_no_bars_and_zero_values_still_draw() -> None:
    assert png_size(bar_chart_png([], title="Kosong")) == (1080, 1350)
    assert png_size(bar_chart_png([("A", 0), ("B", 0)], title="Nol")) == (1080, 1350)
