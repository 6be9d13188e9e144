"""Forms of the moderation screens: they validate input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.consultations.models import ConsultationPage
from participation.contributions.models import ModerationReason, Status
from participation.moderation import selectors
from participation.moderation.models import ModerationCategory
from participation.moderation.services import BulkAction

REASON_CHOICES = [("", _("– Grund wählen –")), *ModerationReason.choices]


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ModerationCategory) -> str:
        return f"{obj.consultation.title}: {obj.name}"


class CategoriesChoiceField(forms.ModelMultipleChoiceField):
    label_from_instance = CategoryChoiceField.label_from_instance


class QueueFilterForm(forms.Form):
    consultation = forms.ModelChoiceField(
        label=_("Beteiligungsverfahren"),
        queryset=ConsultationPage.objects.order_by("title"),
        required=False,
        empty_label=_("alle"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(selectors.WAITING, _("wartet auf Entscheidung")), ("", _("alle"))]
        + Status.choices,
        required=False,
        initial=selectors.WAITING,
    )
    kind = forms.ChoiceField(
        label=_("Art"),
        choices=[
            ("", _("alle")),
            ("kommentar", _("Kommentare")),
            ("thema", _("Forumsbeiträge")),
            ("antwort", _("Textantworten aus Umfragen")),
        ],
        required=False,
    )
    category = CategoryChoiceField(
        label=_("Kategorie"),
        queryset=ModerationCategory.objects.select_related("consultation").order_by(
            "consultation__title", "name"
        ),
        required=False,
        empty_label=_("alle"),
    )
    reported = forms.BooleanField(label=_("nur gemeldete"), required=False)
    date_from = forms.DateField(
        label=_("eingegangen ab"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("eingegangen bis"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sortierung"),
        choices=[
            ("meldungen", _("meiste Meldungen zuerst")),
            ("aelteste", _("älteste zuerst")),
            ("neueste", _("neueste zuerst")),
        ],
        required=False,
    )

    def filters(self) -> selectors.QueueFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return selectors.QueueFilters(
            consultation=data.get("consultation"),
            # Without a status in the address (a link, the menu) the queue shows what waits.
            status=data.get("status", "") if "status" in self.data else selectors.WAITING,
            reported=data.get("reported", False),
            category=data.get("category"),
            kind=data.get("kind", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or selectors.DEFAULT_SORT,
        )


class DecisionForm(forms.Form):
    """Reason and note of a rejection or hiding (the reason is required there)."""

    reason = forms.ChoiceField(label=_("Grund"), choices=REASON_CHOICES, required=False)
    note = forms.CharField(
        label=_("Notiz (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OfficialResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Stellungnahme der Stadt"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Interne Notiz (nur für die Verwaltung sichtbar)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CategoriesForm(forms.Form):
    categories = forms.ModelMultipleChoiceField(
        label=_("Kategorien"),
        queryset=ModerationCategory.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, consultation_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = selectors.categories_of(consultation_id)


class BlockForm(forms.Form):
    reason = forms.ChoiceField(label=_("Grund"), choices=ModerationReason.choices)
    hide_content = forms.BooleanField(
        label=_("alle Beiträge dieser Person ausblenden"), required=False
    )
    note = forms.CharField(
        label=_("Notiz (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BulkForm(forms.Form):
    items = forms.MultipleChoiceField(label=_("Einträge"), choices=[])
    action = forms.ChoiceField(
        label=_("Aktion für die ausgewählten Einträge"),
        choices=[
            (BulkAction.APPROVE, _("freigeben")),
            (BulkAction.HIDE, _("ausblenden")),
            (BulkAction.REJECT, _("ablehnen")),
            (BulkAction.CATEGORISE, _("Kategorie zuordnen")),
        ],
    )
    reason = forms.ChoiceField(
        label=_("Grund (für ausblenden und ablehnen)"), choices=REASON_CHOICES, required=False
    )
    categories = CategoriesChoiceField(
        label=_("Kategorien (für Kategorie zuordnen)"),
        queryset=ModerationCategory.objects.select_related("consultation").order_by(
            "consultation__title", "name"
        ),
        required=False,
    )

    def clean_items(self) -> list[tuple[str, int]]:
        keys = []
        for value in self.cleaned_data["items"]:
            kind, _sep, pk = value.partition(":")
            if kind not in selectors.KINDS or not pk.isdecimal():
                raise forms.ValidationError(_("Ungültige Auswahl."))
            keys.append((kind, int(pk)))
        return keys

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any "kind:id" is acceptable here; clean_items checks its shape, the view loads it.
        self.fields["items"].valid_value = lambda value: True
