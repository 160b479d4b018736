"""``manage.py create_publisher NAME``: a staff account in the Publisher group."""

from relations.management.commands.create_editor import Command as CreateEditor


class Command(CreateEditor):
    help = "Create (or give the role to) an admin account in the Publisher group."
    role = "publisher"
