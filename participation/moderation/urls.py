from django.urls import path

from participation.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("sammelaktion/", views.bulk, name="bulk"),
    path("zusammenfassung/", views.digest_toggle, name="digest"),
    path(
        "teilnehmende/<int:pk>/<str:action>/",
        views.participant_action,
        name="participant_action",
    ),
    path("<str:kind>/<int:pk>/", views.item_detail, name="item"),
    path("<str:kind>/<int:pk>/<str:action>/", views.item_action, name="item_action"),
]
