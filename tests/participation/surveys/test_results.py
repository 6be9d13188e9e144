import json
from datetime import date

import pytest

from participation.surveys.models import Source
from participation.surveys.results import (
    GroupedResults,
    SurveyResults,
    survey_results,
    survey_results_by_group,
)
from tests.participation.surveys.factories import SurveyPageFactory
from tests.participation.surveys.responses import Other, Quote, add_responses


@pytest.fixture
def survey(consultation):
    return SurveyPageFactory(parent=consultation)


def _options(result) -> dict[str, tuple[int, float | None]]:
    return {option.label: (option.count, option.share) for option in result.options}


def _question(results, code):
    return next(question for question in results.questions if question.code == code)


def test_multiple_choice_share_is_of_those_who_answered_the_question_per_option(survey):
    """The worked example of the rule (and of Decidim #16421, which got it wrong).

    Five people respond; four of them answer "Wie kommen Sie in die Innenstadt?":

        A: zu Fuß + Fahrrad    B: Fahrrad    C: Fahrrad + Bus    D: Auto    E: (skipped it)

    Fahrrad was chosen by 3 of the 4 who answered the question: 75 %. Not 3 of 5 respondents
    (60 %: E said nothing about it), not 3 of 6 selections (50 %), and not a share of the
    combinations {Fuß+Rad, Rad, Rad+Bus, Auto} in which "Fahrrad" alone is 25 %. zu Fuß, Bus
    and Auto: 1 of 4 = 25 % each. The shares add up to 150 %, as they must when people may
    choose several options.
    """
    add_responses(
        survey,
        [
            {"verkehrsmittel": ["fuss", "rad"]},
            {"verkehrsmittel": ["rad"]},
            {"verkehrsmittel": ["rad", "bus"]},
            {"verkehrsmittel": ["auto"]},
            {"ortsteil": "innenstadt"},
        ],
    )
    result = _question(survey_results(survey), "verkehrsmittel")
    assert result.respondents == 5
    assert result.answered == 4
    assert result.multiple
    assert _options(result) == {
        "zu Fuß": (1, 0.25),
        "Fahrrad": (3, 0.75),
        "Bus": (1, 0.25),
        "Auto": (1, 0.25),
        "Sonstiges": (0, 0.0),
    }
    assert sum(option.share for option in result.options) == pytest.approx(1.5)


def test_single_choice_yes_no_and_other_counts(survey):
    add_responses(
        survey,
        [
            {"ortsteil": "innenstadt", "radweg": "yes", "verkehrsmittel": [Other("Roller")]},
            {"ortsteil": "innenstadt", "radweg": "no"},
            {"ortsteil": "hundisburg", "radweg": "yes"},
            {"alter": "18–29"},
        ],
    )
    results = survey_results(survey)
    assert results.respondents == 4
    assert _options(_question(results, "ortsteil")) == {
        "Innenstadt": (2, 2 / 3),
        "Althaldensleben": (0, 0.0),
        "Hundisburg": (1, 1 / 3),
    }
    assert _options(_question(results, "radweg")) == {"Ja": (2, 2 / 3), "Nein": (1, 1 / 3)}
    assert _options(_question(results, "verkehrsmittel"))["Sonstiges"] == (1, 1.0)
    alter = _question(results, "alter")
    assert alter.kind == "dropdown" and alter.answered == 1
    assert _options(alter)["18–29"] == (1, 1.0)


def test_rating_and_number_have_mean_median_and_distribution(survey):
    add_responses(
        survey,
        [
            {"zufriedenheit": 1, "wege": 2},
            {"zufriedenheit": 4, "wege": 3},
            {"zufriedenheit": 5, "wege": 10},
            {"zufriedenheit": 5, "wege": 10},
        ],
    )
    results = survey_results(survey)
    rating = _question(results, "zufriedenheit")
    assert rating.stats.mean == pytest.approx(3.75)
    assert rating.stats.median == 4.5  # the two middle answers, 4 and 5
    assert (rating.stats.minimum, rating.stats.maximum) == (1.0, 5.0)
    assert [(o.label, o.count) for o in rating.options] == [
        ("1 – gar nicht", 1),
        ("2", 0),
        ("3", 0),
        ("4", 1),
        ("5 – sehr", 2),
    ]
    number = _question(results, "wege")
    assert number.stats.mean == pytest.approx(6.25)
    assert number.stats.median == 6.5
    assert number.unit == "Wege"
    assert [(o.label, o.count, o.share) for o in number.options] == [
        ("2", 1, 0.25),
        ("3", 1, 0.25),
        ("10", 2, 0.5),
    ]


def test_many_distinct_numbers_are_shown_in_ranges(survey):
    add_responses(survey, [{"wege": value} for value in range(0, 100)])
    number = _question(survey_results(survey), "wege")
    assert [option.label for option in number.options][:2] == ["0 – 9", "10 – 19"]
    assert len(number.options) == 10
    assert all(option.count == 10 for option in number.options)
    assert number.stats.median == 49.5


def test_matrix_gives_each_statement_its_distribution(survey):
    add_responses(
        survey,
        [
            {"aussagen": {"Mehr Grün": "stimme zu", "Weniger Autos": "teils"}},
            {"aussagen": {"Mehr Grün": "stimme zu", "Weniger Autos": "stimme nicht zu"}},
            {"aussagen": {"Mehr Grün": "teils"}},
        ],
    )
    matrix = _question(survey_results(survey), "aussagen")
    assert matrix.answered == 3
    green, cars = matrix.rows
    assert (green.label, green.answered) == ("Mehr Grün", 3)
    assert _options(green) == {
        "stimme zu": (2, 2 / 3),
        "teils": (1, 1 / 3),
        "stimme nicht zu": (0, 0.0),
    }
    assert cars.answered == 2
    assert _options(cars) == {"stimme zu": (0, 0.0), "teils": (1, 0.5), "stimme nicht zu": (1, 0.5)}


def test_ranking_gives_average_rank_and_rank_distribution_best_first(survey):
    add_responses(
        survey,
        [
            {"prioritaeten": ["Radwege", "Grünflächen", "Parkplätze"]},
            {"prioritaeten": ["Radwege", "Parkplätze", "Grünflächen"]},
            {"prioritaeten": ["Grünflächen", "Radwege", "Parkplätze"]},
        ],
    )
    ranking = _question(survey_results(survey), "prioritaeten").ranking
    assert [(r.label, r.ranked, r.ranks) for r in ranking] == [
        ("Radwege", 3, (2, 1, 0)),
        ("Grünflächen", 3, (1, 1, 1)),
        ("Parkplätze", 3, (0, 1, 2)),
    ]
    assert [r.average_rank for r in ranking] == pytest.approx([4 / 3, 2.0, 8 / 3])


def test_text_answers_are_counted_and_only_approved_ones_quoted(survey):
    add_responses(
        survey,
        [
            {"idee": Quote("Mehr Bänke am Markt", "approved")},
            {"idee": Quote("Ruft mich an: 0171 1234567", "rejected")},
            {"idee": "Noch nicht geprüft"},
            {"lieblingsort": Quote("Der Stadtpark", "approved")},
        ],
    )
    results = survey_results(survey)
    idee = _question(results, "idee")
    assert idee.answered == 3
    assert idee.quotes == ("Mehr Bänke am Markt",)
    assert _question(results, "lieblingsort").quotes == ("Der Stadtpark",)


def test_dates_are_counted_per_year(survey):
    add_responses(
        survey,
        [{"seit": date(1990, 5, 1)}, {"seit": date(2019, 1, 2)}, {"seit": date(2019, 12, 31)}],
    )
    seit = _question(survey_results(survey), "seit")
    assert _options(seit) == {"1990": (1, 1 / 3), "2019": (2, 2 / 3)}


def test_sources_are_counted_apart_and_can_be_filtered(survey):
    add_responses(survey, [{"radweg": "yes"}] * 3)
    add_responses(survey, [{"radweg": "no"}] * 2, source=Source.PAPER)
    add_responses(survey, [{"radweg": "no"}], source=Source.WORKSHOP)
    results = survey_results(survey)
    assert results.respondents == 6
    assert [(s.source, s.label, s.count) for s in results.by_source] == [
        ("online", "online", 3),
        ("paper", "Papier", 2),
        ("workshop", "Workshop", 1),
    ]
    paper = survey_results(survey, sources=["paper", "nonsense"])
    assert paper.sources == ("paper",)
    assert paper.respondents == 2
    assert _options(_question(paper, "radweg")) == {"Ja": (0, 0.0), "Nein": (2, 1.0)}


def test_no_responses_gives_zeros_not_errors(survey):
    results = survey_results(survey)
    assert results.respondents == 0
    assert all(question.answered == 0 for question in results.questions)
    assert _question(results, "ortsteil").options[0].share is None
    assert _question(results, "zufriedenheit").stats is None
    assert [q.code for q in results.questions] == [q.code for q in survey.schema.questions]


def test_breakdown_by_a_demographic_question(survey):
    add_responses(
        survey,
        [
            {"ortsteil": "innenstadt", "radweg": "yes", "verkehrsmittel": ["rad", "bus"]},
            {"ortsteil": "innenstadt", "radweg": "yes", "verkehrsmittel": ["rad"]},
            {"ortsteil": "hundisburg", "radweg": "no", "verkehrsmittel": ["auto"]},
            {"radweg": "no"},
        ],
    )
    add_responses(survey, [{"ortsteil": "hundisburg", "radweg": "yes"}], source=Source.PAPER)
    ortsteil = survey.schema.by_code("ortsteil")
    grouped = survey_results_by_group(survey, group_question_key=ortsteil.key)
    assert grouped.group_question_label == "In welchem Ortsteil wohnen Sie?"
    assert [(g.label, g.results.respondents) for g in grouped.groups] == [
        ("Innenstadt", 2),
        ("Althaldensleben", 0),
        ("Hundisburg", 2),
        ("keine Angabe", 1),
    ]
    radweg = survey.schema.by_code("radweg").key
    per_group = {group.label: _options(result) for group, result in grouped.question(radweg)}
    assert per_group["Innenstadt"] == {"Ja": (2, 1.0), "Nein": (0, 0.0)}
    assert per_group["Hundisburg"] == {"Ja": (1, 0.5), "Nein": (1, 0.5)}
    assert per_group["keine Angabe"] == {"Ja": (0, 0.0), "Nein": (1, 1.0)}
    innenstadt = grouped.groups[0].results
    assert _options(_question(innenstadt, "verkehrsmittel"))["Fahrrad"] == (2, 1.0)
    assert [s.count for s in grouped.groups[2].results.by_source] == [1, 1, 0]
    online = survey_results_by_group(survey, group_question_key=ortsteil.key, sources=["online"])
    assert [g.results.respondents for g in online.groups] == [2, 0, 1, 1]


def test_breakdown_only_by_a_question_marked_for_it(survey):
    with pytest.raises(ValueError):
        survey_results_by_group(survey, group_question_key=survey.schema.by_code("radweg").key)


def test_results_round_trip_through_json(survey):
    add_responses(
        survey,
        [
            {
                "ortsteil": "innenstadt",
                "zufriedenheit": 4,
                "aussagen": {"Mehr Grün": "teils"},
                "prioritaeten": ["Radwege", "Grünflächen", "Parkplätze"],
                "idee": Quote("Gute Idee", "approved"),
            }
        ],
    )
    results = survey_results(survey)
    assert SurveyResults.from_dict(json.loads(json.dumps(results.to_dict()))) == results
    grouped = survey_results_by_group(
        survey, group_question_key=survey.schema.by_code("ortsteil").key
    )
    assert GroupedResults.from_dict(json.loads(json.dumps(grouped.to_dict()))) == grouped


def _bulk(survey, count):
    pattern = [
        {
            "ortsteil": "innenstadt",
            "verkehrsmittel": ["rad", "bus"],
            "zufriedenheit": 4,
            "aussagen": {"Mehr Grün": "teils"},
            "prioritaeten": ["Radwege", "Grünflächen"],
            "idee": Quote("Mehr Bänke", "approved"),
        },
        {"ortsteil": "hundisburg", "radweg": "no", "wege": 7, "seit": date(2001, 1, 1)},
    ]
    add_responses(survey, [pattern[i % 2] for i in range(count)], source=Source.PAPER)


@pytest.mark.parametrize("count", [10, 10_000])
def test_query_count_does_not_grow_with_responses(survey, count, django_assert_num_queries):
    _bulk(survey, count)
    survey = type(survey).objects.get(pk=survey.pk)
    with django_assert_num_queries(4):
        results = survey_results(survey)
    assert results.respondents == count
    key = survey.schema.by_code("ortsteil").key
    with django_assert_num_queries(3):
        grouped = survey_results_by_group(survey, group_question_key=key)
    assert grouped.groups[0].results.respondents == count // 2
