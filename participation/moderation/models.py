"""Moderation data: the categories moderators code contributions with."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModerationCategory(models.Model):
    """A topic label moderators define per consultation (Radverkehr, Parken, ...).

    Comments, forum threads and survey text answers can carry several.
    """

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("Beteiligungsverfahren"),
        on_delete=models.CASCADE,
        related_name="moderation_categories",
    )
    name = models.CharField(_("Name"), max_length=60)
    comments = models.ManyToManyField(
        "contributions.Comment", blank=True, related_name="categories"
    )
    threads = models.ManyToManyField("contributions.Thread", blank=True, related_name="categories")
    answers = models.ManyToManyField("surveys.Answer", blank=True, related_name="categories")

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "name"], name="one_category_name_per_consultation"
            )
        ]

    def __str__(self) -> str:
        return self.name
