from django.urls import path

from participation.contributions import views

app_name = "contributions"

urlpatterns = [
    path(
        "ziel/<str:kind>/<int:object_id>/kommentieren/", views.comment_create, name="comment_create"
    ),
    path("ziel/<str:kind>/<int:object_id>/kommentare/", views.comment_list, name="comment_list"),
    path("ziel/<str:kind>/<int:object_id>/unterstuetzen/", views.support, name="support"),
    path("kommentar/<int:comment_id>/antworten/", views.comment_reply, name="comment_reply"),
    path("kommentar/<int:comment_id>/abstimmen/", views.comment_vote, name="comment_vote"),
    path("<str:kind>/<int:pk>/bearbeiten/", views.contribution_edit, name="edit"),
    path("<str:kind>/<int:pk>/loeschen/", views.contribution_delete, name="delete"),
    path("<str:kind>/<int:pk>/melden/", views.contribution_report, name="report"),
    path("sicherheitsabfrage/", views.confirm_human, name="confirm_human"),
    path("konzept/<int:page_id>/absatz/<str:key>/", views.paragraph_discussion, name="paragraph"),
    path("konzept/<int:page_id>/heatmap/", views.concept_heatmap, name="heatmap"),
    path("konzept/<int:page_id>/kapitel/<int:number>/", views.chapter_comments, name="chapter"),
    path("forum/<int:forum_id>/neues-thema/", views.thread_create, name="thread_create"),
    path("forum/<int:forum_id>/thema/<int:thread_id>/", views.thread_detail, name="thread"),
]
