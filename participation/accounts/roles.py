"""The staff roles as Wagtail groups: Redaktion (editors), Moderation, Planung.

`grant_role_permissions` is used by data migrations so each later feature adds its permissions
with a migration of its own; it is idempotent.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Redaktion"
MODERATORS = "Moderation"
PLANNERS = "Planung"
# Head of office: approves result reports (participation/summaries/migrations/0002_workflow.py).
REVIEWERS = "Amtsleitung"

# Model permissions as "app_label.codename".
ROLE_MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "cms.change_sitesettings",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
    MODERATORS: ["wagtailadmin.access_admin"],
    PLANNERS: ["wagtailadmin.access_admin"],
}

# Page permissions on the root page, so they hold for every site of a multi-site install.
ROLE_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATORS: [],
    PLANNERS: [],
}

# Image and document permissions on the root collection.
ROLE_COLLECTION_PERMISSIONS = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    MODERATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    PLANNERS: [],
}


def _ensure_permissions_exist(apps):
    # Permissions are normally created after all migrations; a data migration on a fresh
    # database needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, dotted: str):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_role_permissions(
    apps,
    *,
    model_permissions: dict[str, list[str]],
    page_permissions: dict[str, list[str]],
    collection_permissions: dict[str, list[str]],
) -> None:
    _ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name in model_permissions.keys() | page_permissions.keys() | collection_permissions.keys():
        group, _created = Group.objects.get_or_create(name=name)
        for dotted in model_permissions.get(name, []):
            group.permissions.add(_permission(apps, dotted))
        for codename in page_permissions.get(name, []):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_permission(apps, f"wagtailcore.{codename}"),
            )
        for dotted in collection_permissions.get(name, []):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )
