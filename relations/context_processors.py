from django.conf import settings
from django_countries import countries


def collection(request):
    """The pair of countries the collection covers (COLLECTION_COUNTRIES), named for templates."""
    codes = list(settings.COLLECTION_COUNTRIES)
    names = [countries.name(code) or code for code in codes]
    return {
        "collection": {
            "codes": codes,
            "names": names,
            "site_name": f"{'–'.join(names)} Contacts",
            "pair": " and ".join(names),
            "mark": " · ".join(codes),
        }
    }
