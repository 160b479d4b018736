"""A stand-in for one gunicorn worker: its own process, its own cache client, the shared database and Redis.

``python -m tests.public.page_cache_worker`` reads one JSON command a line on stdin and answers one JSON
line on stdout: ``migrate``; ``make`` (a delegation with a ``status``); ``transition`` (``name`` on ``pk``,
by a superuser, through the workflow); ``get`` (``url``, and ``etag`` for a conditional request).
Settings come from the environment (``DATABASE_URL``, ``REDIS_URL``), as a worker's do.
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from relations.editorial import workflow  # noqa: E402
from relations.models import Delegation  # noqa: E402


def handle(command: dict, client: Client) -> dict:
    op = command["op"]
    if op == "migrate":
        call_command("migrate", verbosity=0)
        User.objects.create_superuser("root", "root@example.org", "x")
        return {}
    if op == "make":
        from tests.factories import DelegationFactory

        delegation = DelegationFactory(status=command["status"], place=command["place"])
        return {"pk": delegation.pk, "url": delegation.get_absolute_url()}
    if op == "transition":
        by = User.objects.get(username="root")
        n = workflow.apply(
            command["name"], Delegation.objects.filter(pk=command["pk"]), by=by, with_dependencies=True
        )
        return {"changed": n}
    if op == "get":
        headers = {"HTTP_IF_NONE_MATCH": command["etag"]} if command.get("etag") else {}
        response = client.get(command["url"], **headers)
        return {
            "status": response.status_code,
            "etag": response.get("ETag", ""),
            "cache": response.get("X-Page-Cache", ""),
            "body": response.content.decode(),
        }
    raise ValueError(f"unknown op {op!r}")


def main() -> None:
    client = Client()
    for line in sys.stdin:
        try:
            answer = {"ok": True, **handle(json.loads(line), client)}
        except Exception as exc:  # reported to the test, which fails with it
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
