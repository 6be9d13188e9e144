from django.db import migrations

from participation.accounts import roles


def create_role_groups(apps, schema_editor):
    # Wagtail's English default groups would stand beside ours with overlapping rights.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    roles.grant_role_permissions(
        apps,
        model_permissions=roles.ROLE_MODEL_PERMISSIONS,
        page_permissions=roles.ROLE_PAGE_PERMISSIONS,
        collection_permissions=roles.ROLE_COLLECTION_PERMISSIONS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
