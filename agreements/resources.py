"""The contract resource of agreements (``manage.py export``, the admin)."""

from agreements.exports import AgreementReport
from agreements.models import Agreement
from relations.editorial.exports import report_resource

AgreementResource = report_resource(
    AgreementReport, Agreement, name="AgreementResource", module=__name__,
    imports={"title": "title", "kind": "kind", "state": "state"},
)  # fmt: skip
