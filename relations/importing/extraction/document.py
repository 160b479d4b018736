"""Build the analysed document: cleaned text, header, sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from .header import Header, parse_header
from .text import Sentence, clean, normalize, paragraphs, split_sentences, unwrap


@dataclass(slots=True)
class Article:
    original: str
    clean: str
    header: Header
    sentences: list[Sentence] = field(default_factory=list)

    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind == "body"]


def build(text: str) -> Article:
    normalized = normalize(text)
    cleaned = clean(text)
    head = parse_header(normalized)
    sentences: list[Sentence] = []
    if head.title_span:
        a, b = head.title_span
        sentences.append(Sentence(a, b, cleaned[a:b], kind="title"))
    for a, b in head.caption_spans:
        while b > a and cleaned[b - 1].isspace():
            b -= 1
        sentences.append(Sentence(a, b, cleaned[a:b], kind="caption"))
    para = 0
    lead_done = False
    body = [
        (a, b)
        for a, b in paragraphs(cleaned, head.body_start)
        if not (head.title_span and a <= head.title_span[0] < b)
        and not any(ca <= a < cb for ca, cb in head.caption_spans)
    ]
    cleaned, body = unwrap(cleaned, body)
    for a, b in body:
        para += 1
        for sa, sb in split_sentences(cleaned, a, b):
            s = Sentence(sa, sb, cleaned[sa:sb], paragraph=para)
            if not lead_done:
                s.lead = True
                lead_done = True
            sentences.append(s)
    sentences.sort(key=lambda s: s.start)
    for i, s in enumerate(sentences):
        s.index = i
    return Article(text, cleaned, head, sentences)
