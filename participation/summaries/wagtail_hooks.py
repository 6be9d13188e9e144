"""Moderation may write result reports and the Amtsleitung publish them, nothing else.

Page permissions hold for a part of the tree, not for a page type: Moderation has add and
change permission and the Amtsleitung publish permission on the whole tree (migration 0002),
and these hooks refuse every page that is not a report. Redaktion and superusers are not
affected.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.models import Page

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
    # The user's groups are read once, and only when a page that is not a report is chosen.
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if any(not issubclass(page.specific_class, SummaryPage) for page in pages):
        _refuse_unless_summary(request, Page)


class SubmitSummaryMenuItem(SubmitForModerationMenuItem):
    """On a new report, Wagtail would name the workflow of the parent page; a report goes
    to its own ("Moderierte Zusammenfassung")."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        workflow = SummaryPage.get_default_workflow()
        if workflow is not None:
            context["label"] = _("In „%(workflow)s“ einreichen") % {"workflow": workflow.name}
        return context


@hooks.register("construct_page_action_menu")
def name_the_summary_workflow_on_create(menu_items, request, context):
    match = request.resolver_match
    if context.get("view") != "create" or match is None:
        return
    page_type = (
        match.kwargs.get("content_type_app_name"),
        match.kwargs.get("content_type_model_name"),
    )
    if page_type != ("summaries", "summarypage"):
        return
    for index, item in enumerate(menu_items):
        if isinstance(item, SubmitForModerationMenuItem):
            menu_items[index] = SubmitSummaryMenuItem(order=item.order)
