from django.db import migrations

from participation.accounts import roles

MODERATION_PERMISSIONS = [
    "moderation.moderate",
    "moderation.view_moderationlogentry",
    "moderation.add_moderationcategory",
    "moderation.change_moderationcategory",
    "moderation.delete_moderationcategory",
    "moderation.view_moderationcategory",
]


def grant(apps, schema_editor):
    roles.grant_role_permissions(
        apps,
        model_permissions={roles.MODERATORS: MODERATION_PERMISSIONS},
        page_permissions={},
        collection_permissions={},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_log_and_digest"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
