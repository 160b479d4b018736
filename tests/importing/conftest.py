import pytest

from relations.importing import run
from tests.importing.helpers import fake_extract


@pytest.fixture
def fake_extractor(monkeypatch):
    """The import runs with `helpers.fake_extract` instead of the real extractor."""
    monkeypatch.setattr(run, "extract", fake_extract)
