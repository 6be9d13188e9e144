import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from cms.charts import (
    COLOURS,
    Bar,
    Column,
    StackedRow,
    bar_chart,
    column_chart,
    format_number,
    format_percent,
    stacked_bar_chart,
)

SVG = "{http://www.w3.org/2000/svg}"


def _svg(html: str) -> ET.Element:
    markup = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    return ET.fromstring(markup.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))  # noqa: S314 (our own output)


def _table_rows(html: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_numbers_and_percentages_follow_the_german_format():
    with translation.override("de"):
        assert format_number(1234567) == "1.234.567"
        assert format_number(3.26, 1) == "3,3"
        assert format_percent(0.425) == "42,5\u00a0%"
        assert format_percent(None) == "–"
    with translation.override("en"):
        assert format_number(1234.5, 1) == "1,234.5"


def test_bar_chart_labels_the_svg_and_lists_every_value_in_a_table():
    with translation.override("de"):
        html = bar_chart(
            caption="Wie kommen Sie in die Innenstadt?",
            bars=[Bar("Bus", 12, share=0.4), Bar("Fahrrad", 1500, share=0.5), Bar("Auto", 0, 0.0)],
            value_label="Nennungen",
        )
    svg = _svg(html)
    assert svg.get("role") == "img"
    labelled_by = svg.get("aria-labelledby").split()
    assert all(f'id="{ident}"' in html for ident in labelled_by)
    assert svg.find(f"{SVG}title").text == "Wie kommen Sie in die Innenstadt?"
    # Coordinates are never localised (a German "4,96" would break the drawing).
    assert not re.search(r'(?:x|y|width|height)="[0-9]+,[0-9]', html)
    rects = svg.findall(f".//{SVG}rect")
    widths = [float(rect.get("width")) for rect in rects]
    # Every bar has a share: the scale is 0–100 %, so 50 % is half the plot's 510 units.
    assert widths == [204.0, 255.0, 0.0]
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert "12 (40,0\u00a0%)" in texts and "1.500 (50,0\u00a0%)" in texts
    assert _table_rows(html) == [
        ["Bus", "12", "40,0\u00a0%"],
        ["Fahrrad", "1.500", "50,0\u00a0%"],
        ["Auto", "0", "0,0\u00a0%"],
    ]
    assert "<details" not in html


def test_bar_chart_without_shares_scales_to_the_largest_value_and_can_fold_its_table():
    html = bar_chart(
        caption="Werte", bars=[Bar("a", 1.5), Bar("b", 2)], value_label="Wert", table_collapsed=True
    )
    assert "<details" in html and "Daten als Tabelle" in html
    assert _table_rows(html) == [["a", "1,5"], ["b", "2,0"]]
    widths = [float(rect.get("width")) for rect in _svg(html).iter(f"{SVG}rect")]
    assert widths == [382.5, 510.0]


def test_long_labels_are_shortened_in_the_drawing_but_complete_in_the_table():
    label = "Eine sehr lange Antwortoption " * 6
    html = bar_chart(caption="Lang", bars=[Bar(label, 3)], value_label="Anzahl")
    drawn = [text.text for text in _svg(html).iter(f"{SVG}text")][0]
    assert drawn.endswith("…") and len(drawn) <= 80
    assert _table_rows(html)[0][0] == label.strip()


def test_stacked_bars_split_each_row_into_shares_told_apart_by_pattern():
    html = stacked_bar_chart(
        caption="Wie sehr stimmen Sie zu?",
        series=["stimme zu", "teils", "stimme nicht zu"],
        rows=[StackedRow("Mehr Grün", (6, 3, 1)), StackedRow("Weniger Autos", (0, 0, 0))],
        value_label="Antworten",
    )
    svg = _svg(html)
    patterns = svg.findall(f".//{SVG}pattern")
    assert len(patterns) == 3
    # Beyond the first (solid) fill, every series has a white overlay drawn on its colour.
    assert all(len(list(pattern)) == 2 for pattern in patterns[1:])
    segments = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("height") == "24"]
    assert [round(float(rect.get("width"))) for rect in segments] == [384, 192, 64]
    assert {rect.get("fill") for rect in segments} == {
        f"url(#{pattern.get('id')})" for pattern in patterns
    }
    legend = [
        text.text for text in svg.find(f".//{SVG}g[@class='chart__legend']").iter(f"{SVG}text")
    ]
    assert legend == ["stimme zu", "teils", "stimme nicht zu"]
    assert _table_rows(html) == [
        ["Mehr Grün", "6 (60,0\u00a0%)", "3 (30,0\u00a0%)", "1 (10,0\u00a0%)", "10"],
        ["Weniger Autos", "0 (–)", "0 (–)", "0 (–)", "0"],
    ]


def test_two_charts_on_one_page_have_distinct_ids():
    first = stacked_bar_chart(
        caption="A", series=["x"], rows=[StackedRow("r", (1,))], value_label="n"
    )
    second = stacked_bar_chart(
        caption="A", series=["x"], rows=[StackedRow("r", (1,))], value_label="n"
    )
    ids = set(re.findall(r'id="([^"]+)"', first))
    assert ids.isdisjoint(re.findall(r'id="([^"]+)"', second))


def test_column_chart_draws_an_axis_with_round_steps_and_thins_out_labels():
    columns = [Column(f"{day}. Dez.", day % 7) for day in range(1, 31)]
    html = column_chart(caption="Beiträge pro Tag", columns=columns, value_label="Beiträge")
    svg = _svg(html)
    bars = svg.findall(f".//{SVG}g[@class='chart__column']/{SVG}rect")
    assert len(bars) == 30
    axis = [text.text for text in svg.find(f".//{SVG}g[@class='chart__axis']").iter(f"{SVG}text")]
    assert axis == ["0", "2", "4", "6"]
    drawn_labels = [
        text.text
        for group in svg.findall(f".//{SVG}g[@class='chart__column']")
        for text in group.iter(f"{SVG}text")
    ]
    assert drawn_labels == [
        "1. Dez.",
        "4. Dez.",
        "7. Dez.",
        "10. Dez.",
        "13. Dez.",
        "16. Dez.",
        "19. Dez.",
        "22. Dez.",
        "25. Dez.",
        "28. Dez.",
    ]
    assert len(_table_rows(html)) == 30
    assert _table_rows(html)[5] == ["6. Dez.", "6"]


def test_empty_charts_render_without_dividing_by_zero():
    assert "<svg" in bar_chart(caption="Leer", bars=[], value_label="n")
    assert "<svg" in column_chart(caption="Leer", columns=[], value_label="n")
    assert "<svg" in column_chart(caption="Null", columns=[Column("a", 0)], value_label="n")


@pytest.mark.parametrize("colour", COLOURS)
def test_every_series_colour_has_3_to_1_contrast_against_white(colour):
    ratio = (1.05) / (_relative_luminance(colour) + 0.05)
    assert ratio >= 3, f"{colour}: {ratio:.2f}"
