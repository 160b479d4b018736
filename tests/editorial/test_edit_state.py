"""EditorialAdmin.edit_state(): one state per request, passed from hook to hook, gone with the request."""

import gc

from django.contrib import admin
from django.test import RequestFactory

from relations.editorial.admin import EditState


def model_admin():
    from relations.models import Delegation

    return admin.site._registry[Delegation]


def test_it_keeps_one_state_per_request():
    admin_, factory = model_admin(), RequestFactory()
    first, second = factory.get("/"), factory.get("/")
    admin_.edit_state(first).transition = ("publish", 1)
    assert admin_.edit_state(first).transition == ("publish", 1)
    assert admin_.edit_state(second) == EditState()
    assert not hasattr(first, "_editorial_transition")


def test_it_lets_the_state_go_with_its_request():
    admin_ = model_admin()
    request = RequestFactory().get("/")
    admin_.edit_state(request).recovering = True
    gc.collect()  # requests of earlier tests that only the cycle collector frees must not count below
    held = len(admin_._edit_states)
    del request
    gc.collect()
    assert len(admin_._edit_states) == held - 1
