from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from agreements.models import Agreement
from people.models import Official, Organization
from relations.editorial import workflow
from relations.models import Delegation, Meeting

CURATED = (Organization, Official, Delegation, Meeting, Agreement)


class Command(BaseCommand):
    help = (
        "Demo set-up: an administrator account, and the imported drafts published through the editors' "
        "workflow, the first time only (a second run changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="admin-demo-password")
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, password, email, **options):
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "is_staff": True, "is_superuser": True}
        )
        if created:
            admin.set_password(password)
            admin.save()
            self.stdout.write(self.style.SUCCESS(f"Created the administrator {username!r}."))
        if any(model.objects.published().exists() for model in CURATED):
            self.stdout.write("Records were published before: leaving the editors' work as it is.")
        else:
            for model in CURATED:
                count = workflow.publish(model.objects.filter(status="draft"), by=admin)
                self.stdout.write(f"Published {count} {model._meta.verbose_name_plural}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  user {username!r}"
                + (f", password {password!r}" if created else " (password unchanged)")
            )
        )
