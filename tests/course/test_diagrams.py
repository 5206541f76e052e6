"""Figures: drawn from data, labeled as published, legible in dark mode."""

from __future__ import annotations

from pathlib import Path

import matplotlib.colors as mcolors
import pytest

from customer_focus.course import diagrams as charts


def _texts(figure) -> list[str]:
    return [
        text.get_text().replace("\n", " ")
        for text in figure.findobj(match=lambda o: hasattr(o, "get_text"))
    ]


def test_service_profit_chain_data_quotes_the_article():
    data = charts.service_profit_chain_data()
    assert [link["label"] for link in data["links"]] == [
        "Internal service quality",
        "Employee satisfaction",
        "Employee retention and productivity",
        "External service value",
        "Customer satisfaction",
        "Customer loyalty",
        "Revenue growth and profitability",
    ]
    assert (
        data["propositions"][0] == "Profit and growth are stimulated primarily by customer loyalty."
    )
    assert data["propositions"][-1] == (
        "Employee satisfaction, in turn, results primarily from high-quality support services "
        "and policies that enable employees to deliver results to customers."
    )
    assert len(data["propositions"]) == 5
    assert data["citation"] == "heskett1994"


def test_service_profit_chain_chart_shows_every_link_in_order():
    figure = charts.service_profit_chain_chart()
    texts = _texts(figure)
    labels = [link["label"] for link in charts.service_profit_chain_data()["links"]]
    positions = [next(i for i, text in enumerate(texts) if text == label) for label in labels]
    assert positions == sorted(positions)
    assert "Leadership underlies the chain's success" in texts


@pytest.mark.parametrize(
    "make",
    [
        charts.service_profit_chain_chart,
    ],
)
def test_figures_have_white_backgrounds_for_dark_mode(make):
    figure = make()
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"
    for axes in figure.axes:
        if axes.axison:
            assert mcolors.to_hex(axes.get_facecolor()) == "#ffffff"
    assert figure._repr_png_().startswith(b"\x89PNG")


def _labels(value) -> list[str]:
    """Every text label in a piece of diagrams.yml."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [label for item in value for label in _labels(item)]
    if isinstance(value, dict):
        return [
            label
            for key, item in value.items()
            if key not in {"from", "to"}
            for label in _labels(item)
        ]
    return []


DIAGRAMS = {
    "three_rs": charts.three_rs_chart,
    "value_pyramid": charts.value_pyramid_chart,
    "kano": charts.kano_chart,
    "kano_decay": charts.kano_decay_chart,
    "experience_lifecycle": charts.experience_lifecycle_chart,
    "cycle_of_failure": charts.cycle_of_failure_chart,
    "cycle_of_success": charts.cycle_of_success_chart,
    "satisfaction_loyalty": charts.satisfaction_loyalty_chart,
    "customer_types": charts.customer_types_chart,
    "listening_posts": charts.listening_posts_chart,
}


@pytest.mark.parametrize("name", sorted(DIAGRAMS))
def test_diagram_shows_every_label_of_its_data(name):
    from customer_focus.course.diagrams import diagram_data

    figure = DIAGRAMS[name]()
    texts = " | ".join(_texts(figure))
    for label in _labels(diagram_data()[name]):
        assert label in texts, f"{name}: {label!r} missing"
    assert mcolors.to_hex(figure.get_facecolor()) == "#ffffff"


def test_every_diagram_in_the_data_file_is_drawn():
    from customer_focus.course.diagrams import diagram_data

    assert set(diagram_data()) == set(DIAGRAMS)


def test_kano_decay_follows_kanos_path_in_order():
    texts = _texts(charts.kano_decay_chart())
    order = [
        "Indifferent",
        "Attractive (delighter)",
        "One-dimensional (performance)",
        "Must-be (basic)",
    ]
    assert [texts.index(label) for label in order] == sorted(texts.index(label) for label in order)


def test_curve_diagrams_carry_no_invented_numbers():
    figure = charts.satisfaction_loyalty_chart()
    assert figure.axes[0].get_yticks().size == 0
    assert "Illustrative shape, not data" in _texts(figure)
    kano = charts.kano_chart()
    assert kano.axes[0].get_xticks().size == 0 and kano.axes[0].get_yticks().size == 0


def test_listening_posts_cover_berry_and_parasuramans_three_groups():
    from customer_focus.course.diagrams import describe_listening_posts, diagram_data

    data = diagram_data()["listening_posts"]
    assert data["groups"] == [
        "External customers",
        "Competitors' customers",
        "Internal customers (employees)",
    ]
    for column in range(3):  # every group is heard by at least one post
        assert any(post["reach"][column] == 2 for post in data["posts"])
    assert all(
        len(post["reach"]) == 3 and set(post["reach"]) <= {0, 1, 2} for post in data["posts"]
    )
    alt = describe_listening_posts()
    assert "Front-line reports: external customers and internal customers (employees)." in alt
    assert "course's reading" in alt
    page = (Path(__file__).resolve().parents[2] / "book/learn/knowing-your-customers.md").read_text(
        encoding="utf-8"
    )
    assert alt.replace('"', '\\"') in page, (
        "the chapter's alt text is not the one the data gives: paste describe_listening_posts()"
    )
