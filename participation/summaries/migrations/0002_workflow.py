"""The approval workflow for result reports: Moderation writes and submits, the head of
office (Amtsleitung) approves or rejects with a comment."""

from django.db import migrations

from participation.accounts import roles

WORKFLOW_NAME = "Moderierte Zusammenfassung"
TASK_NAME = "Freigabe durch die Amtsleitung"


def create_workflow(apps, schema_editor):
    # Moderators may add and edit pages, reviewers publish them (Wagtail publishes an approved
    # page as the approving user); hooks (summaries.wagtail_hooks) keep both to result
    # reports. Moderators cannot publish, so their reports go through the workflow.
    roles.grant_role_permissions(
        apps,
        model_permissions={roles.REVIEWERS: ["wagtailadmin.access_admin"]},
        page_permissions={
            roles.MODERATORS: ["add_page", "change_page"],
            roles.REVIEWERS: ["publish_page"],
        },
        collection_permissions={},
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    task, _created = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "active": True,
            "content_type": ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        },
    )
    task.groups.add(Group.objects.get(name=roles.REVIEWERS))
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    summary_type, _created = ContentType.objects.get_or_create(
        app_label="summaries", model="summarypage"
    )
    WorkflowContentType.objects.update_or_create(
        content_type=summary_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("summaries", "0001_initial"),
        ("accounts", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
