"""Who an answer speaks to: answers written about the partner ("she felt...") turned to "you".

The draft is said to the partner, so an answer about them in the third person reads oddly
pasted into it ("I'm sorry. She felt humiliated."). For the steps whose subject is the
partner (``ADDRESSED_STEPS``: how it affected them, what you ask of them), ``readdress``
turns the partner's pronouns and "my wife/husband/partner" into the second person, with the
verb after a subject made to agree ("she feels" -> "you feel", "he doesn't" -> "you don't",
"her trust" -> "your trust", "I hurt him" -> "I hurt you").

It only does that when the referent is unambiguous; otherwise ``ambiguous_referent`` returns
the word to quote and the coach asks the person to say it to them directly. Ambiguous means:
more than one third-person referent ("she" and "he", or "she" and "they"), another person
named or mentioned ("my mum", "the kids", "her friend", a capitalised name), or the pronoun
right next to the betrayal itself ("texting her", "me and her"), where it is most likely the
other person. An answer that already says "you" is left as it is: there a "she" is someone
else. Runs on the project's spaCy pipeline (tokens and lookup lemmas; no parser).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from coach.nlp.pipeline import load_pipeline

SECOND_PERSON = {"you", "your", "yours", "yourself", "u", "ur", "youre", "youve", "yall"}
GROUPS = {
    "she": {"she", "her", "hers", "herself", "shes"},
    "he": {"he", "him", "his", "himself", "hes"},
    "they": {"they", "them", "their", "theirs", "themselves", "themself", "theyre", "theyve"},
}
PARTNER_NOUNS = {  # after "my": the partner, with the pronouns that go with them
    "wife": "she", "girlfriend": "she", "gf": "she", "fiancee": "she", "wifey": "she",
    "husband": "he", "boyfriend": "he", "bf": "he", "fiance": "he", "hubby": "he",
    "partner": None, "spouse": None,
}
OTHER_PEOPLE = {
    "mother", "mom", "mum", "dad", "father", "parent", "parents", "sister", "brother", "friend", "friends",
    "family", "kid", "kids", "child", "children", "son", "daughter", "boss", "colleague", "colleagues",
    "coworker", "coworkers", "ex", "woman", "man", "girl", "guy", "someone", "somebody", "people", "everyone",
    "everybody", "anyone", "anybody", "baby", "grandma", "grandpa", "aunt", "uncle", "cousin", "neighbour",
    "neighbor", "therapist", "counsellor", "counselor", "affair", "lover", "mistress", "wife", "husband",
    "girlfriend", "boyfriend", "partner", "spouse", "fiance", "fiancee", "gf", "bf", "hubby", "wifey",
}
# Verbs of the betrayal itself: a pronoun right after them is most likely the other person.
BETRAYAL_VERBS = {
    "text", "texting", "texted", "message", "messaging", "messaged", "kiss", "kissing", "kissed", "sleep",
    "sleeping", "slept", "see", "seeing", "saw", "seen", "meet", "meeting", "met", "date", "dating", "dated",
    "flirt", "flirting", "flirted", "cheat", "cheating", "cheated", "sext", "sexting", "sexted", "call",
    "calling", "called", "touch", "touching", "touched", "hook", "hooking", "chat", "chatting", "dm",
    "visit", "visiting", "visited",
}
# Words that often start a clause as its subject and are not a person's name.
NOT_A_NAME = {
    "it", "this", "that", "everything", "nothing", "something", "anything", "what", "who", "which", "there",
    "here", "trust", "life", "love", "home", "sleep", "work", "each", "one", "all", "and", "but", "so", "then",
    "now", "when", "since", "after", "before", "my", "our", "the", "a", "an", "i", "we", "every", "no",
}
CAUSATIVES = {"make", "let", "see", "watch", "hear", "help", "have", "leave", "want", "need", "get", "ask", "tell"}
# Words after "her"/"his" that show it is an object ("I hurt her so much"), not a possessive.
NOT_A_NOUN = {
    "so", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with", "about", "from", "into", "over",
    "when", "while", "because", "that", "this", "the", "a", "an", "my", "your", "our", "me", "i", "it",
    "again", "too", "badly", "deeply", "very", "really", "more", "much", "up", "down", "out", "off", "back",
    "every", "all", "anymore", "now", "then", "than", "like", "as", "if", "how", "what", "feel", "felt",
    "cry", "cried", "believe", "think", "wonder", "lose", "go", "be",
    "no", "any", "ever", "never", "alone", "either", "too", "enough", "through", "after", "before", "since",
}
ADVERBS = {
    "still", "never", "always", "really", "just", "even", "also", "often", "barely", "hardly", "now",
    "constantly", "sometimes", "actually", "probably", "finally", "already", "no", "longer", "truly", "so",
}
THIRD_SINGULAR = {"is": "are", "was": "were", "has": "have", "does": "do", "doesnt": "dont", "isnt": "arent",
                  "wasnt": "werent", "hasnt": "havent"}
HAS_AFTER_S = {"been", "got", "gotten", "had", "lost", "become", "seen", "done", "stopped", "started", "tried",
               "cried", "asked", "said", "told", "found", "felt", "kept", "spent", "given", "taken", "never",
               "always", "barely", "hardly"}
OBJECT = {"her": "you", "him": "you", "them": "you", "hers": "yours", "theirs": "yours",
          "herself": "yourself", "himself": "yourself", "themselves": "yourself", "themself": "yourself"}
POSSESSIVE = {"her", "his", "their"}
SUBJECTS = {"she", "he", "they"}
CONTRACTED_SUBJECTS = {"shes": "you're", "hes": "you're", "theyre": "you're", "theyve": "you've"}


@dataclass(frozen=True)
class _Reading:
    group: str | None  # "she", "he" or "they": the one referent; None if there is none
    ambiguous: Token | None  # the word to quote when it can't be told who is meant
    partner_nouns: tuple[int, ...]  # indexes of the noun in "my wife" (the "my" is before it)


def _lowercase_keeping_offsets(text: str) -> str:
    return "".join(lowered if len(lowered := char.lower()) == 1 else char for char in text)


def _doc(text: str) -> Doc:
    return load_pipeline()(_lowercase_keeping_offsets(text))


def _looks_like_a_name(doc: Doc, token: Token, original: str) -> bool:
    """A capitalised word inside a sentence (not "I"), or a clause's first word that is not a
    usual subject, followed by a verb that agrees with it ("sarah feels", "Mum is")."""
    word = token.lower_
    if not token.is_alpha or word in NOT_A_NAME or word in PARTNER_NOUNS or any(word in w for w in GROUPS.values()):
        return False
    before = original[: token.idx].rstrip()
    starts_clause = not before or before[-1] in ".!?,;:\"“" or (token.i > 0 and doc[token.i - 1].lower_ in {"and", "but", "so"})
    if original[token.idx].isupper() and not starts_clause:
        return True
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return starts_clause and following is not None and _agree(following, doc) != following.text


def _read(doc: Doc, original: str) -> _Reading:
    groups: dict[str, Token] = {}
    partner_nouns: list[int] = []
    for token in doc:
        word = token.lower_
        if word in SECOND_PERSON:
            return _Reading(None, None, ())
        if word in PARTNER_NOUNS and token.i > 0 and doc[token.i - 1].lower_ == "my":
            partner_nouns.append(token.i)
            groups.setdefault(PARTNER_NOUNS[word] or "partner", token)
            continue
        for group, words in GROUPS.items():
            if word in words:
                groups.setdefault(group, token)
    if "partner" in groups and len(groups) == 2:  # "my partner ... she": the same person
        del groups["partner"]
    if not groups:
        return _Reading(None, None, ())
    first = min(groups.values(), key=lambda token: token.i)
    group = next(iter(groups)) if len(groups) == 1 else None
    if group is None or len(partner_nouns) > 1:
        return _Reading(None, first, ())
    for token in doc:
        if token.i in partner_nouns:
            continue
        if token.lower_ in OTHER_PEOPLE or _looks_like_a_name(doc, token, original) or _next_to_the_betrayal(doc, token):
            return _Reading(None, first, ())
    return _Reading(None if group == "partner" else group, None, tuple(partner_nouns))


def _next_to_the_betrayal(doc: Doc, token: Token) -> bool:
    """"texting her", "sleeping with him", "me and her", "her and me": most likely the other person."""
    if token.lower_ not in {"her", "him", "them"}:
        return False
    before = [t for t in doc[max(token.i - 2, 0) : token.i]]
    if any(t.lower_ in BETRAYAL_VERBS for t in before):
        return True
    near = {t.lower_ for t in doc[max(token.i - 2, 0) : token.i + 3]}
    return "me" in near and bool({"and", "with"} & near)


def ambiguous_referent(text: str) -> tuple[int, str] | None:
    """Where and which third-person word to quote when it can't be told whether it means the partner."""
    reading = _read(_doc(text), text)
    if reading.ambiguous is None:
        return None
    start = reading.ambiguous.idx
    return start, text[start : start + len(reading.ambiguous.text)]


def _agree(token: Token, doc: Doc) -> str:
    """The verb after a "you" subject: "feels" -> "feel", "is" -> "are", "'s been" -> "'ve been"."""
    word = token.lower_
    if word in THIRD_SINGULAR:
        return THIRD_SINGULAR[word]
    if word in {"'s", "’s", "s"}:
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        return "'ve" if following in HAS_AFTER_S else "'re"
    base = token.lemma_
    if word.endswith("s") and base != word and word in {base + "s", base + "es", base[:-1] + "ies"}:
        return base
    return token.text


def _verb_after(doc: Doc, start: int) -> int | None:
    """Index of the verb after a subject ending at ``start - 1``, skipping adverbs; None at a break."""
    index = start
    while index < len(doc) and doc[index].lower_ in ADVERBS:
        index += 1
    if index < len(doc) and (doc[index].is_alpha or doc[index].text in {"'s", "’s"}):
        return index
    return None


def _possessive_or_object(doc: Doc, token: Token) -> str:
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    previous = doc[token.i - 1] if token.i > 0 else None
    if following is None or not following.is_alpha or following.lower_ in NOT_A_NOUN:
        return "yours" if token.lower_ in {"his"} and (following is None or not following.is_alpha) else "you"
    if token.lower_ == "her" and previous is not None and previous.lemma_ in CAUSATIVES:
        return "you"
    return "your"


def readdress(text: str) -> str:
    """``text`` with the partner in the second person; unchanged when there is nothing to turn
    or it can't be told who is meant (see ``ambiguous_referent``)."""
    doc = _doc(text)
    reading = _read(doc, text)
    if reading.ambiguous is not None or (reading.group is None and not reading.partner_nouns):
        return text
    replaced: dict[int, str] = {}
    skip: set[int] = set()
    subjects: list[int] = []  # index just past each subject, for the verb that follows
    for token in doc:
        word = token.lower_
        if token.i in reading.partner_nouns:
            skip.add(token.i - 1)  # the "my"
            following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            if following in {"'s", "’s", "s"} and (token.i + 2 >= len(doc) or doc[token.i + 2].lower_ not in HAS_AFTER_S):
                replaced[token.i] = "your"
                skip.add(token.i + 1)
            else:
                replaced[token.i] = "you"
                subjects.append(token.i + 1)
        elif reading.group is None or word not in GROUPS[reading.group]:
            continue
        elif word in CONTRACTED_SUBJECTS:
            replaced[token.i] = CONTRACTED_SUBJECTS[word]
        elif word in SUBJECTS:
            replaced[token.i] = "you"
            subjects.append(token.i + 1)
        elif word in POSSESSIVE:
            replaced[token.i] = _possessive_or_object(doc, token)
        elif word in OBJECT:
            replaced[token.i] = OBJECT[word]
    for start in subjects:
        verb = _verb_after(doc, start)
        if verb is not None and verb not in replaced:
            agreed = _agree(doc[verb], doc)
            if agreed != doc[verb].text:
                replaced[verb] = agreed
    return _rebuild(text, doc, replaced, skip)


def _rebuild(text: str, doc: Doc, replaced: dict[int, str], skip: set[int]) -> str:
    """The text with ``replaced`` words swapped in (keeping a capital) and ``skip`` left out."""
    parts: list[str] = []
    capital_next = False
    for token in doc:
        original = text[token.idx : token.idx + len(token.text)]
        if token.i in skip:
            capital_next = capital_next or original[:1].isupper()  # "My wife" -> "You"
            continue
        word = replaced.get(token.i, original)
        if token.i in replaced and (capital_next or original[:1].isupper()):
            word = word[:1].upper() + word[1:]
        capital_next = False
        parts.append(word + token.whitespace_)
    return "".join(parts)
