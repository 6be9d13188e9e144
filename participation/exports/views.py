"""Admin views: the exports of a consultation, background jobs, and the planners' dashboard.

Only staff with `exports.export_results` (Planung and Moderation) get here; everyone else is
refused with 403 (Wagtail sends visitors without admin access to the login page first).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms import charts
from participation.consultations.models import ConsultationPage
from participation.exports import selectors, services
from participation.exports.forms import ExportForm
from participation.exports.models import ExportJob, JobStatus, What

PERMISSION = "exports.export_results"
# Seconds between reloads of a running job's page (a meta refresh: no JavaScript needed).
REFRESH_SECONDS = 2


def _attachment(response, file_name: str):
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "no-store"
    return response


class ExportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ExportAdminView(ExportPermissionMixin, WagtailAdminTemplateMixin):
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("exports:index"), "label": _("Exporte und Auswertung")},
        ]


class IndexView(ExportAdminView, TemplateView):
    template_name = "exports/admin/index.html"
    page_title = _("Exporte und Auswertung")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consultations=ConsultationPage.objects.order_by("-first_published_at", "title")
            .defer_streamfields()
            .prefetch_related("phases"),
            **kwargs,
        )


class ConsultationMixin:
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["consultation_id"])

    def get_page_subtitle(self):
        return self.consultation.title

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.consultation.title}]


class ExportView(ConsultationMixin, ExportAdminView, FormView):
    template_name = "exports/admin/export.html"
    form_class = ExportForm
    page_title = _("Exportieren")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.consultation}

    def get_context_data(self, **kwargs):
        jobs = ExportJob.objects.filter(
            consultation=self.consultation, requested_by=self.request.user
        ).order_by("-created_at")[:10]
        return super().get_context_data(
            consultation=self.consultation,
            jobs=jobs,
            background_rows=settings.EXPORTS_BACKGROUND_ROWS,
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        options = {
            "consultation": self.consultation,
            "what": data["what"],
            "format": data["format"],
            "survey": data["survey"],
            "include_moderated": data["include_moderated"],
        }
        export = services.export_build(**options)
        rows_total = export.rows_total
        if rows_total > settings.EXPORTS_BACKGROUND_ROWS:
            job = services.export_job_create(
                user=self.request.user, rows_total=rows_total, **options
            )
            return redirect("exports:job", job_id=job.pk)
        if export.is_file:
            response = FileResponse(
                services.export_temporary_file(export), content_type=export.content_type
            )
        else:
            response = StreamingHttpResponse(
                services.export_stream(export), content_type=export.content_type
            )
        return _attachment(response, export.file_name)


class JobMixin:
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.job = get_object_or_404(
            ExportJob.objects.select_related("consultation", "survey"), pk=kwargs["job_id"]
        )

    def dispatch(self, request, *args, **kwargs):
        # A job's file is for the person who asked for it.
        if not request.user.has_perm(PERMISSION) or not (
            self.job.requested_by_id == request.user.pk or request.user.is_superuser
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class JobView(JobMixin, ExportAdminView, TemplateView):
    template_name = "exports/admin/job.html"
    page_title = _("Export im Hintergrund")

    def get_context_data(self, **kwargs):
        running = self.job.status in (JobStatus.QUEUED, JobStatus.RUNNING)
        return super().get_context_data(
            job=self.job,
            running=running,
            refresh_seconds=REFRESH_SECONDS if running else None,
            available=services.export_job_path(self.job) is not None,
            **kwargs,
        )


class JobDownloadView(JobMixin, View):
    def get(self, request, *args, **kwargs):
        path = services.export_job_path(self.job)
        if path is None:
            raise Http404(_("Diese Datei gibt es nicht mehr."))
        content_type = services.CONTENT_TYPES[
            "zip" if self.job.what == What.DATAPACKAGE else self.job.format
        ]
        return _attachment(
            FileResponse(open(path, "rb"), content_type=content_type),  # noqa: SIM115
            self.job.download_name,
        )


class DashboardView(ConsultationMixin, ExportAdminView, TemplateView):
    template_name = "exports/admin/dashboard.html"
    page_title = _("Auswertung")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        board = selectors.dashboard(self.consultation)
        return super().get_context_data(
            consultation=self.consultation,
            board=board,
            charts=_charts(board),
            **kwargs,
        )


def _charts(board: selectors.Dashboard) -> dict:
    contributions = _("Beiträge")
    return {
        "per_day": charts.column_chart(
            caption=_("Beiträge pro Tag"),
            columns=[charts.Column(day.strftime("%d.%m."), n) for day, n in board.per_day],
            value_label=contributions,
            label_heading=_("Tag"),
            summary=_("Kommentare, Forumsbeiträge, Stimmen und Umfrageantworten zusammen, je Tag."),
            table_collapsed=True,
        )
        if board.per_day
        else "",
        "per_phase": charts.bar_chart(
            caption=_("Beiträge je Phase"),
            bars=[charts.Bar(phase.name, phase.contributions) for phase in board.figures.phases],
            value_label=contributions,
            label_heading=_("Phase"),
        )
        if board.figures.phases
        else "",
        "per_topic": charts.stacked_bar_chart(
            caption=_("Kommentare und Unterstützungen je Themenfeld"),
            series=[_("Kommentare"), _("Unterstützungen")],
            rows=[charts.StackedRow(row.label, (row.first, row.second)) for row in board.per_topic],
            value_label=_("Anzahl"),
            label_heading=_("Themenfeld"),
        )
        if board.per_topic
        else "",
        "per_chapter": charts.bar_chart(
            caption=_("Kommentare je Kapitel des Konzepts"),
            bars=[charts.Bar(row.label, row.first) for row in board.per_chapter],
            value_label=_("Kommentare"),
            label_heading=_("Kapitel"),
        )
        if board.per_chapter
        else "",
    }
