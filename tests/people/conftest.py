# The users and logged-in clients of the admin's tests, for the merge's admin pages.
from tests.admin.conftest import editor, publisher, publisher_client  # noqa: F401
