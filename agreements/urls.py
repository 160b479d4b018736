from django.urls import path

from agreements import views

app_name = "agreements"
urlpatterns = [
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/export.csv", views.AgreementExportView.as_view(), name="agreement-export"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
]
