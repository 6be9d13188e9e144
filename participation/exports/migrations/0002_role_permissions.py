from django.db import migrations

from participation.accounts import roles


def grant_export_permission(apps, schema_editor):
    # Planung and Moderation export results and see the dashboard; Redaktion does not.
    roles.grant_role_permissions(
        apps,
        model_permissions={
            roles.MODERATORS: ["exports.export_results"],
            roles.PLANNERS: ["exports.export_results"],
        },
        page_permissions={},
        collection_permissions={},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("exports", "0001_export_job"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant_export_permission, migrations.RunPython.noop)]
