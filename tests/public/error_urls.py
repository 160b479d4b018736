"""The site's URLs and one that fails, to see the 500 page as a reader would."""

from django.urls import path

from config.urls import handler500, urlpatterns  # noqa: F401


def fail(request):
    raise RuntimeError("a failing view")


urlpatterns = [path("fail/", fail), *urlpatterns]
