import pytest

from tests.public.demo import build_demo_collection


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Templates call {% static %}; tests run without collectstatic, so no manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def fetch(client):
    """GET a page and return it with its body as ``.text`` (a streamed body read whole); 200 only."""

    class Streamed:
        def __init__(self, response):
            self.response = response
            self.text = b"".join(response.streaming_content).decode("utf-8")

        def __getattr__(self, name):
            return getattr(self.response, name)

    def get(url: str, **params):
        response = client.get(url, params)
        assert response.status_code == 200, response.status_code
        return Streamed(response) if response.streaming else response

    return get


@pytest.fixture
def collection():
    """The demo's published collection (and its hidden drafts), for the browser tests."""
    return build_demo_collection()
