from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("relations.urls")),
    path("", include("people.urls")),
    path("", include("agreements.urls")),
]

handler400 = "relations.importing.admin.bad_request"
handler500 = "relations.views.server_error"
