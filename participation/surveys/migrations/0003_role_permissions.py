from django.db import migrations

from participation.accounts import roles


def grant_survey_permissions(apps, schema_editor):
    # Moderation enters paper questionnaires and reads results; Planung reads results.
    roles.grant_role_permissions(
        apps,
        model_permissions={
            roles.MODERATORS: ["surveys.add_paper_response", "surveys.view_results"],
            roles.PLANNERS: ["surveys.view_results"],
        },
        page_permissions={},
        collection_permissions={},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_response_permissions"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant_survey_permissions, migrations.RunPython.noop)]
