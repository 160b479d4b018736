"""Factories for every model; tests build their own data with these."""

import datetime
import hashlib

import factory
from django.contrib.contenttypes.models import ContentType

from agreements.models import Agreement
from people.models import Official, OfficialAlias, Organization, Position
from relations.models import Article, Citation, Delegation, Meeting


def cite(record, article: Article, quote: str, fields=()) -> Citation:
    """``article`` cites ``record`` with ``quote``, the first place it stands in the text."""
    start = article.text.index(quote)
    return Citation.objects.create(
        article=article,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        quote=quote,
        start=start,
        end=start + len(quote),
        fields=list(fields),
    )


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    key = factory.Sequence(lambda n: f"article-{n:04d}")
    title = factory.Sequence(lambda n: f"Delegation visit number {n}")
    text = factory.LazyAttribute(lambda o: f"{o.title}. A delegation visited and the two sides met.")
    published_on = datetime.date(2019, 8, 7)
    date_precision = "day"
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())
    source_url = factory.LazyAttribute(lambda o: f"https://news.example.org/{o.key}")


class EditorialFactory(factory.django.DjangoModelFactory):
    """The fields every curated record shares; its many-to-many and citations are set after the save."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    status = "draft"
    confidence = 0.8

    @factory.post_generation
    def cited_in(obj, create, extracted, **kwargs):
        """cited_in=article (or a list): cite the article's first sentence."""
        if not create or not extracted:
            return
        for article in extracted if isinstance(extracted, list | tuple) else [extracted]:
            cite(obj, article, article.text[: article.text.find(".") + 1 or len(article.text)])


class OrganizationFactory(EditorialFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Ministry of Affairs {n}")
    country = "VN"
    kind = "ministry"


class OfficialFactory(EditorialFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Nguyễn Văn Số {n}")
    country = "VN"


class OfficialAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialAlias

    official = factory.SubFactory(OfficialFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    official = factory.SubFactory(OfficialFactory)
    title = "Minister of Home Affairs"
    organization = factory.SubFactory(OrganizationFactory)


def added_to(field: str, record_factory) -> factory.PostGeneration:
    """A many-to-many set after the record is made: ``field=3`` adds three new records (made by
    ``record_factory``, with the record's status), ``field=[...]`` adds those."""

    def add(obj, create, extracted, **kwargs):
        if not create or not extracted:
            return
        if isinstance(extracted, int):
            extracted = record_factory.create_batch(extracted, status=obj.status)
        getattr(obj, field).add(*extracted)

    return factory.PostGeneration(add)


class DelegationFactory(EditorialFactory):
    class Meta:
        model = Delegation

    from_country = "VN"
    to_country = "RU"
    head = factory.SubFactory(OfficialFactory, status=factory.SelfAttribute("..status"))
    start_date = datetime.date(2019, 8, 4)
    start_precision = "day"
    end_date = datetime.date(2019, 8, 10)
    end_precision = "day"
    place = "Moscow"

    members = added_to("members", OfficialFactory)


class MeetingFactory(EditorialFactory):
    class Meta:
        model = Meeting

    date = datetime.date(2019, 8, 7)
    date_precision = "day"
    place = "Moscow"

    participants = added_to("participants", OfficialFactory)


class AgreementFactory(EditorialFactory):
    class Meta:
        model = Agreement

    title = factory.Sequence(lambda n: f"Cooperation agreement number {n}")
    kind = "agreement"
    state = "signed"
    signed_on = datetime.date(2019, 8, 7)
    signed_precision = "month"
    period_start = 2019
    period_end = 2022

    parties = added_to("parties", OrganizationFactory)


def bodies_with_duplicates() -> None:
    """Seven bodies: two pairs that are one body under two names, three near misses that are not."""
    for name, country in [
        ("Ministry of Home Affairs", "VN"),
        ("Ministry of Home Affairs of Vietnam", "VN"),
        ("Ministry of Foreign Affairs", "VN"),
        ("Security Council of Russia", "RU"),
        ("Security Council of the Russian Federation", "RU"),
        ("Party Committee of the Central", "VN"),
        ("Central Committee of the Communist Party", "VN"),
    ]:
        OrganizationFactory(name=name, country=country, acronym="")
