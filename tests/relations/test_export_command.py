"""``manage.py export`` as an attack: cells a spreadsheet would run come out neutralised, as the admin's
and the public exports write them."""

import csv
import io

import openpyxl
import pytest
from django.core.management import call_command

from relations.editorial.exports import neutralise
from tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


def run(*args) -> bytes:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    call_command("export", *args, stdout=out)
    return out.buffer.getvalue()


@pytest.mark.parametrize("fmt", ["CSV", "csv"])
def test_it_neutralises_every_formula_in_csv(fmt):
    for name in PAYLOADS:
        OfficialFactory(name=name)
    rows = list(
        csv.DictReader(io.StringIO(run(fmt, "people.resources.OfficialResource").decode().lstrip("\ufeff")))
    )
    assert sorted(r["name"] for r in rows) == sorted("'" + p for p in PAYLOADS)
    assert sorted(r["name"] for r in rows) == sorted(neutralise(p) for p in PAYLOADS)


def test_it_neutralises_every_formula_in_xlsx(tmp_path):
    for name in PAYLOADS:
        OfficialFactory(name=name)
    path = tmp_path / "officials.xlsx"
    path.write_bytes(run("XLSX", "people.resources.OfficialResource"))
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    names = [row[header.index("name")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # XLSX keeps a carriage return as a line feed; every cell still starts with the apostrophe.
    assert sorted(n.replace("\n", "\r") for n in names) == sorted("'" + p for p in PAYLOADS)
