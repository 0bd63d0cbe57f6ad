"""The history veto: a self-harm or crisis word told as history that is over, not come back.

``recovered_history`` drops a match when the message tells it as over (a past marker with a
recovery marker, a distant marker, or a year long gone) and nothing says it has returned: a
return marker outside the match, a "want to" that is not about talking, "still", "right
now", "this time", or "again" about the writer. Its words are in ``coach.safety.history_words``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span

from coach.nlp.vetoes import anywhere, outside_the_match
from coach.safety.history_words import DISTANT_MARKERS, PAST_MARKERS, RECOVERY_MARKERS, RETURN_MARKERS

# a return marker next to one of these is denied, not told: "not urges", "the urge hasn't come back"
_NEGATORS = frozenset({"not", "n't", "nt", "no", "never", "nothing", "nowhere", "without"})
_WANTING = ("want to", "wanna")
_told_as_past, _told_as_recovered, _told_as_distant = (
    anywhere(*PAST_MARKERS), anywhere(*RECOVERY_MARKERS), anywhere(*DISTANT_MARKERS))
# Two kinds of return marker are read with their context (stop 31): a fear is a sign of return only
# when it is the writer's ("i'm scared it's back"; not "he got scared", "now she's worried"), and a
# dark place only when it is not told in the past tense ("i was in a really dark place" is the history).
_FEARS = frozenset({"scared", "afraid", "terrified", "worried"})
_PLACES = ("dark place", "that place", "same place")
_SOMEONE_ELSE = frozenset({"he", "she", "they", "partner", "wife", "husband", "gf", "bf", "boyfriend", "girlfriend",
                           "mum", "mom", "dad", "family", "kids", "friends"})
_returns = outside_the_match(*(marker for marker in RETURN_MARKERS if marker not in _WANTING and marker not in _FEARS
                               and marker not in _PLACES), negators=_NEGATORS)
_in_a_place = outside_the_match(*_PLACES)


def _own_fear(span: Span) -> bool:
    """A fear word outside the match, not denied, and not someone else's (none of the three
    words before it names another person)."""
    doc = span.doc
    return any(token.lower_ in _FEARS and not span.start <= token.i < span.end
               and not _SOMEONE_ELSE.intersection(t.lower_ for t in doc[max(0, token.i - 3):token.i])
               and not _NEGATORS.intersection(t.lower_ for t in doc[max(0, token.i - 3):token.i + 4])
               for token in doc)


def _place_now(span: Span) -> bool:
    """A "dark place" (or "that place") outside the match, unless told in the past ("i was in a
    really dark place": a "was", "were" or "used" in the six words before it) or denied
    ("nowhere near that place")."""
    doc = span.doc
    if not _in_a_place(span):
        return False
    return any(token.lower_ == "place" and not span.start <= token.i < span.end
               and doc[token.i - 1].lower_ in ("dark", "that", "same")
               and not {"was", "were", "used"}.intersection(t.lower_ for t in doc[max(0, token.i - 6):token.i])
               and not _NEGATORS.intersection(t.lower_ for t in doc[max(0, token.i - 5):token.i + 3])
               for token in doc if token.i > 0)
# a "want to" about talking is not the urge come back ("i just want to talk about him")
_TALKING = frozenset({"talk", "tell", "vent", "chat", "share", "ask", "explain", "say", "rant", "discuss", "know",
                      "understand", "focus", "work", "fix", "rebuild", "learn", "sort"})


def _wants_it_back(span: Span) -> bool:
    """A "want to" / "wanna" outside the match, not denied (no negator within three words) and
    not about talking: each occurrence is judged on its own."""
    words = ["" if span.start <= token.i < span.end else token.lower_ for token in span.doc]
    for i, word in enumerate(words):
        if word == "wanna":
            end = i + 1
        elif word == "want" and words[i + 1:i + 2] == ["to"]:
            end = i + 2
        else:
            continue
        if words[end:end + 1] and words[end] in _TALKING:
            continue
        if not _NEGATORS.intersection(words[max(0, i - 3):i] + words[end:end + 3]):
            return True
    return False


def _told_as_back(span: Span) -> bool:
    """A sign the history has come back: a return marker outside the match, not denied."""
    return _returns(span) or _wants_it_back(span) or _own_fear(span) or _place_now(span)


# return markers that say it is here now even next to a negation ("i still don't want to
# live", "not ok right now"): read apart from the others, with no negation test
_now_or_this_time = outside_the_match("right now", "this time")
# "still" about the help kept up is not the history still here ("i still see the same psychiatrist")
_HELPERS = frozenset({"therapist", "psychiatrist", "psychologist", "counsellor", "counselor", "gp", "doctor", "nurse",
                      "group", "meetings", "support", "therapy", "counselling", "counseling"})
# nor is "still" about the couple's work on the rest ("thats the bit we're still untangling")
_WORK_ON_US = frozenset({"untangling", "rebuilding", "working", "figuring", "sorting", "learning", "healing",
                         "processing", "unpacking"})


def _told_as_still_here(span: Span) -> bool:
    """A "still" outside the match (not one with a helper in the next four words: "still see
    the same psychiatrist", nor the couple's work on the rest next: "still untangling"), "right
    now" or "this time"."""
    doc = span.doc
    return _now_or_this_time(span) or any(
        token.lower_ == "still" and not span.start <= token.i < span.end
        and not any(later.lower_ in _HELPERS for later in doc[token.i + 1:token.i + 5])
        and not any(later.lower_ in _WORK_ON_US for later in doc[token.i + 1:token.i + 3])
        for token in doc)


_AGAIN_ABOUT_US = frozenset({"him", "her", "them", "us", "together", "other", "start", "try", "trust", "happy", "love",
                             # stop 27: "how do i start trusting again"
                             "trusting", "dating", "believing", "loving", "close", "closer", "normal", "talking"})


def _again_about_me(span: Span) -> bool:
    """True when "again" follows something of the writer's ("my tablets again"), not the couple ("trust him again")."""
    doc = span.doc
    return any(token.lower_ == "again" and token.i > 0 and doc[token.i - 1].lower_ not in _AGAIN_ABOUT_US
               for token in doc)


def _a_past_year(span: Span, years_back: int = 1) -> bool:
    """True when the message dates something to a year at least ``years_back`` before this one
    ("once in 2013"; not "seeing her boss since 2021", which runs to now, though "havent since
    2012" is history), or (``years_back`` 1 only) to an age ("at 17", "when i was 15")."""
    doc = span.doc
    return any(token.text.isdigit() and not _runs_to_now(doc, token.i) and (
        (len(token.text) == 4 and 1950 <= int(token.text) <= date.today().year - years_back)
        or (years_back == 1 and token.i > 0 and (doc[token.i - 1].lower_ == "at" or doc[token.i - 2:token.i].text.lower() == "i was")
            and 12 <= int(token.text) <= 99
            and (token.i + 1 == len(doc) or doc[token.i + 1].lower_ not in _CLOCK))
    ) for token in doc)


def _runs_to_now(doc: Doc, i: int) -> bool:
    """True for a year after "since" with no negation in the five words before ("since 2021")."""
    return i > 0 and doc[i - 1].lower_ == "since" and not any(
        token.lower_ in _NEGATORS for token in doc[max(0, i - 6):i - 1])


_CLOCK = frozenset({"am", "pm", ":", "o'clock", "oclock", "tonight", "today", "tomorrow", "minutes", "mins", "min"})


def recovered_history(span: Span) -> bool:
    """Drop a self-harm word told as history that is over ("years ago ... I'm safe now").

    Told as over means a past marker with a recovery marker, or a distant one alone ("long time
    ago", "6 years free of it"); and nothing may say it has come back (urges, "it's back",
    relapse, "lately", "still", "right now"): a history with any sign of return stays caught.
    """
    distant = _told_as_distant(span) or _a_past_year(span, years_back=3)
    over = distant or ((_told_as_past(span) or _a_past_year(span)) and _told_as_recovered(span))
    return over and not _told_as_back(span) and not _told_as_still_here(span) and not _again_about_me(span)
