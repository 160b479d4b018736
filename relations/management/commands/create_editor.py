"""``manage.py create_editor NAME``: a staff account in the Editor group (``--role publisher``: Publisher)."""

import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

ROLES = {"editor": "Editor", "publisher": "Publisher"}
ARTICLE = {"editor": "an", "publisher": "a"}
WHAT = {
    "editor": "checks and corrects imported records and submits them for review",
    "publisher": "does what an editor does, and publishes, unpublishes, archives and merges",
}


class Command(BaseCommand):
    help = "Create (or give a role to) an admin account: an Editor, or with --role publisher a Publisher."
    role = "editor"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Asked for when not given (twice, not echoed).")
        parser.add_argument("--role", choices=sorted(ROLES), default=self.role)

    def handle(self, *args, username, email, password, role, **options):
        group = Group.objects.filter(name=ROLES[role]).first()
        if group is None:
            raise CommandError(f"The {ROLES[role]} group is missing: run `manage.py migrate` first.")
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        if created or password:
            password = password or self.ask_password()
            try:
                validate_password(password, user)
            except ValidationError as error:
                if created:
                    user.delete()
                raise CommandError(" ".join(error.messages)) from error
            user.set_password(password)
        user.is_staff = True
        user.save()
        user.groups.remove(*Group.objects.filter(name__in=ROLES.values()).exclude(pk=group.pk))
        user.groups.add(group)
        verb = "Created" if created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {username!r}: {ARTICLE[role]} {ROLES[role]}, who {WHAT[role]}.")
        )

    def ask_password(self) -> str:
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        if not first:
            raise CommandError("A password is needed.")
        return first
