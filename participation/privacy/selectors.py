"""Reads for data protection (DSGVO): everything stored about one person ("Meine Daten" and
its download, Art. 15 and 20), and which anonymous participants the retention job may unlink.

`EXPORT_SOURCES` is the registry: for every model with a ForeignKey, OneToOneField or
ManyToManyField to a Participant or a User, it says how to find one person's rows. Relations
we leave out on purpose are in `NOT_EXPORTED`, each with its reason.
tests/participation/privacy/test_registry.py walks the relations of every installed model
and fails when one is in neither list, so a new model that points at a person has to decide.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import urljoin
from uuid import UUID

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail.users.models import UserProfile

from participation.accounts.models import User
from participation.consultations.models import ConceptDocumentPage, ConsultationPage, Phase
from participation.contributions.models import Comment, Participant, Report, Thread, Vote
from participation.contributions.selectors import participant_get
from participation.contributions.targets import Target
from participation.privacy import files
from participation.surveys.models import Response
from participation.surveys.response_selectors import readable_answers, responses_with_answers

USER = "user"
PARTICIPANT = "participant"

# Never written into the download, whatever the model: the password hash, and the random
# token that links an anonymous session to its participant (a key, meaningless to the
# person, that should not lie around in a downloads folder).
NEVER_EXPORTED = frozenset({"password", "session_token"})


@dataclass(frozen=True)
class Person:
    """Whom a request speaks for: an account, a participant, both, or (nobody) neither."""

    user: User | None
    participant: Participant | None

    @property
    def is_known(self) -> bool:
        return self.user is not None or self.participant is not None


def person_for(request) -> Person:
    """The logged-in person, or an anonymous visitor by the participant token in their session."""
    user = request.user if request.user.is_authenticated else None
    return Person(user=user, participant=participant_get(request))


@dataclass(frozen=True)
class ExportSource:
    """One model in the download: `<name>.json` and `<name>.csv`."""

    name: str
    model: type[models.Model]
    owner: str  # USER or PARTICIPANT: whose rows these are
    rows: Callable[[Person], QuerySet | None]  # None: does not apply to this person
    # The relations to User/Participant this source covers ("app_label.Model.field").
    relations: tuple[str, ...]
    label: str | Promise = ""
    omit: frozenset[str] = frozenset()
    # Extra columns: called with the exported objects and the site's base URL, returns one
    # dict per object (what a comment or vote refers to, with its address).
    more_columns: Callable[[list[models.Model], str], list[dict]] | None = None
    # The field pointing at the participant (retention and deletion look rows up by it).
    via: str = ""
    # How rows find their consultation for the retention period: "consultation" (a
    # ForeignKey to it), "forum" or "survey" (a ForeignKey to a page below it) or "target"
    # (a generic target).
    consultation: str = ""

    @property
    def title(self) -> str:
        return str(self.label or self.model._meta.verbose_name_plural)


def _by(model, field_name: str, name: str, **kwargs) -> ExportSource:
    """A source whose rows point at the person through `field_name`."""
    relation = model._meta.get_field(field_name)
    owner = PARTICIPANT if relation.related_model is Participant else USER

    def rows(person: Person) -> QuerySet | None:
        target = person.participant if owner == PARTICIPANT else person.user
        if target is None:
            # An account without contributions yet has none; an anonymous visitor no account.
            has_account = owner == PARTICIPANT and person.user is not None
            return model._default_manager.none() if has_account else None
        return model._default_manager.filter(**{field_name: target}).order_by("pk")

    return ExportSource(
        name=name,
        model=model,
        owner=owner,
        rows=rows,
        relations=(f"{relation.model._meta.label}.{field_name}",),
        via=field_name if owner == PARTICIPANT else "",
        **kwargs,
    )


def _account_rows(person: Person) -> QuerySet | None:
    return User.objects.filter(pk=person.user.pk) if person.user else None


def _participant_rows(person: Person) -> QuerySet | None:
    if person.participant is None:
        return Participant.objects.none() if person.user else None
    return Participant.objects.filter(pk=person.participant.pk)


def _account_extra(users: list[models.Model], base_url: str) -> list[dict]:
    return [
        {
            "gruppen": sorted(user.groups.values_list("name", flat=True)),
            "einzelberechtigungen": sorted(
                user.user_permissions.values_list("codename", flat=True)
            ),
        }
        for user in users
    ]


def _participant_extra(participants: list[models.Model], base_url: str) -> list[dict]:
    return [{"oeffentlicher_name": str(p.public_name)} for p in participants]


# --- What comments, threads, votes and reports refer to ------------------------------------


def _load_targets(keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], models.Model]:
    """Objects by (content type id, object id), one query per kind of object."""
    ids_by_type: dict[int, set[int]] = defaultdict(set)
    for content_type_id, object_id in keys:
        ids_by_type[content_type_id].add(object_id)
    found = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            objects = Page.objects.filter(pk__in=ids).specific()
        elif model is Thread:
            objects = Thread.objects.filter(pk__in=ids).select_related("forum")
        else:
            objects = model._default_manager.filter(pk__in=ids)
        for obj in objects:
            found[(content_type_id, obj.pk)] = obj
    return found


class _Targets:
    """Describes targets in words and with an address; loads everything up front."""

    def __init__(self, keys: Iterable[tuple[int, int]], base_url: str):
        self.base_url = base_url
        self.objects = _load_targets(keys)
        comment_targets = {
            (obj.content_type_id, obj.object_id)
            for obj in self.objects.values()
            if isinstance(obj, Comment)
        }
        self.objects.update(_load_targets(comment_targets - self.objects.keys()))

    def _url(self, url: str | None) -> str:
        return urljoin(self.base_url, url) if url else ""

    def page_or_thread(self, key: tuple[int, int], paragraph_key: str = "") -> tuple[str, str]:
        obj = self.objects.get(key)
        if obj is None:
            return _("nicht mehr vorhanden"), ""
        if isinstance(obj, Thread):
            target = Target(obj)
            return _("Forumsbeitrag „%(title)s“") % {"title": obj.title}, self._url(target.url)
        if isinstance(obj, Comment):
            return self.comment(obj)
        paragraph = None
        if paragraph_key and isinstance(obj, ConceptDocumentPage):
            paragraph = obj.paragraph(paragraph_key)
        target = Target(obj, paragraph)
        where = f"„{obj.title}“"
        if paragraph is not None:
            where += ", " + target.label
        return where, self._url(target.url)

    @staticmethod
    def permalink(comment: Comment, target_url: str) -> str:
        """The comment in its list, as contributions.selectors.comment_permalink builds it."""
        if not target_url:
            return ""
        return f"{target_url}?kommentar={comment.root_id or comment.pk}#kommentar-{comment.pk}"

    def comment(self, comment: Comment) -> tuple[str, str]:
        where, url = self.page_or_thread(
            (comment.content_type_id, comment.object_id), comment.paragraph_key
        )
        description = _("Kommentar vom %(date)s zu %(where)s") % {
            "date": date_format(timezone.localtime(comment.created_at), "j. F Y"),
            "where": where,
        }
        return description, self.permalink(comment, url)


def _comment_extra(comments: list[models.Model], base_url: str) -> list[dict]:
    targets = _Targets({(c.content_type_id, c.object_id) for c in comments}, base_url)
    rows = []
    for comment in comments:
        where, url = targets.page_or_thread(
            (comment.content_type_id, comment.object_id), comment.paragraph_key
        )
        rows.append({"bezieht_sich_auf": where, "adresse": targets.permalink(comment, url)})
    return rows


def _thread_extra(threads: list[models.Model], base_url: str) -> list[dict]:
    forums = dict(
        Page.objects.filter(pk__in={t.forum_id for t in threads}).values_list("pk", "title")
    )
    return [
        {
            "forum": forums.get(thread.forum_id, ""),
            "adresse": urljoin(
                base_url, reverse("contributions:thread", args=[thread.forum_id, thread.pk])
            ),
        }
        for thread in threads
    ]


def _generic_target_extra(items: list[models.Model], base_url: str) -> list[dict]:
    targets = _Targets({(i.content_type_id, i.object_id) for i in items}, base_url)
    rows = []
    for item in items:
        where, url = targets.page_or_thread((item.content_type_id, item.object_id))
        rows.append({"bezieht_sich_auf": where, "adresse": url})
    return rows


def _response_extra(responses: list[models.Model], base_url: str) -> list[dict]:
    """The survey's title and address, and the person's answers as they read them."""
    loaded = {
        response.pk: response
        for response in responses_with_answers(
            Response.objects.filter(pk__in=[response.pk for response in responses])
        )
    }
    rows = []
    for response in responses:
        full = loaded[response.pk]
        rows.append(
            {
                "umfrage": full.survey.title,
                "adresse": urljoin(base_url, full.survey.url or ""),
                "antworten": dict(readable_answers(full)),
            }
        )
    return rows


# --- The registry ----------------------------------------------------------------------------

EXPORT_SOURCES: tuple[ExportSource, ...] = (
    ExportSource(
        name="konto",
        model=User,
        owner=USER,
        rows=_account_rows,
        # The role groups and permissions are listed by name in konto.json.
        relations=("accounts.User_groups.user", "accounts.User_user_permissions.user"),
        label=gettext_lazy("Konto"),
        more_columns=_account_extra,
    ),
    _by(EmailAddress, "user", "email_adressen", label=gettext_lazy("E-Mail-Adressen")),
    ExportSource(
        name="teilnahme",
        model=Participant,
        owner=PARTICIPANT,
        rows=_participant_rows,
        # A registered person's participant is found through this relation (see person_for).
        relations=("contributions.Participant.user",),
        label=gettext_lazy("Teilnahme (Ihr Name bei Beiträgen)"),
        more_columns=_participant_extra,
    ),
    _by(
        Comment,
        "participant",
        "kommentare",
        label=gettext_lazy("Kommentare und Antworten"),
        omit=frozenset({"submission_token"}),
        more_columns=_comment_extra,
        consultation="consultation",
    ),
    _by(
        Thread,
        "participant",
        "forumsbeitraege",
        label=gettext_lazy("Forumsbeiträge"),
        omit=frozenset({"submission_token"}),
        more_columns=_thread_extra,
        consultation="forum",
    ),
    _by(
        Vote,
        "participant",
        "stimmen",
        label=gettext_lazy("Stimmen und Unterstützungen"),
        more_columns=_generic_target_extra,
        consultation="target",
    ),
    _by(
        Report,
        "participant",
        "meldungen",
        label=gettext_lazy("Meldungen"),
        more_columns=_generic_target_extra,
        consultation="target",
    ),
    _by(
        Response,
        "participant",
        "umfrageantworten",
        label=gettext_lazy("Antworten auf Umfragen"),
        more_columns=_response_extra,
        consultation="survey",
    ),
    # Wagtail's per-user preferences (language, time zone, notifications). Usually only staff
    # have one, but it belongs to the person and is deleted with the account (CASCADE).
    _by(
        UserProfile,
        "user",
        "verwaltung_einstellungen",
        label=gettext_lazy("Einstellungen im Verwaltungsbereich"),
    ),
)

# Relations to User or Participant that are not in the download, and why. All of them belong
# to the Wagtail admin, which only staff (Redaktion, Moderation, Planung) can use: their
# editorial work is the town's record, processed under their employment, not something they
# take part in as citizens; a staff member's request for information is answered by the
# administration. Deleting an account leaves them as stated (on_delete), except that
# services.account_delete unlinks the audit log, whose user column has no database constraint.
NOT_EXPORTED: dict[str, str] = {
    "wagtailcore.Page.owner": "page authorship by staff; SET_NULL on deletion",
    "wagtailcore.Page.locked_by": "editing lock held by staff; SET_NULL on deletion",
    "wagtailcore.Revision.user": "page revisions saved by staff; SET_NULL on deletion",
    "wagtailcore.PageLogEntry.user": "admin audit log (staff actions); unlinked on deletion",
    "wagtailcore.ModelLogEntry.user": "admin audit log (staff actions); unlinked on deletion",
    "wagtailcore.Comment.user": "editors' comments on page drafts in the admin; CASCADE",
    "wagtailcore.Comment.resolved_by": "editors' comment resolution in the admin; SET_NULL",
    "wagtailcore.CommentReply.user": "editors' replies on page drafts in the admin; CASCADE",
    "wagtailcore.PageSubscription.user": "admin notification subscription of staff; CASCADE",
    "wagtailcore.WorkflowState.requested_by": "publishing workflow started by staff; SET_NULL",
    "wagtailcore.TaskState.finished_by": "workflow task finished by staff; SET_NULL",
    "wagtailcore.APIToken.user": "API credential (a secret, never exported); CASCADE",
    "wagtailcore.UploadedFile.uploaded_by_user": "temporary admin upload by staff; SET_NULL",
    "wagtailadmin.EditingSession.user": "transient 'who is editing' marker in the admin; CASCADE",
    "wagtailadmin.FormState.user": "unsaved admin form state of staff; CASCADE",
    "wagtailimages.Image.uploaded_by_user": "image uploaded by staff (citizens cannot upload)",
    "wagtaildocs.Document.uploaded_by_user": "document uploaded by staff (citizens cannot upload)",
    "surveys.Response.entered_by": "staff member who typed in a paper questionnaire; SET_NULL",
    "moderation.ModerationLogEntry.moderator": "moderation decision log (staff); SET_NULL",
    "moderation.DigestSubscription.user": "staff's opt-in to the moderation digest; CASCADE",
    "exports.ExportJob.requested_by": "export run by staff (Planung, Moderation); SET_NULL",
}


def participant_sources() -> list[ExportSource]:
    """The sources that are contributions of a participant (everything but the participant)."""
    return [s for s in EXPORT_SOURCES if s.owner == PARTICIPANT and s.model is not Participant]


# --- "Meine Daten" ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryLine:
    name: str
    label: str
    count: int


def data_summary(person: Person) -> list[SummaryLine]:
    """How many rows of each kind are stored about the person (one query per kind)."""
    lines = []
    for source in EXPORT_SOURCES:
        rows = source.rows(person)
        if rows is not None:
            lines.append(SummaryLine(source.name, source.title, rows.count()))
    return lines


def _plain(value):
    """A value as JSON can hold it."""
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, Promise):
        return str(value)
    return value


def _columns(model, omit: frozenset[str]) -> list[tuple[models.Field, str]]:
    return [
        (f, f.attname)
        for f in model._meta.concrete_fields
        if f.name not in omit and f.name not in NEVER_EXPORTED
    ]


def _rows(source: ExportSource, objects: list[models.Model], base_url: str) -> list[dict]:
    columns = _columns(source.model, source.omit)
    rows = []
    for obj in objects:
        row = {}
        for model_field, key in columns:
            row[key] = _plain(getattr(obj, key))
            if model_field.choices and not model_field.is_relation:
                row[f"{key}_bezeichnung"] = str(getattr(obj, f"get_{model_field.name}_display")())
        rows.append(row)
    if source.more_columns and objects:
        for row, extra in zip(rows, source.more_columns(objects, base_url), strict=True):
            row.update(extra)
    return rows


@dataclass
class Export:
    files: dict[str, bytes] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def data_export(person: Person, *, base_url: str) -> Export:
    """Every source that applies to the person, as `<name>.json` and `<name>.csv`, and a
    LIESMICH.txt that explains the files. `base_url` makes the addresses absolute."""
    export = Export()
    readme_lines = []
    for source in EXPORT_SOURCES:
        queryset = source.rows(person)
        if queryset is None:
            continue
        objects = list(queryset)
        rows = _rows(source, objects, base_url)
        columns = files.columns_of(rows) or [key for _f, key in _columns(source.model, source.omit)]
        export.files[f"{source.name}.json"] = files.json_bytes(rows)
        export.files[f"{source.name}.csv"] = files.csv_bytes(rows, columns)
        export.counts[source.name] = len(rows)
        readme_lines.append(
            f"- {source.name}.json, {source.name}.csv: {source.title} ({len(rows)})"
        )
    export.files["LIESMICH.txt"] = _readme(readme_lines).encode("utf-8")
    return export


def _readme(lines: list[str]) -> str:
    now = date_format(timezone.localtime(), "j. F Y, H:i")
    return "\n".join(
        [
            _("Ihre Daten bei Stadtdialog, Stand %(when)s") % {"when": now},
            "",
            _(
                "Jede Art von Daten liegt zweimal vor: als JSON-Datei (maschinenlesbar) und als "
                "CSV-Datei für Tabellenprogramme (UTF-8, Trennzeichen Semikolon). Beginnt ein "
                "Text mit =, +, -, @ oder einem Tabulator, steht in der CSV-Datei ein "
                "Apostroph davor, damit kein Tabellenprogramm ihn als Formel ausführt."
            ),
            "",
            _("Enthaltene Dateien (Anzahl der Einträge):"),
            *lines,
            "",
            _(
                "Nicht enthalten sind Ihr Passwort (gespeichert ist nur ein nicht umkehrbarer "
                "Hash) und die zufällige Kennung, die eine Sitzung ohne Konto mit Ihren "
                "Beiträgen verbindet. IP-Adressen speichert Stadtdialog nicht."
            ),
            "",
        ]
    )


def data_export_zip(person: Person, *, base_url: str) -> bytes:
    return files.zip_bytes(data_export(person, base_url=base_url).files)


# --- Retention -------------------------------------------------------------------------------


class _Consultations:
    """Consultation end dates, and which consultation a page, comment or thread belongs to.
    Loads each kind of object once, whatever the number of rows."""

    def __init__(self):
        self.ends: dict[int, date] = dict(
            Phase.objects.order_by()
            .values("consultation_id")
            .annotate(end=Max("end"))
            .values_list("consultation_id", "end")
        )
        self.by_path: dict[str, int] = dict(ConsultationPage.objects.values_list("path", "pk"))
        self.page_consultation: dict[int, int | None] = {}

    def _of_path(self, path: str) -> int | None:
        for length in range(Page.steplen, len(path) + 1, Page.steplen):
            if path[:length] in self.by_path:
                return self.by_path[path[:length]]
        return None

    def of_pages(self, page_ids: Iterable[int]) -> dict[int, int | None]:
        missing = set(page_ids) - self.page_consultation.keys()
        for pk, path in Page.objects.filter(pk__in=missing).values_list("pk", "path"):
            self.page_consultation[pk] = self._of_path(path)
        return self.page_consultation

    def of_targets(self, keys: set[tuple[int, int]]) -> dict[tuple[int, int], int | None]:
        ids_by_type: dict[int, set[int]] = defaultdict(set)
        for content_type_id, object_id in keys:
            ids_by_type[content_type_id].add(object_id)
        found: dict[tuple[int, int], int | None] = {}
        for content_type_id, ids in ids_by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None and issubclass(model, Page):
                pages = self.of_pages(ids)
                found.update({(content_type_id, pk): pages.get(pk) for pk in ids})
            elif model is Comment:
                for pk, consultation_id in Comment.objects.filter(pk__in=ids).values_list(
                    "pk", "consultation_id"
                ):
                    found[(content_type_id, pk)] = consultation_id
            elif model is Thread:
                forums = dict(Thread.objects.filter(pk__in=ids).values_list("pk", "forum_id"))
                pages = self.of_pages(forums.values())
                for pk, forum_id in forums.items():
                    found[(content_type_id, pk)] = pages.get(forum_id)
        return found

    def end(self, consultation_id: int | None) -> date | None:
        return self.ends.get(consultation_id) if consultation_id else None


def _latest_date(row: dict, date_keys: list[str]) -> date | None:
    dates = [timezone.localdate(row[key]) for key in date_keys if row.get(key) is not None]
    return max(dates, default=None)


def _reference_dates(
    source: ExportSource, participants: QuerySet, consultations: _Consultations
) -> Iterable[tuple[int, date]]:
    """(participant id, date) for each row: the later of the row's own dates and the end of
    the consultation it belongs to."""
    model = source.model
    date_keys = [
        f.attname for f in model._meta.concrete_fields if isinstance(f, models.DateTimeField)
    ]
    link_keys = {
        "consultation": ["consultation_id"],
        "forum": ["forum_id"],
        "survey": ["survey_id"],
        "target": ["content_type_id", "object_id"],
    }.get(source.consultation, [])
    rows = list(
        model._default_manager.filter(**{f"{source.via}__in": participants})
        .order_by()
        .values(f"{source.via}_id", *date_keys, *link_keys)
    )
    if source.consultation in ("forum", "survey"):
        page_key = f"{source.consultation}_id"
        pages = consultations.of_pages({row[page_key] for row in rows})
        consultation_of = lambda row: pages.get(row[page_key])  # noqa: E731
    elif source.consultation == "target":
        targets = consultations.of_targets({(r["content_type_id"], r["object_id"]) for r in rows})
        consultation_of = lambda row: targets.get((row["content_type_id"], row["object_id"]))  # noqa: E731
    elif source.consultation == "consultation":
        consultation_of = lambda row: row["consultation_id"]  # noqa: E731
    else:
        consultation_of = lambda row: None  # noqa: E731
    for row in rows:
        candidates = [_latest_date(row, date_keys), consultations.end(consultation_of(row))]
        reference = max((d for d in candidates if d is not None), default=None)
        if reference is not None:
            yield row[f"{source.via}_id"], reference


def anonymous_participants_past_retention(*, today: date, retention_days: int) -> list[int]:
    """Anonymous participants (no account, session token still set) whose every contribution
    lies more than `retention_days` behind the end of its consultation (or, without one,
    behind the contribution itself). Participants without contributions are not included."""
    participants = Participant.objects.filter(user__isnull=True, session_token__isnull=False)
    consultations = _Consultations()
    latest: dict[int, date] = {}
    for source in participant_sources():
        for participant_id, reference in _reference_dates(source, participants, consultations):
            if participant_id not in latest or reference > latest[participant_id]:
                latest[participant_id] = reference
    return sorted(
        pk for pk, reference in latest.items() if (today - reference).days > retention_days
    )


def participants_without_contributions(*, created_before: datetime) -> QuerySet:
    """Participants without an account and without any contribution, created before then."""
    queryset = Participant.objects.filter(user__isnull=True, created_at__lt=created_before)
    for source in participant_sources():
        rows = source.model._default_manager.filter(**{source.via: OuterRef("pk")})
        queryset = queryset.filter(~Exists(rows))
    return queryset
