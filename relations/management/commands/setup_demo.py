from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError

from agreements.models import Agreement
from people.models import Official, Organization
from relations.editorial import workflow
from relations.models import Article, Citation, Delegation, Meeting

CURATED = (Organization, Official, Delegation, Meeting, Agreement)
DEFAULT_PASSWORD = "admin-demo-password"  # documented in the README: for a local demo (DEBUG on) only


# Events (not people or bodies, which other records name) of the last imported article stay drafts.
HELD = (Delegation, Meeting, Agreement)


def waiting_records() -> dict:
    """The delegations, meetings and agreements cited only by the last article (by key)."""
    last = Article.objects.order_by("-key").first()
    if last is None:
        return {}
    waiting = {}
    for model in HELD:
        kind = ContentType.objects.get_for_model(model)
        cited_here = set(
            Citation.objects.filter(article=last, content_type=kind).values_list("object_id", flat=True)
        )
        elsewhere = set(
            Citation.objects.filter(content_type=kind, object_id__in=cited_here)
            .exclude(article=last)
            .values_list("object_id", flat=True)
        )
        waiting[model] = cited_here - elsewhere
    return waiting


class Command(BaseCommand):
    help = (
        "Demo set-up: an administrator account, and the imported drafts published through the editors' "
        "workflow, but for the last article's events, left in the review queue; the first time only (a "
        "second run changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--password", default=DEFAULT_PASSWORD, help="Required, and not the default, when DEBUG is off."
        )
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, password, email, **options):
        User = get_user_model()
        if (
            password == DEFAULT_PASSWORD
            and not settings.DEBUG
            and not User.objects.filter(username=username).exists()
        ):
            raise CommandError(
                "DEBUG is off, and the default password is published in the README: "
                "give the administrator a password of its own with --password (or ADMIN_PASSWORD for make)."
            )
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
            waiting = waiting_records()
            for model in CURATED:
                drafts = model.objects.filter(status="draft").exclude(pk__in=waiting.get(model, ()))
                count = workflow.publish(drafts, by=admin)
                self.stdout.write(f"Published {count} {model._meta.verbose_name_plural}.")
            held = sum(len(pks) for pks in waiting.values())
            if held:
                self.stdout.write(
                    f"Left {held} record{'s' if held != 1 else ''} of the last article waiting in the "
                    "review queue (/admin/review/), to try the editors' workflow."
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  user {username!r}"
                + (f", password {password!r}" if created else " (password unchanged)")
            )
        )
