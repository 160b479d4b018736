from agreements import views
from relations.editorial.public import record_urls

app_name = "agreements"
urlpatterns = record_urls(
    "agreements",
    list_view=views.AgreementListView,
    export_view=views.AgreementExportView,
    detail_view=views.AgreementDetailView,
)
