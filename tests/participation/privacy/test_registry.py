"""Every relation to a person is either in the download or left out with a stated reason.

The walk covers every installed model (auto-created many-to-many tables included): forward
ForeignKey, OneToOneField and ManyToManyField pointing at the User or Participant model, and
the reverse relations seen from User and Participant. A new model that points at a person
fails this test until it is added to EXPORT_SOURCES or NOT_EXPORTED.
"""

from collections.abc import Iterable

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from participation.accounts.models import User
from participation.contributions.models import Participant
from participation.privacy.selectors import EXPORT_SOURCES, NOT_EXPORTED

PEOPLE = (User, Participant)


def relation_name(field) -> str:
    return f"{field.model._meta.label}.{field.name}"


def relations_to_people(all_models: Iterable[type[models.Model]]) -> set[str]:
    found = set()
    for model in all_models:
        for field in model._meta.get_fields(include_hidden=True):
            if field.is_relation and not field.auto_created and field.related_model in PEOPLE:
                found.add(relation_name(field))
    return found


def reverse_relations_to_people() -> set[str]:
    return {
        relation_name(relation.field)
        for person_model in PEOPLE
        for relation in person_model._meta.get_fields(include_hidden=True)
        if relation.auto_created and not relation.concrete and relation.related_model
    }


def covered() -> set[str]:
    return {name for source in EXPORT_SOURCES for name in source.relations}


def installed_relations() -> set[str]:
    return relations_to_people(apps.get_models(include_auto_created=True))


def test_the_walk_sees_the_relations_we_know_about():
    found = installed_relations()

    assert {
        "contributions.Participant.user",
        "contributions.Comment.participant",
        "contributions.Vote.participant",
        "account.EmailAddress.user",
        "accounts.User_groups.user",
        "wagtailcore.Page.owner",
        "wagtailcore.PageLogEntry.user",
    } <= found
    # The reverse view from User and Participant finds nothing the forward walk missed.
    assert reverse_relations_to_people() <= found


def test_every_relation_to_a_person_is_exported_or_excluded_with_a_reason():
    unaccounted = installed_relations() - covered() - NOT_EXPORTED.keys()

    assert not unaccounted, (
        "These relations point at a User or Participant but are neither exported "
        "(participation.privacy.selectors.EXPORT_SOURCES) nor excluded with a reason "
        f"(NOT_EXPORTED): {sorted(unaccounted)}"
    )


def test_no_relation_is_both_exported_and_excluded():
    assert not covered() & NOT_EXPORTED.keys()


def test_the_lists_name_only_relations_that_exist():
    stale = (covered() | NOT_EXPORTED.keys()) - installed_relations()

    assert not stale, f"Listed but not found in any installed model: {sorted(stale)}"


def test_every_exclusion_gives_a_reason():
    assert all(reason.strip() for reason in NOT_EXPORTED.values())


def test_every_file_name_is_unique():
    names = [source.name for source in EXPORT_SOURCES]

    assert len(names) == len(set(names))


@isolate_apps("tests")
def test_a_new_model_pointing_at_a_participant_is_caught():
    class SurveyResponse(models.Model):
        participant = models.ForeignKey(Participant, on_delete=models.CASCADE)

        class Meta:
            app_label = "tests"

        def __str__(self) -> str:
            return f"Antwort {self.pk}"

    found = relations_to_people([SurveyResponse])

    assert found == {"tests.SurveyResponse.participant"}
    assert found - covered() - NOT_EXPORTED.keys()


@pytest.mark.parametrize("source", EXPORT_SOURCES, ids=lambda source: source.name)
def test_every_source_names_a_relation_and_a_label(source):
    assert source.relations
    assert source.title
