"""Moderation may write result reports and the Amtsleitung publish them, nothing else.

Page permissions hold for a part of the tree, not for a page type: Moderation has add and
change permission and the Amtsleitung publish permission on the whole tree (migration 0002),
and these hooks refuse every page that is not a report. Redaktion and superusers are not
affected.
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from participation.accounts import roles
from participation.summaries.models import SummaryPage


def _summaries_only(user) -> bool:
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return bool(names & {roles.MODERATORS, roles.REVIEWERS}) and roles.EDITORS not in names


def _refuse_unless_summary(request, page_class) -> None:
    if not issubclass(page_class, SummaryPage) and _summaries_only(request.user):
        raise PermissionDenied


@hooks.register("before_create_page")
def moderators_create_only_summaries(request, parent_page, page_class):
    _refuse_unless_summary(request, page_class)


@hooks.register("before_edit_page")
def moderators_edit_only_summaries(request, page):
    _refuse_unless_summary(request, page.specific_class)


@hooks.register("before_delete_page")
@hooks.register("before_copy_page")
@hooks.register("before_unpublish_page")
@hooks.register("before_convert_alias_page")
def moderators_leave_other_pages_alone(request, page):
    _refuse_unless_summary(request, page.specific_class)


@hooks.register("before_move_page")
def moderators_move_only_summaries(request, page, destination):
    _refuse_unless_summary(request, page.specific_class)


@hooks.register("before_bulk_action")
def moderators_bulk_only_summaries(request, action_type, objects, action_class_instance):
    if action_type == "page":
        for page in objects:
            _refuse_unless_summary(request, page.specific_class)
