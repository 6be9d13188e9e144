"""Moderation may write result reports and nothing else in the page tree.

The Moderation group holds add and change permission on the page tree (migration 0002),
so its members can create reports under any consultation; these hooks refuse every other
page type. Redaktion and superusers are not affected.
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from participation.accounts import roles
from participation.summaries.models import SummaryPage


def _summaries_only(user) -> bool:
    if user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return roles.MODERATORS in names and roles.EDITORS not in names


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
