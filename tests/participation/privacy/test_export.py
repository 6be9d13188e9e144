"""The download: a ZIP with JSON and CSV files of everything tied to the person."""

import pytest
from django.urls import reverse

from participation.privacy import files
from participation.privacy.selectors import EXPORT_SOURCES, Person, data_export
from tests.participation.accounts.factories import UserFactory
from tests.participation.contributions.factories import (
    CommentFactory,
    ParticipantFactory,
    ThreadFactory,
    VoteFactory,
)
from tests.participation.privacy.helpers import (
    csv_dicts,
    csv_rows,
    download,
    json_rows,
    thread_url,
)

pytestmark = pytest.mark.django_db

EVERYTHING = [
    "konto",
    "email_adressen",
    "teilnahme",
    "kommentare",
    "forumsbeitraege",
    "stimmen",
    "meldungen",
    "umfrageantworten",
    "verwaltung_einstellungen",
]


@pytest.fixture
def zora(db):
    return UserFactory(email="zora@example.org", display_name="Zora aus Hundisburg", verified=True)


@pytest.fixture
def zora_client(client, zora):
    client.force_login(zora)
    return client


@pytest.fixture
def participant(zora):
    return ParticipantFactory(user=zora)


def test_the_zip_holds_a_json_and_a_csv_file_per_kind_and_a_readme(zora_client):
    archive = download(zora_client)

    expected = {f"{name}.{ext}" for name in EVERYTHING for ext in ("json", "csv")}
    assert set(archive.namelist()) == expected | {"LIESMICH.txt"}
    readme = archive.read("LIESMICH.txt").decode()
    assert "kommentare.json, kommentare.csv: Kommentare und Antworten (0)" in readme
    assert "Semikolon" in readme


def test_every_registered_source_is_in_a_registered_persons_download(zora, participant):
    export = data_export(Person(user=zora, participant=participant), base_url="http://x/")

    assert {f"{source.name}.json" for source in EXPORT_SOURCES} <= set(export.files)


def test_the_account_file_has_the_account_data_but_no_password(zora_client, zora):
    archive = download(zora_client)

    (account,) = json_rows(archive, "konto")
    assert account["email"] == "zora@example.org"
    assert account["display_name"] == "Zora aus Hundisburg"
    assert account["date_joined"].startswith(str(zora.date_joined.year))
    assert account["last_login"]
    assert "password" not in account
    assert zora.password not in archive.read("konto.json").decode()
    assert zora.password not in archive.read("konto.csv").decode("utf-8-sig")
    (address,) = json_rows(archive, "email_adressen")
    assert (address["email"], address["verified"]) == ("zora@example.org", True)


def test_the_role_groups_are_listed_by_name(client, editor):
    client.force_login(editor)

    (account,) = json_rows(download(client), "konto")

    assert account["gruppen"] == ["Redaktion"]


def test_every_file_parses_and_every_csv_has_a_bom_and_semicolons(zora_client, participant, topic):
    CommentFactory(participant=participant, target=topic, text="Mehr Bänke, bitte.")
    archive = download(zora_client)

    for name in EVERYTHING:
        assert isinstance(json_rows(archive, name), list)
        header = csv_rows(archive, name)[0]
        assert len(header) > 1, name
        assert archive.read(f"{name}.csv").decode("utf-8-sig").splitlines()[0] == ";".join(header)
    (comment,) = csv_dicts(archive, "kommentare")
    assert comment["text"] == "Mehr Bänke, bitte."


def test_spreadsheet_formulas_are_neutralised_in_csv_but_kept_in_json(
    zora_client, participant, topic
):
    texts = ['=HYPERLINK("http://evil.example")', "+49 3904 479-0", "-minus", "@SUM(A1)"]
    for text in texts + ["\tTab", "Ganz normal = gut"]:
        CommentFactory(participant=participant, target=topic, text=text)
    other = CommentFactory(target=topic)
    VoteFactory(participant=participant, target=other, value=-1)
    archive = download(zora_client)

    in_csv = [row["text"] for row in csv_dicts(archive, "kommentare")]
    assert in_csv == ["'" + t for t in texts] + ["'\tTab", "Ganz normal = gut"]
    assert [row["text"] for row in json_rows(archive, "kommentare")][:4] == texts
    (vote,) = csv_dicts(archive, "stimmen")
    assert vote["value"] == "-1"  # a number is no formula
    assert vote["value_bezeichnung"] == "dagegen"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=1", "a=1"),
        (-1, -1),
        (None, ""),
        (True, "ja"),
        (["Redaktion", "Moderation"], "Redaktion, Moderation"),
        ({"a": "=b"}, '{"a": "=b"}'),
    ],
)
def test_csv_cells(value, cell):
    assert files.csv_cell(value) == cell


def test_comments_name_their_target_with_an_address(
    zora_client, participant, topic, concept, forum
):
    on_topic = CommentFactory(participant=participant, target=topic)
    paragraph = concept.chapters[1].paragraphs[1]
    on_paragraph = CommentFactory(
        participant=participant, target=concept, paragraph_key=paragraph.key
    )
    thread = ThreadFactory(forum=forum, title="Carsharing auf dem Land")
    on_thread = CommentFactory(participant=participant, target=thread)
    reply = CommentFactory(participant=participant, parent=CommentFactory(target=topic))

    rows = {row["id"]: row for row in json_rows(download(zora_client), "kommentare")}

    base = "http://testserver"
    assert rows[on_topic.pk]["bezieht_sich_auf"] == "„Wohnen und Altstadt“"
    assert rows[on_topic.pk]["adresse"] == (
        f"{base}{topic.url}?kommentar={on_topic.pk}#kommentar-{on_topic.pk}"
    )
    assert rows[on_paragraph.pk]["bezieht_sich_auf"] == "„Konzeptentwurf“, Absatz 2.2"
    paragraph_url = reverse("contributions:paragraph", args=[concept.pk, paragraph.key])
    assert rows[on_paragraph.pk]["adresse"].startswith(base + paragraph_url + "?kommentar=")
    assert rows[on_thread.pk]["bezieht_sich_auf"] == "Forumsbeitrag „Carsharing auf dem Land“"
    assert rows[on_thread.pk]["adresse"].startswith(base + thread_url(thread))
    assert rows[reply.pk]["adresse"].endswith(f"?kommentar={reply.root_id}#kommentar-{reply.pk}")


def test_votes_reports_and_threads_name_their_target(zora_client, participant, topic, forum):
    thread = ThreadFactory(participant=participant, forum=forum, title="Mein Thema")
    liked = CommentFactory(target=topic, text="Ein guter Vorschlag.")
    VoteFactory(participant=participant, target=liked)
    VoteFactory(participant=participant, target=topic)
    zora_client.post(
        reverse("contributions:report", args=["kommentar", liked.pk]), {"reason": "off_topic"}
    )
    archive = download(zora_client)

    votes = json_rows(archive, "stimmen")
    assert votes[0]["bezieht_sich_auf"].startswith("Kommentar vom ")
    assert votes[0]["bezieht_sich_auf"].endswith("zu „Wohnen und Altstadt“")
    assert votes[0]["adresse"].endswith(f"?kommentar={liked.pk}#kommentar-{liked.pk}")
    assert votes[1]["bezieht_sich_auf"] == "„Wohnen und Altstadt“"
    assert votes[1]["adresse"] == f"http://testserver{topic.url}"
    (report,) = json_rows(archive, "meldungen")
    assert report["reason"] == "off_topic"
    assert report["reason_bezeichnung"] == "nicht zum Thema"
    assert report["adresse"].endswith(f"#kommentar-{liked.pk}")
    (row,) = json_rows(archive, "forumsbeitraege")
    assert (row["title"], row["forum"]) == ("Mein Thema", "Forum Digitales Land")
    assert row["adresse"] == f"http://testserver{thread_url(thread)}"


def test_the_anonymous_session_token_is_not_in_the_download(client, topic):
    from tests.participation.contributions.helpers import post_comment

    post_comment(client, topic)
    token = client.session["participant_token"]

    archive = download(client)

    for name in archive.namelist():
        assert token not in archive.read(name).decode("utf-8-sig")
    assert "session_token" not in json_rows(archive, "teilnahme")[0]
