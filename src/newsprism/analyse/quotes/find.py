"""Find direct quotes in one text and the words that name their speaker.

Pure text work (no model): quote marks (straight, curly, PTB ``\\`\\` ''``), a
speech cue next to the quote ("X said", "said X", "X told ...", "according to
X", "he continued:"), and two newsroom conventions for quotes without a cue of
their own: a paragraph that opens a quote without closing it continues into the
next paragraph (same speaker), and a second quote in a paragraph belongs to the
speaker named for the first. Pronouns and roles are left as written; resolving
them to a person is :mod:`.speakers`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_OPEN = {"“": "”", '"': '"', "``": "''", "„": "“"}
_CLOSERS = ("”", '"', "''", "“")
_MARK = re.compile(r"``|''|[“”\"„]")
# Speech verbs, by lemma: the -s, past and -ing forms are cues ("notes", "noted",
# "noting"). Not the bare form: "In one tweet", "Asked to describe" name no speaker.
# Verbs that are as often nouns ("report", "state", "post", "comment") are listed only
# in the forms that are rarely nouns.
_SPEECH_LEMMAS = (
    "add acknowledge admit agree allege announce argue ask assert boast caution chime "
    "clarify complain concede conclude confide confirm continue contend declare demand deny "
    "describe echo emphasise emphasize exclaim explain insist joke lament maintain muse note "
    "observe plead predict proclaim quip recall recount reiterate remark reply respond retort "
    "scream shout stress suggest tweet urge vow warn whisper yell").split()
_DOUBLED = {"admit", "quip"}
_IRREGULAR = ("say says said saying tell tells told telling write writes wrote writing "
              "sing sings sang stated states reported reports posted claimed claims "
              "commented countered repeated promised testified")


def _inflections(lemma: str) -> list[str]:
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", (lemma if lemma.endswith("ee") else lemma[:-1]) + "ing"]
    double = lemma[-1] if lemma in _DOUBLED else ""
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "o")) else "s")
    return [plural, lemma + double + "ed", lemma + double + "ing"]


CUES = "|".join(
    sorted({w for lemma in _SPEECH_LEMMAS for w in _inflections(lemma)} | set(_IRREGULAR.split()),
           key=lambda w: (-len(w), w))
) + r"|(?:has|had)\s+said|went\s+on|pointed\s+out|shot\s+back|told\s+reporters"
_CUE = re.compile(rf"\b(?:{CUES})\b")
_PRONOUNS = {"he", "she", "they", "it", "who", "which", "we", "i"}
_NP_WORD = r"[A-Za-z][\w.’'-]*"
# Speaker after the quote: ', Gantz said' / ', the Turkish defence chief said' /
# ', Gantz, the first ... official ..., said'. The NP may not contain sentence punctuation.
_AFTER_NP_CUE = re.compile(
    rf"^[\s,]*(?P<spk>(?:{_NP_WORD}\s+){{0,7}}?{_NP_WORD})\s*(?:,[^“”\"]{{1,120}}?,\s*)?"
    rf"(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?P<cue>{CUES})\b")
_AFTER_CUE_NP = re.compile(
    rf"^[\s,]*(?P<cue>{CUES}|according\s+to)\s+"
    rf"(?P<spk>(?:{_NP_WORD}\s+){{0,6}}?{_NP_WORD})(?=\s*[,.;:]|\s+(?:in|on|at|during|after|"
    rf"who|from|of|to)\b|\s*$)")
_BEFORE_CUE = re.compile(rf"(?P<cue>\b(?:{CUES}|according\s+to)\b)(?P<tail>[^“”\"]{{0,70}}?)"
                         rf"\s*[,:]?\s*(?:that\s*)?$")
_NP_BEFORE = re.compile(
    rf"(?P<spk>(?:(?:the|The|a|A|an|An|One|one)\s+)?(?:{_NP_WORD}\s+){{0,5}}?{_NP_WORD})"
    rf"\s*(?:,[^,“”\"]{{1,80}},\s*)?(?:also\s+|then\s+|later\s+|has\s+|had\s+)?$")
_SUBJECT = re.compile(r"^\s*(?P<spk>[Hh]e|[Ss]he|[Tt]hey|(?:[A-Z][\w.’'-]*\s+){0,4}"
                      r"[A-Z][\w.’'-]*)\b")
_CITED = re.compile(rf"\b(?:cited|quoted)\s+(?P<spk>(?:{_NP_WORD}\s+){{0,6}}?{_NP_WORD})"
                    r"(?:,[^,“”\"]{1,80},)?\s+as\s+(?:saying|telling)\b")
# Indirect speech: 'Gantz, for his part, said the two countries must ...'
INDIRECT = re.compile(
    rf"^(?:[^,]{{0,60}},\s*)?(?P<spk>[Hh]e|[Ss]he|(?:the\s+|The\s+)?(?:{_NP_WORD}\s+){{0,5}}?"
    rf"{_NP_WORD})\s*(?:,[^,]{{1,60}},\s*)?(?:also\s+)?(?:said|says|told|added|stressed|noted|"
    rf"argued|warned|insisted|explained|highlighted|emphasi[sz]ed)\b")
# The attribution that closes an indirect-speech sentence: '..., his secretary, Edna Poehner,
# said Friday.' / '..., Godal said.'
REPORTED_BY = re.compile(
    rf",\s*(?P<spk>(?:{_NP_WORD},?\s+){{0,6}}?{_NP_WORD}),?\s+(?:said|says|added|told\s+\w+)"
    rf"(?:\s+\w+){{0,2}}\.?\s*$")
_INITIAL = re.compile(r"(?:\b[A-Z]\.|\b(?:Jr|Sr|Dr|St)\.)$")
# A byline-style attribution: '“...” ― Carla Sanchez'
_AFTER_DASH = re.compile(r"^[\s,]*[―—–]\s*(?P<spk>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]*)")
_TAIL_NP = re.compile(rf"\s*(?P<spk>(?:{_NP_WORD}\s+){{0,6}}?{_NP_WORD})\s*,?\s*$")
# A full stop ends a sentence, but not after a title or an initial ("Mr. Podesta said").
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)"
                           r"(?<!\bGov)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bProf)(?<!\b[A-Z])"
                           r"[.!?](?=\s+[A-Z“\"])")
_LOWER_STOP = {"the", "a", "an", "and", "but", "or", "as", "in", "on", "at", "to", "for", "of",
               "during", "after", "while", "when", "with", "that", "this", "also", "then"}


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A direct quote: ``text[start:end]`` is its wording, without the marks.

    ``speaker`` is the speaker as written (a name, "he", "the defence chief"),
    at ``text[speaker_start:speaker_end]``; None when no cue names one.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    paragraph: int = 0
    open_ended: bool = False  # no closing mark: the quote runs on into the next paragraph
    inherited: bool = False  # speaker taken from a neighbouring quote, not from a cue


def find_quotes(text: str, min_words: int) -> list[RawQuote]:
    """Direct quotes of ``text`` of at least ``min_words`` words, in order, each with the
    speaker mention when one is found."""
    quotes: list[RawQuote] = []
    paragraphs = _paragraphs(text)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        spans = _quote_spans(text, p_start, p_end)
        for i, (os, oe, s, e, open_ended) in enumerate(spans):
            prev_end = spans[i - 1][1] if i else p_start
            next_start = spans[i + 1][0] if i + 1 < len(spans) else p_end
            q = RawQuote(s, e, os, oe, paragraph=p_index, open_ended=open_ended)
            q = _attribute(text, q, prev_end, next_start, p_start)
            if q.speaker is None and i == 0 and p_index:
                q = _lead_in_paragraph(text, q, paragraphs[p_index - 1])
            quotes.append(q)
    # a short first part still names the speaker of the rest ('"Safety," said Grimm. "..."')
    return [q for q in _inherit(quotes) if len(text[q.start:q.end].split()) >= min_words]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _is_opening(text: str, i: int, p_start: int) -> bool:
    """A straight mark opens a quote only where a word starts after it."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:,") and not after.isspace()


def _quote_spans(text: str, p_start: int, p_end: int) -> list[tuple[int, int, int, int, bool]]:
    """(outer start, outer end, inner start, inner end, open-ended) of each quote in a paragraph."""
    spans = []
    pos = p_start
    while True:
        m = _MARK.search(text, pos, p_end)
        if not m:
            return spans
        mark = m.group()
        if mark in ("”", "''") or (mark == '"' and not _is_opening(text, m.start(), p_start)):
            pos = m.end()  # a stray closing mark: skip it
            continue
        close = _MARK.search(text, m.end(), p_end)
        while close and close.group() in ("``", "„"):
            close = _MARK.search(text, close.end(), p_end)
        if close is None:  # newsroom style: an unclosed quote runs to the paragraph's end
            spans.append((m.start(), p_end, m.end(), _rstrip(text, m.end(), p_end), True))
            return spans
        spans.append((m.start(), close.end(), m.end(), _rstrip(text, m.end(), close.start()),
                      False))
        pos = close.end()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return end


def _attribute(text: str, q: RawQuote, prev_end: int, next_start: int, p_start: int) -> RawQuote:
    after = text[q.outer_end:next_start]
    cut = _SENTENCE_END.search(after)
    after_start = q.outer_end
    after = after[: cut.start()] if cut else after
    cited = _CITED.search(after) or _CITED.search(text, prev_end, q.outer_start)
    if cited and _speaker_ok(cited.group("spk")):  # '"...," AP cited X as saying'
        base = after_start if cited.string is after else 0
        return _with_speaker(q, text, base + cited.start("spk"), base + cited.end("spk"))
    for pattern in (_AFTER_NP_CUE, _AFTER_CUE_NP, _AFTER_DASH):
        m = pattern.match(after)
        if m and _speaker_ok(m.group("spk")):
            return _with_speaker(q, text, after_start + m.start("spk"), after_start + m.end("spk"))
        if m and pattern is _AFTER_NP_CUE:
            # '"...," union leader Karel Stavik said' / ', its spokesman, Erik Malm, said':
            # a lower-case role before the name; the speaker is the last name before the cue.
            name = _last_name(after, m.start("spk"), m.start("cue"))
            if name is not None:
                return _with_speaker(q, text, after_start + name[0], after_start + name[1])
    before = _attribute_before(text, q, prev_end)
    if before.speaker is None and _continues(text, q):
        return _attribute_any_verb(text, q, after, after_start)
    return before


# '"...," Toomey fumed on Tuesday': after a quote that ends inside its marks with a comma,
# question or exclamation mark, the sentence goes on with who said it, whatever the verb.
_AFTER_NP_VERB = re.compile(
    rf"^[\s,]*(?P<spk>(?:(?:the|a|an)\s+)?(?:{_NP_WORD}\s+){{0,5}}?{_NP_WORD})"
    rf"\s+(?:also\s+|later\s+|then\s+|simply\s+)?(?P<cue>[a-z]{{3,}}(?:ed|es|s))\b")


def _continues(text: str, q: RawQuote) -> bool:
    """The quote's last mark is preceded by ',', '?' or '!': its sentence is not over."""
    inner = text[q.start:q.outer_end].rstrip("”\"' ")
    return inner.endswith((",", "?", "!", "?'", "!'"))


def _attribute_any_verb(text: str, q: RawQuote, after: str, after_start: int) -> RawQuote:
    m = _AFTER_NP_VERB.match(after)
    if m is None or not _speaker_ok(m.group("spk")):
        return q
    if any(w.lower() in _LOWER_STOP - {"the", "a", "an"} for w in m.group("spk").split()):
        return q
    return _with_speaker(q, text, after_start + m.start("spk"), after_start + m.end("spk"))


_NAME_RUN = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}")


def _last_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the last run of capitalised words in ``text[start:end]``, if any."""
    runs = list(_NAME_RUN.finditer(text, start, end))
    return (runs[-1].start(), runs[-1].end()) if runs else None


def _attribute_before(text: str, q: RawQuote, prev_end: int) -> RawQuote:
    """Speaker named in the lead-in: 'X said: "', 'He continued, "', 'according to X, "'."""
    clause_start = prev_end
    for m in _SENTENCE_END.finditer(text, prev_end, q.outer_start):
        clause_start = m.end()
    clause = text[clause_start:q.outer_start]
    cue = _BEFORE_CUE.search(clause)
    if cue is None:
        return _colon_lead_in(text, q, clause, clause_start)
    if cue.group("cue").startswith("according"):
        m = _TAIL_NP.match(cue.group("tail"))
        if m and _speaker_ok(m.group("spk")):
            at = clause_start + cue.start("tail") + m.start("spk")
            return _with_speaker(q, text, at, at + len(m.group("spk")))
        return q
    pre = clause[: cue.start()]
    m = _NP_BEFORE.search(pre)
    if m and _speaker_ok(m.group("spk")):
        spk_start, spk_end = _trim_np(text, clause_start + m.start("spk"),
                                      clause_start + m.end("spk"))
        if spk_end > spk_start:
            return _with_speaker(q, text, spk_start, spk_end)
    m = _SUBJECT.match(clause)  # "He said it is no secret ..., but continued: "
    if m and _speaker_ok(m.group("spk")):
        return _with_speaker(q, text, clause_start + m.start("spk"), clause_start + m.end("spk"))
    return q


# 'Williamson concludes: "' / 'The presidential candidate reiterated: "': a colon after
# a subject and its verb introduces what the subject said, whatever the verb.
_BEFORE_ANY_VERB = re.compile(
    rf"(?P<spk>(?:(?:the|The|a|A)\s+)?(?:{_NP_WORD}\s+){{0,5}}?{_NP_WORD})\s+"
    rf"(?:[a-z]+ly\s+)?(?P<cue>[a-z]{{3,}}(?:ed|es|s))\b[^“”\"]{{0,60}}?:\s*$")


def _colon_lead_in(text: str, q: RawQuote, clause: str, clause_start: int) -> RawQuote:
    m = _BEFORE_ANY_VERB.search(clause)
    if m is None:
        return q
    start, end = _trim_np(text, clause_start + m.start("spk"), clause_start + m.end("spk"))
    np = text[start:end]
    if end <= start or not _speaker_ok(np) or \
            any(w.lower() in _LOWER_STOP - {"the", "a", "an"} for w in np.split()):
        return q
    return _with_speaker(q, text, start, end)


def _lead_in_paragraph(text: str, q: RawQuote, previous: tuple[int, int]) -> RawQuote:
    """'Caddell continued:' alone in the paragraph before the quote names its speaker."""
    start, end = previous
    if not text[start:end].rstrip().endswith(":") or len(text[start:end]) > 200:
        return q
    lead = replace(q, outer_start=end)
    found = _attribute_before(text, lead, start)
    return replace(q, speaker=found.speaker, speaker_start=found.speaker_start,
                   speaker_end=found.speaker_end)


def _trim_np(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading lower-case function words so 'and Gantz' gives 'Gantz'."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and words[0].group().lower() in _LOWER_STOP - {"the", "a", "an"}:
        words.pop(0)
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def _speaker_ok(np: str) -> bool:
    """A plausible speaker: a pronoun, a capitalised name, or a determiner phrase."""
    words = np.split()
    if not words or len(words) > 8:
        return False
    first = words[0]
    if first.lower() in _PRONOUNS:
        return len(words) == 1
    if first.lower() in {"it", "this", "that", "there"}:
        return False
    return first[0].isupper() or first.lower() in {"the", "a", "an", "one", "his", "her",
                                                   "their", "sources", "officials", "police",
                                                   "another", "some", "several", "many", "two"}


def _with_speaker(q: RawQuote, text: str, start: int, end: int) -> RawQuote:
    while end > start + 1 and text[end - 1] in ".,;:" and not _INITIAL.search(text, start, end):
        end -= 1  # the sentence's full stop, not an abbreviation like "U.S."
    return replace(q, speaker=text[start:end], speaker_start=start, speaker_end=end)


def _inherit(quotes: list[RawQuote]) -> list[RawQuote]:
    """Give cue-less quotes the speaker of the quote they continue (see module docstring)."""
    out = list(quotes)
    for i, q in enumerate(out):
        if q.speaker is not None:
            continue
        donor = _donor(out, i)
        if donor is not None:
            out[i] = replace(q, speaker=donor.speaker, speaker_start=donor.speaker_start,
                             speaker_end=donor.speaker_end, inherited=True)
    return out


def _donor(quotes: list[RawQuote], i: int) -> RawQuote | None:
    q = quotes[i]
    same_para = [o for o in quotes if o.paragraph == q.paragraph and o.speaker and not o.inherited]
    if same_para:
        before = [o for o in same_para if o.start < q.start]
        return before[-1] if before else same_para[0]
    if q.open_ended:  # the speaker is named when the quote finally closes, next paragraph
        nxt = [o for o in quotes[i + 1:] if o.paragraph == q.paragraph + 1]
        if nxt and nxt[0].speaker:
            return nxt[0]
    prev = [o for o in quotes[:i] if o.paragraph == q.paragraph - 1]
    if prev and prev[-1].open_ended and prev[-1].speaker:
        return prev[-1]
    return None
