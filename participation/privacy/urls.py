from django.urls import path

from participation.privacy import views

app_name = "privacy"

urlpatterns = [
    path("meine-daten/", views.my_data, name="my_data"),
    path("meine-daten/herunterladen/", views.my_data_download, name="my_data_download"),
    path("loeschen/", views.account_delete, name="account_delete"),
]
