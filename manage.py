#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import secrets
import sys

SERVING = {"runserver", "check"}  # commands that must see the real configuration


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if not os.environ.get("SECRET_KEY") and not SERVING & set(sys.argv[1:2]):
        # Commands that serve nothing (migrate, import_articles, export...) need no lasting secret: a
        # random one per run signs nothing that outlives it. Serving (wsgi.py, runserver) still needs one.
        os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
