from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("officials/", views.OfficialListView.as_view(), name="official-list"),
    path("officials/export.csv", views.OfficialExportView.as_view(), name="official-export"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official-detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/export.csv", views.OrganizationExportView.as_view(), name="organization-export"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization-detail"),
]
