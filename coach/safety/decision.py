"""The crisis decision: four layers, any of which can raise a crisis, and one policy for all.

- **phrases** (``coach.safety.detector``): a deterministic net of phrases and patterns;
  plain-word disclosures ("he beat me", "threatened to kill me") are caught whatever the
  classifier says;
- **meaning** (``coach.safety.semantic``): the message's nearest labelled examples;
- **head** (``coach.safety.head``): a crisis classifier of the net's own on the sentence
  embedding; where the other layers are silent, free text it scores at ``head_check`` gets the
  safety check and a form answer at ``in_form_head`` the crisis reply;
- **classifier**: the NLU model's own crisis intents. A crisis intent at the top, or within
  ``near_top`` of it, wins unless the meaning layer finds the message clearly nearer to safe
  examples (its margin below ``classifier_margin``): the classifier reads words, and "he beat
  me at chess" shares them with a disclosure. The fallback threshold never turns a crisis
  into a clarifying question: a verdict replaces the whole ranking.

Inside a form (an apology answer, a check-in note, a reminder's wording) people describe what
they did and how it hurt, so the meaning and classifier layers need stronger evidence there
(``in_form_*``), unless the classifier is very sure of its crisis intent
(``in_form_confident``); the phrase net is the same everywhere. The numbers are chosen on the dev
sets by ``bench/safety_thresholds.py`` and written down in ``docs/SAFETY.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from coach.safety.detector import CrisisMatch
from coach.safety.head import HeadScore
from coach.safety.replies import CRISIS_KINDS
from coach.safety.semantic import SemanticScores


@dataclass(frozen=True)
class SafetyPolicy:
    """Thresholds of the meaning and classifier layers (free text, and inside a form)."""

    similarity: float = 0.55
    margin: float = 0.03
    in_form_similarity: float = 0.65
    in_form_margin: float = 0.10
    near_top: float = 0.10
    classifier_margin: float = -0.05
    in_form_classifier_margin: float = 0.05
    # inside a form, a crisis intent the classifier is this sure of needs only
    # ``in_form_confident_margin`` from the meaning layer (2.0: off)
    in_form_confident: float = 2.0
    in_form_confident_margin: float = 9.0
    # free text the classifier reads as a crisis while the meaning layer sits this far nearer the
    # safe examples (its margin below ``check_floor``) gets no check: it is answered as itself,
    # its crisis intents dropped (ANSWER) (-9.0: off, every such message is asked)
    check_floor: float = -9.0
    # the crisis head (1 - P(safe)) where the other layers are silent: free text at ``head_check``
    # gets the safety check, a form answer at ``in_form_head`` the crisis reply (2.0: off)
    head_check: float = 2.0
    in_form_head: float = 2.0


SAFETY_NET_KEY = "safety_net"  # where the verdict is left in the parse data (read by actions)
CRISIS = "crisis"   # the crisis reply: emergency line, helplines, everything else paused
CHECK = "check"     # free text the classifier reads as a crisis and the meaning does not: ask first
ANSWER = "answer"   # the classifier alone reads a crisis, the meaning clearly not: its other intents stand


@dataclass(frozen=True)
class Verdict:
    """What to do with a message that a layer flagged, its crisis kind, and which layer."""

    action: str
    kind: str
    layer: str
    detail: str = ""  # the phrase rule's name, the meaning layer's scores, or the confidence


def decide(
    ranking: Sequence[tuple[str, float]],
    phrase: Optional[CrisisMatch],
    semantic: Optional[SemanticScores],
    in_form: bool,
    policy: SafetyPolicy = SafetyPolicy(),
    history_over: bool = False,
    head: Optional[HeadScore] = None,
) -> Optional[Verdict]:
    """The verdict for one message, or None (no layer sees a crisis). ``ranking`` is the
    classifier's, best first.

    A crisis intent near the top of the ranking is never simply dropped: when the meaning
    layer does not back it up, free text gets a safety check ("are you safe right now?")
    instead of coaching, and a form answer is read as the answer it is (``ANSWER``); free
    text is read as itself too only when the meaning layer places it clearly among the safe
    examples (margin below ``check_floor``, chosen where it costs no dev crisis).
    Free text told as history that is over (``history_over``, ``detector.told_as_over``)
    gets the check rather than the crisis reply from the meaning and classifier layers.
    """
    if phrase is not None:
        return Verdict(CRISIS, phrase.kind, "phrases", phrase.rule)
    verdict = _with_head(_softer_layers(ranking, semantic, in_form, policy), head, in_form, policy)
    if verdict is not None and verdict.action == CRISIS and history_over and not in_form:
        return Verdict(CHECK, verdict.kind, verdict.layer, f"{verdict.detail} history")
    return verdict


def _with_head(
    verdict: Optional[Verdict], head: Optional[HeadScore], in_form: bool, policy: SafetyPolicy
) -> Optional[Verdict]:
    """The head speaks only where the meaning and classifier layers raised nothing."""
    if head is None or (verdict is not None and verdict.action in (CRISIS, CHECK)):
        return verdict
    if in_form and head.crisis >= policy.in_form_head:
        return Verdict(CRISIS, head.kind, "head", f"{head.crisis:.2f}")
    if not in_form and head.crisis >= policy.head_check:
        return Verdict(CHECK, head.kind, "head", f"{head.crisis:.2f}")
    return verdict


def _softer_layers(
    ranking: Sequence[tuple[str, float]],
    semantic: Optional[SemanticScores],
    in_form: bool,
    policy: SafetyPolicy,
) -> Optional[Verdict]:
    """The meaning and classifier layers' verdict (the phrase net has found nothing)."""
    scored = semantic is not None and semantic.kind is not None
    if scored:
        similarity = policy.in_form_similarity if in_form else policy.similarity
        margin = policy.in_form_margin if in_form else policy.margin
        if semantic.crisis >= similarity and semantic.margin >= margin:
            return Verdict(CRISIS, semantic.kind, "meaning", f"{semantic.crisis:.2f}/{semantic.margin:+.2f}")
    if not ranking:
        return None
    top_confidence = ranking[0][1]
    crisis = next(((name, confidence) for name, confidence in ranking[:2]
                   if name in CRISIS_KINDS and confidence >= top_confidence - policy.near_top), None)
    if crisis is None:
        return None
    name, confidence = crisis
    needed = policy.in_form_classifier_margin if in_form else policy.classifier_margin
    if in_form and confidence >= policy.in_form_confident:
        needed = min(needed, policy.in_form_confident_margin)
    if not scored or semantic.margin >= needed:
        return Verdict(CRISIS, name, "classifier", f"{confidence:.2f}")
    answer = in_form or semantic.margin < policy.check_floor  # read as the message it is, crisis intents dropped
    return Verdict(ANSWER if answer else CHECK, name, "classifier", f"{confidence:.2f}/{semantic.margin:+.2f}")
