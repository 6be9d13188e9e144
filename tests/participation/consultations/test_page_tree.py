"""Which page may go where: the rules editors meet in the admin's "add child page" list."""

import pytest
from wagtail.models import Page

from cms.models import NewsArticlePage, NewsIndexPage, StandardPage
from home.models import HomePage
from participation.consultations.models import (
    ConceptDocumentPage,
    ConsultationPage,
    ForumPage,
    TopicPage,
)
from participation.summaries.models import SummaryPage
from participation.surveys.models import SurveyPage
from tests.cms.factories import NewsIndexPageFactory, StandardPageFactory
from tests.participation.consultations.factories import TopicPageFactory

PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage},
    NewsIndexPage: {HomePage},
    NewsArticlePage: {NewsIndexPage},
    ConsultationPage: {HomePage},
    TopicPage: {ConsultationPage},
    ConceptDocumentPage: {ConsultationPage},
    ForumPage: {ConsultationPage, HomePage},
    SurveyPage: {ConsultationPage, HomePage},
    SummaryPage: {ConsultationPage},
}

SUBPAGES = {
    HomePage: {ConsultationPage, ForumPage, NewsIndexPage, StandardPage, SurveyPage},
    StandardPage: {StandardPage},
    NewsIndexPage: {NewsArticlePage},
    NewsArticlePage: set(),
    ConsultationPage: {TopicPage, ConceptDocumentPage, ForumPage, SurveyPage, SummaryPage},
    TopicPage: set(),
    ConceptDocumentPage: set(),
    ForumPage: set(),
    SurveyPage: set(),
    SummaryPage: set(),
}


@pytest.mark.parametrize("page_model", PARENTS, ids=lambda model: model.__name__)
def test_allowed_parent_page_types(page_model):
    assert set(page_model.allowed_parent_page_models()) == PARENTS[page_model]


@pytest.mark.parametrize("page_model", SUBPAGES, ids=lambda model: model.__name__)
def test_allowed_subpage_types(page_model):
    assert set(page_model.allowed_subpage_models()) == SUBPAGES[page_model]


@pytest.fixture
def tree(home_page, consultation):
    return {
        "root": Page.get_first_root_node(),
        "home": home_page,
        "consultation": consultation,
        "topic": TopicPageFactory(parent=consultation),
        "standard": StandardPageFactory(parent=home_page),
    }


CREATABLE_AT = [
    (HomePage, "root", True),
    (HomePage, "home", False),
    (ConsultationPage, "home", True),
    (ConsultationPage, "root", False),
    (ConsultationPage, "consultation", False),
    (TopicPage, "consultation", True),
    (TopicPage, "home", False),
    (TopicPage, "topic", False),
    (ConceptDocumentPage, "consultation", True),
    (ConceptDocumentPage, "home", False),
    (ForumPage, "consultation", True),
    (ForumPage, "home", True),
    (ForumPage, "topic", False),
    (StandardPage, "home", True),
    (StandardPage, "standard", True),
    (StandardPage, "consultation", False),
    (NewsIndexPage, "home", True),
    (NewsIndexPage, "consultation", False),
    (SummaryPage, "consultation", True),
    (SummaryPage, "home", False),
    (SummaryPage, "topic", False),
]


@pytest.mark.parametrize(
    ("page_model", "parent", "allowed"),
    CREATABLE_AT,
    ids=[f"{model.__name__}-under-{parent}" for model, parent, _ in CREATABLE_AT],
)
def test_can_create_at(tree, page_model, parent, allowed):
    assert page_model.can_create_at(tree[parent]) is allowed


def test_only_one_news_index_per_home_page(home_page):
    NewsIndexPageFactory(parent=home_page)

    assert not NewsIndexPage.can_create_at(home_page)


def test_news_article_can_only_be_created_under_a_news_index(home_page):
    news_index = NewsIndexPageFactory(parent=home_page)

    assert NewsArticlePage.can_create_at(news_index)
    assert not NewsArticlePage.can_create_at(home_page)


def test_only_one_summary_per_consultation(consultation):
    consultation.add_child(instance=SummaryPage(title="Ergebnisbericht", body=[]))

    assert not SummaryPage.can_create_at(consultation)
