"""Settings for ``manage.py benchmark``'s gunicorn: production's, plus a trivial view to compare against.

Not for serving the site: it turns off the HTTPS redirect (the benchmark talks plain HTTP on loopback) and
the static manifest (no ``collectstatic`` needed).
"""

from config.settings import *  # noqa: F403
from config.settings import ALLOWED_HOSTS, STORAGES

ROOT_URLCONF = "relations.scale.urls"
DEBUG = False
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "127.0.0.1", "localhost", "testserver"]
SECURE_SSL_REDIRECT = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
