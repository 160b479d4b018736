"""The admin, served by the editorial site instead of Django's default one."""

from django.contrib.admin.apps import AdminConfig


class EditorialAdminConfig(AdminConfig):
    default_site = "relations.editorial.site.EditorialAdminSite"
