from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language
from django_countries import countries


def collection(request):
    """The pair of countries the collection covers (COLLECTION_COUNTRIES), named for templates."""
    return {"collection": _collection(tuple(settings.COLLECTION_COUNTRIES), get_language() or "")}


@lru_cache(maxsize=16)
def _collection(codes: tuple[str, ...], language: str) -> dict:
    """Named once per setting and language: every page of the site asks."""
    names = [str(countries.name(code) or code) for code in codes]
    return {
        "codes": list(codes),
        "names": names,
        "site_name": f"{'–'.join(names)} Contacts",
        "pair": " and ".join(names),
        "mark": " · ".join(codes),
    }
