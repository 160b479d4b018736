"""The site's URLs plus ``/__trivial__/``, the benchmark's baseline (relations.scale.settings only)."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from relations.scale.benchmark import trivial

urlpatterns = [path("__trivial__/", trivial, name="benchmark-trivial"), *site_urlpatterns]
