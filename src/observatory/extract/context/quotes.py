"""Direct quotes with their speakers. Owner: context/actors+quotes.

Quotation marks are paired per paragraph (curly “ ” and straight " alike). A paragraph that
opens a quote and never closes it continues into the next paragraph when that one opens with a
quote mark again (news style for multi-paragraph quotes); otherwise the quote ends with its
paragraph. Scare quotes are skipped: a quoted phrase of fewer than `MIN_INLINE_WORDS` words that
sits inside running text (“individual actions”) is a term being distanced, not speech; a short
quote that opens its paragraph or follows a colon ("They left nobody," he said) is kept.
Speakers are resolved in `quote_speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from observatory.extract.context.actor_sentences import paragraphs_of, sentences_of
from observatory.extract.context.quote_speakers import SpeakerResolver, prefetch_parses
from observatory.extract.document import ParsedDocument
from observatory.models import Quote

if TYPE_CHECKING:
    from spacy.language import Language

MIN_INLINE_WORDS = 4
_OPEN, _CLOSE = "“", "”"
_MARK = re.compile(f'[{_OPEN}{_CLOSE}"]')


@dataclass
class QuoteSpan:
    parts: list[tuple[int, int]]  # (start, end) of the quoted text in each paragraph, marks excluded
    open_mark: int  # offset of the first opening mark
    close_mark: int | None  # offset of the final closing mark (None: ended with its paragraph)
    paragraph: int  # index of the last paragraph the quote reaches

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass
class QuoteJob:
    """One document's quotes and the resolver that already holds the parses they need."""

    resolver: SpeakerResolver
    spans: list[QuoteSpan]


def prepare_quotes(parsed_docs: list[ParsedDocument], nlp: Language) -> list[QuoteJob]:
    """Find the quotes of several documents and parse what their speakers need in shared batches."""
    jobs = []
    for parsed in parsed_docs:
        text = parsed.text
        spans = [s for s in quote_spans(text, paragraphs_of(parsed)) if not is_scare_quote(text, s)]
        jobs.append(QuoteJob(SpeakerResolver(parsed, sentences_of(parsed), nlp), spans))
    prefetch_parses([(job.resolver, list(job.spans)) for job in jobs], nlp)
    return jobs


def find_quotes(parsed: ParsedDocument, nlp: Language, job: QuoteJob | None = None) -> list[Quote]:
    """Quotes with speakers; `job` comes from `prepare_quotes` when a batch was prepared."""
    text = parsed.text
    job = job or prepare_quotes([parsed], nlp)[0]
    resolver, spans = job.resolver, job.spans
    quotes: list[Quote] = []
    previous: tuple[QuoteSpan, str | None, str | None] | None = None
    for span in spans:
        speaker, role = resolver.resolve(span)
        if speaker is None and previous is not None and _continues(previous[0], span, text):
            speaker, role = previous[1], previous[2]
        previous = (span, speaker, role)
        body = "\n".join(text[s:e] for s, e in span.parts).strip().rstrip(",").strip()
        if not body:
            continue
        quotes.append(Quote(
            id=f"{parsed.input.id}-q{span.start}-{span.end}", doc=parsed.input.id,
            span=(span.start, span.end), text=body, speaker=speaker, speaker_role=role,
            outlet=parsed.input.outlet,
        ))
    return quotes


def _continues(prev: QuoteSpan, span: QuoteSpan, text: str) -> bool:
    """An unattributed quote right after another one is the same speaker: it follows in the same
    paragraph, or opens the next one."""
    if span.paragraph == prev.paragraph:
        return True  # '"...," said X, a nurse. "More quote."'
    opens_paragraph = span.open_mark == 0 or text[span.open_mark - 1] == "\n"
    return opens_paragraph and span.paragraph == prev.paragraph + 1


def is_scare_quote(text: str, span: QuoteSpan) -> bool:
    if len(span.parts) > 1:
        return False
    words = len(text[span.start:span.end].split())
    if words >= MIN_INLINE_WORDS:
        return False
    line_start = text.rfind("\n", 0, span.open_mark) + 1
    before = text[line_start:span.open_mark].rstrip()
    return bool(before) and not before.endswith(":")


def _is_opening(text: str, i: int, para_start: int) -> bool:
    ch = text[i]
    if ch == _OPEN:
        return True
    if ch != '"':
        return False
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-:") and not nxt.isspace()


def _marks(text: str, start: int, end: int) -> list[tuple[int, bool]]:
    """(offset, is_opening) for every quotation mark of a paragraph."""
    return [(m.start(), _is_opening(text, m.start(), start)) for m in _MARK.finditer(text, start, end)]


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    carry: QuoteSpan | None = None  # a quote left open at the end of the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text, p_start, p_end)
        if carry is not None and not (marks and marks[0][0] == p_start and marks[0][1]):
            spans.append(carry)  # the next paragraph does not continue it: it ended with its paragraph
            carry = None
        open_at: int | None = None
        for pos, opening in marks:
            if open_at is None and opening:
                open_at = pos
            elif open_at is not None and not opening:
                part = (open_at + 1, pos)
                if carry is not None:
                    carry.parts.append(part)
                    carry.close_mark, carry.paragraph = pos, p_index
                    spans.append(carry)
                    carry = None
                else:
                    spans.append(QuoteSpan([part], open_at, pos, p_index))
                open_at = None
        if open_at is not None:
            part = (open_at + 1, p_end)
            if carry is not None:
                carry.parts.append(part)
                carry.paragraph = p_index
            else:
                carry = QuoteSpan([part], open_at, None, p_index)
    if carry is not None:
        spans.append(carry)
    return spans
