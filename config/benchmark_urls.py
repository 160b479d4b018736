"""The site's URLs plus ``/__trivial__/``, the benchmark's baseline (config.benchmark_settings only)."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from relations.benchmarking import trivial

urlpatterns = [path("__trivial__/", trivial, name="benchmark-trivial"), *site_urlpatterns]
