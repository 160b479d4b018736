from people import views
from relations.editorial.public import record_urls

app_name = "people"
urlpatterns = [
    *record_urls(
        "officials",
        list_view=views.OfficialListView,
        export_view=views.OfficialExportView,
        detail_view=views.OfficialDetailView,
    ),
    *record_urls(
        "organizations",
        list_view=views.OrganizationListView,
        export_view=views.OrganizationExportView,
        detail_view=views.OrganizationDetailView,
    ),
]
