"""Posting admin forms as a browser would: everything the page shows, with the changes a test makes; and
signing in to the admin in a real browser."""

import re

from django.db.models import Model
from django.urls import reverse

from tests.admin.conftest import PASSWORD


def _put(data: dict, bound_field) -> None:
    value = bound_field.field.prepare_value(bound_field.value())
    name = bound_field.html_name
    if value is None:
        return
    if isinstance(value, bool):
        if value:
            data[name] = "on"
    elif isinstance(value, list | tuple):
        data[name] = [str(v) for v in value]
    else:
        data[name] = str(value)


def form_data(response) -> dict:
    """The POST data of the admin change (or add) form in ``response``, as rendered."""
    data = {}
    for bound_field in response.context["adminform"].form:
        _put(data, bound_field)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for bound_field in formset.management_form:
            _put(data, bound_field)
        for form in formset.forms:
            for bound_field in form:
                _put(data, bound_field)
    return data


def change_url(obj: Model) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def changelist_url(model) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def post_change(client, obj: Model, **changes):
    """Open the record's change page, edit ``changes``, post it; returns the response."""
    page = client.get(change_url(obj))
    assert page.status_code == 200, page.status_code
    data = form_data(page)
    data.update(changes)
    return client.post(change_url(obj), data)


def action(client, model, name: str, objects) -> object:
    """Run a changelist action on ``objects``."""
    return client.post(
        changelist_url(model), {"action": name, "_selected_action": [str(o.pk) for o in objects]}
    )


def log_in(page, base: str, username: str, next_url: str = "/admin/review/") -> None:
    """Sign in on the admin's login page in the browser, and wait until ``next_url`` has opened."""
    page.goto(f"{base}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(rf"{re.escape(base + next_url)}$"))
