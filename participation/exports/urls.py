from django.urls import path

from participation.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("<int:consultation_id>/", views.ExportView.as_view(), name="export"),
    path("<int:consultation_id>/auswertung/", views.DashboardView.as_view(), name="dashboard"),
    path("auftrag/<uuid:job_id>/", views.JobView.as_view(), name="job"),
    path("auftrag/<uuid:job_id>/datei/", views.JobDownloadView.as_view(), name="job_download"),
]
