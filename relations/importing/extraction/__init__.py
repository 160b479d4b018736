"""Extract officials, organisations, delegations, meetings and agreements from one article's text.

Pure: no database, no network (the gazetteer's data ships in its package). ``extract(text)`` returns a
:class:`relations.importing.proposals.Extraction` whose records cite the sentences they came from.

It runs in named stages, each a module with its own tests:

1. sentences (``document``, ``header``, ``text``): the cleaned text, its header, dateline and sentences;
2. mentions (``mentions``, ``countries``, ``places``, ``dates``, ``articledate``): countries, cities
   and dates, resolved against the publication date;
3. people and organizations (``people``, ``names``, ``titles``, ``organizations``): who is named, with
   which titles and bodies, and every later reference to them;
4. event frames (``delegations``, ``meetings``, ``agreements``): who visited, received, met, called,
   held talks or signed, where and when;
5. records (``records``): frames joined into delegations, meetings and agreements;
6. linking (``linking``): places, sending bodies, organizations' countries and sources, agreements'
   events, signing dates and parties;
7. proposals (``proposing``): the records as proposals for the writer.
"""

from __future__ import annotations

from ..proposals import Extraction
from . import linking, mentions, proposing, records
from .document import build
from .organizations import OrgRegistry
from .people import People

__all__ = ["extract"]


def extract(text: str) -> Extraction:
    """Everything the article says about official contacts, as proposals for the editors."""
    art = build(text)  # 1. sentences
    found = mentions.find(art)  # 2. mentions
    orgs = OrgRegistry()
    people = People(art.sentences, orgs)  # 3. people and organizations
    recs = records.assemble(art, people, orgs, found)  # 4-5. event frames, records
    linking.link(art, people, orgs, recs, found.dates.main)  # 6. linking
    return proposing.propose(art, people, orgs, found, recs)  # 7. proposals
