"""The honesty check's answers: "nothing more to tell", a bare "yes", or something still untold.

The walkthrough asks whether there is anything the partner would still want to know (002:
if you aren't sure they'd want to know, assume they would; 003: truth told in pieces). A
"no" is a full answer there, and the draft then offers to answer any question honestly; a
bare "yes" gets asked what it is; anything else is what they haven't been told yet, and goes
into the draft in the person's words.
"""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[^\w\s']+")
_NO_START = re.compile(r"^(no|nope|nah|none|nothing|nothin|na|not really|not that i know of|not any ?more)\b(?! (one|body|longer|idea)\b)")
_NOTHING_MORE = re.compile(
    r"\b(nothing (else|more)|no more|(told|said|shown) (you|her|him|them|it|everything)( \w+)? (everything|all)"
    r"|(told|said) (her|him|them|you)? ?everything|that'?s (everything|all|it)|there'?s nothing|there is nothing"
    r"|(she|he|they|you) (know|knows) (everything|it all|all of it)|(it'?s|that'?s) all (out|there|been said))\b"
)
_BUT = re.compile(r"\b(but|except|apart from|other than|actually|although|though|besides|also|and also)\b")
_ONLY_YES = re.compile(
    r"^(yes|yeah|yea|yep|yup|ya|y|sort of|kind of|kinda|maybe|probably|a bit|a few things|some things|one thing"
    r"|there is|there's more|theres more|there are|a little)( (yes|there is|there's more|theres more|actually|tbh|i guess|i think so))*$"
)


def _plain(text: str) -> str:
    return " ".join(_PLAIN.sub(" ", text.lower().replace("’", "'")).split())


def says_nothing_more(answer: str) -> bool:
    """"no", "nothing else", "no, I've told her everything": nothing left untold."""
    plain = _plain(answer)
    if not plain or _BUT.search(plain) or len(plain.split()) > 12:
        return False
    return _NO_START.match(plain) is not None or _NOTHING_MORE.search(plain) is not None


def only_says_yes(answer: str) -> bool:
    """"yes", "yeah there is", "kind of": there is something, but it isn't said yet."""
    return _ONLY_YES.match(_plain(answer)) is not None
