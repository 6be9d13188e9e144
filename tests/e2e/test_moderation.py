"""A moderator works a pending comment by keyboard in the admin; the public page shows the
result and passes axe."""

from django.contrib.auth.models import Group

from participation.accounts import roles
from participation.contributions.models import Comment, Status
from participation.moderation.models import ModerationCategory
from tests.e2e.demo import TOPIC, citizen, comment_by, log_in, topic


def press(locator, key: str = "Enter") -> None:
    locator.focus()
    locator.press(key)


def test_moderation_approve_respond_and_categorise_by_keyboard(demo_site, page, axe_check):
    moderator = citizen("Moderation Tastatur")
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    comment = comment_by(citizen("Rita Radweg"), "Bitte einen sicheren Radweg zum Bahnhof.")
    Comment.objects.filter(pk=comment.pk).update(status=Status.PENDING)
    consultation = topic().get_parent()
    names = list(
        ModerationCategory.objects.filter(consultation=consultation)
        .order_by("name")
        .values_list("name", flat=True)[:2]
    )
    assert len(names) == 2

    log_in(page, str(demo_site), moderator.email)
    # The demo queue also holds hundreds of survey answers: the moderator narrows it down.
    page.goto(demo_site + "/admin/moderation/?kind=kommentar&sort=neueste")
    link = page.get_by_role("link", name="Bitte einen sicheren Radweg zum Bahnhof.")
    with page.expect_navigation():
        press(link)

    with page.expect_navigation():
        press(page.get_by_role("button", name="Freigeben", exact=True))
    assert page.get_by_text("Freigegeben.").count() >= 1

    page.get_by_role("textbox", name="Stellungnahme der Stadt").focus()
    page.keyboard.type("Danke! Der Radweg ist für 2027 eingeplant.")
    with page.expect_navigation():
        press(page.get_by_role("button", name="Stellungnahme veröffentlichen"))

    for name in names:
        press(page.get_by_role("checkbox", name=name), "Space")
    with page.expect_navigation():
        press(page.get_by_role("button", name="Kategorien speichern"))

    comment.refresh_from_db()
    assert comment.status == Status.PUBLISHED
    assert sorted(comment.categories.values_list("name", flat=True)) == names
    response = Comment.objects.get(parent=comment, is_official=True)

    page.goto(demo_site + f"{TOPIC}?kommentar={comment.pk}#kommentar-{comment.pk}")
    published = page.locator(f"#kommentar-{comment.pk}")
    assert "Bitte einen sicheren Radweg zum Bahnhof." in published.inner_text()
    official = page.locator(f"#kommentar-{response.pk}")
    assert "Stellungnahme der Stadt" in official.inner_text()
    assert "Der Radweg ist für 2027 eingeplant." in official.inner_text()
    axe_check(page)
