"""The export form in the admin: what, which survey, which format, moderated items or not."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.exports import scope
from participation.exports.models import SURVEY_WHATS, Format, What


class ExportForm(forms.Form):
    what = forms.ChoiceField(label=_("Was exportieren?"), choices=What.choices)
    survey = forms.ModelChoiceField(
        label=_("Umfrage"),
        queryset=None,
        required=False,
        help_text=_("Für Umfrageantworten und -ergebnisse."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices, initial=Format.CSV)
    include_moderated = forms.BooleanField(
        label=_("Ausgeblendete und abgelehnte Beiträge einschließen"),
        required=False,
        help_text=_("Die Spalte „status“ zeigt dann, wie die Moderation entschieden hat."),
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survey"].queryset = scope.consultation_surveys(consultation)

    def clean(self):
        cleaned_data = super().clean()
        what, survey = cleaned_data.get("what"), cleaned_data.get("survey")
        if what in SURVEY_WHATS and survey is None:
            self.add_error("survey", _("Bitte wählen Sie die Umfrage aus."))
        if what == What.DATAPACKAGE and cleaned_data.get("format") not in (
            Format.CSV,
            Format.CSV_COMMA,
        ):
            self.add_error(
                "format",
                _("Das Datenpaket enthält CSV-Dateien: Bitte wählen Sie ein CSV-Format."),
            )
        return cleaned_data
