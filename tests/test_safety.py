"""Tests for the safety layer: crisis detection quality, crisis replies and the Rasa component.

The detection tests run the labelled set in ``tests/data/safety_set.yml`` and write the
measured numbers to ``results/safety_measured.md`` (gitignored) on every run; the "Measured"
section of ``docs/SAFETY.md`` is a snapshot of it, updated by hand.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from coach.safety.detector import ABUSE, EMERGENCY, SELF_HARM, CrisisMatch, detect_crisis
from bot.rasa.safety_net import SAFETY_NET_KEY, SafetyNet
from coach.safety.replies import crisis_reply, known_countries, safe_again_reply

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SET_PATH = PROJECT_ROOT / "tests" / "data" / "safety_set.yml"
MEASURED_PATH = PROJECT_ROOT / "results" / "safety_measured.md"
MAX_FALSE_ALARM_RATE = 0.05
CRISIS_KINDS = (SELF_HARM, ABUSE)


# --------------------------------------------------------------------------- evaluation


@dataclass
class Evaluation:
    """Detector results over the labelled set."""

    totals: dict[str, int]
    caught: dict[str, int]
    misses: list[tuple[str, str, CrisisMatch | None]]  # (expected kind, text, what we got)
    negatives: int
    false_alarms: list[tuple[str, CrisisMatch]]

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.negatives

    def recall(self, kind: str) -> float:
        return self.caught[kind] / self.totals[kind]


def _evaluate(labelled: dict[str, list[str]]) -> Evaluation:
    totals, caught, misses = {}, {}, []
    for kind in CRISIS_KINDS:
        totals[kind] = len(labelled[kind])
        caught[kind] = 0
        for text in labelled[kind]:
            match = detect_crisis(text)
            if match is not None and match.kind == kind:
                caught[kind] += 1
            else:
                misses.append((kind, text, match))
    false_alarms = [
        (text, match) for text in labelled["hard_negatives"] if (match := detect_crisis(text)) is not None
    ]
    return Evaluation(totals, caught, misses, len(labelled["hard_negatives"]), false_alarms)


def _measured_section(evaluation: Evaluation) -> str:
    lines = [
        "Rewritten by `tests/test_safety.py` on every run (labelled set: "
        "`tests/data/safety_set.yml`).",
        "",
        "| Set | Messages | Flagged with the right kind | Rate |",
        "|---|---|---|---|",
    ]
    for kind in CRISIS_KINDS:
        lines.append(
            f"| `{kind}` | {evaluation.totals[kind]} | {evaluation.caught[kind]} "
            f"| recall {evaluation.recall(kind):.1%} |"
        )
    lines.append(
        f"| hard negatives | {evaluation.negatives} | {len(evaluation.false_alarms)} flagged "
        f"| false alarms {evaluation.false_alarm_rate:.1%} (limit {MAX_FALSE_ALARM_RATE:.0%}) |"
    )
    lines += ["", "Misses:" if evaluation.misses else "Misses: none."]
    for kind, text, match in evaluation.misses:
        got = f"`{match.kind}` ({match.rule})" if match else "nothing"
        lines.append(f"- expected `{kind}`, got {got}: \"{text}\"")
    lines += ["", "False alarms:" if evaluation.false_alarms else "False alarms: none."]
    for text, match in evaluation.false_alarms:
        lines.append(f"- \"{text}\": `{match.kind}` by rule `{match.rule}` on \"{match.phrase}\"")
    return "\n".join(lines)


def _write_measured_section(evaluation: Evaluation) -> None:
    MEASURED_PATH.parent.mkdir(exist_ok=True)
    MEASURED_PATH.write_text(f"## Measured\n\n{_measured_section(evaluation)}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def labelled_set() -> dict[str, list[str]]:
    with SET_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def evaluation(labelled_set: dict[str, list[str]]) -> Evaluation:
    result = _evaluate(labelled_set)
    _write_measured_section(result)  # written before any assertion, so failures are recorded too
    return result


# --------------------------------------------------------------------------- detection quality


def test_labelled_set_is_large_and_has_no_duplicates(labelled_set: dict[str, list[str]]) -> None:
    assert len(labelled_set[SELF_HARM]) >= 50
    assert len(labelled_set[ABUSE]) >= 50
    assert len(labelled_set[SELF_HARM]) + len(labelled_set[ABUSE]) >= 100
    assert len(labelled_set["hard_negatives"]) >= 100
    every_message = [text.lower() for texts in labelled_set.values() for text in texts]
    assert len(every_message) == len(set(every_message))


def test_every_crisis_message_is_caught_with_the_right_kind(evaluation: Evaluation) -> None:
    assert evaluation.misses == []
    assert evaluation.recall(SELF_HARM) == 1.0
    assert evaluation.recall(ABUSE) == 1.0


def test_false_alarms_on_hard_negatives_stay_within_budget(evaluation: Evaluation) -> None:
    assert evaluation.false_alarm_rate <= MAX_FALSE_ALARM_RATE, evaluation.false_alarms


@pytest.mark.parametrize(
    "text",
    [
        "this is killing me",
        "I'm dying to know",
        "I could scream",
        "I could kill him for this",
        "my mum will kill me when she hears",
        "he tracks my phone",
        "my friend's husband hits her",
        "he calls me worthless",
        "tonight is the night",
        "thank you for everything, goodbye",
        "i just want the pain to stop",
    ],
)
def test_documented_non_triggers(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("he'll kill me if he finds out i'm talking to you", ABUSE),
        ("i'm scared he'll hurt me", ABUSE),
        ("he threatens to kill himself if i leave", ABUSE),
        ("i don't want to live without her", SELF_HARM),
        ("she's better without me", SELF_HARM),
    ],
)
def test_documented_borderline_triggers(text: str, kind: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "my husband is gonna kill me when he sees what i spent on shoes",
        "she'll murder me if i forget the milk again lol",
        "my wife will kill me once she sees the state of the kitchen",
        "my mum will murder me if i miss another sunday lunch",
        "he threw a pillow at me giggling and we ended up talking till 2",
        "she chucked a wet towel at me in the bathroom, we were both laughing",
        "my brother knocked me out of the darts final",
        "she pinned me down and tickled me till i cried laughing",
        # stop 17: a game, a trifle with a joke, a threat denied
        "we were on the xbox and my bf kept shooting me haha",
        "if i have to sit through one more baby shower ill kill myself lol",
        "she doesnt threaten me, she just goes quiet for days",
    ],
)
def test_figures_of_speech_and_play_are_not_threats(text: str) -> None:
    """"X will kill me when <an everyday slip>" and soft things thrown in play."""
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "he'll kill me if i leave him, he's said it so many times",
        "she's going to kill me when she sees i went to see my friends",
        "he will kill me when he sees the bill, last time he broke my wrist",
        "my husband will murder me if i tell anyone about the bruises",
        "he threw a mug at me laughing",
        "he knocked me out and left me on the floor",
        "she pinned me down and screamed in my face",
        "she threw the remote at my head",
        "we were playing fortnite and he hit me when i won",
        "he never threatened me before tonight, now he says ill regret it",
    ],
)
def test_real_threats_next_to_those_figures_are_still_caught(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == ABUSE, text


def test_living_in_a_world_is_life_itself_but_living_in_a_house_is_not() -> None:
    assert detect_crisis("i dont want to live in a world where he isnt mine").kind == SELF_HARM
    assert detect_crisis("no reason to live on this earth now").kind == SELF_HARM
    assert detect_crisis("i dont want to live in this flat anymore, it reminds me of her") is None
    assert detect_crisis("i don't want to live in a world of secrets with him") is None


def test_negation_is_honoured_for_abuse_but_never_for_self_harm() -> None:
    assert detect_crisis("he would never hit me") is None
    assert detect_crisis("he didn't hit me") is None
    assert detect_crisis("he doesn't hit me anymore") is not None  # past violence reopened
    assert detect_crisis("I would never hurt myself").kind == SELF_HARM


def test_case_and_curly_apostrophes_do_not_matter() -> None:
    assert detect_crisis("HE HITS ME").kind == ABUSE
    assert detect_crisis("I Want To Kill Myself").kind == SELF_HARM
    assert detect_crisis("i’m scared he’ll hurt the kids").kind == ABUSE


def test_match_reports_rule_and_phrase() -> None:
    match = detect_crisis("last night he choked me in the kitchen")
    assert match == CrisisMatch(kind=ABUSE, phrase="he choked me", rule="violence_against_me")


def test_self_harm_wins_when_both_kinds_match() -> None:
    assert detect_crisis("he hits me and i want to die").kind == SELF_HARM


@pytest.mark.parametrize(
    "text",
    [
        "our toddler has gone missing from the garden",
        "cant find my daughter anywhere, the shop is packed",
        "my little girl is lost at the fair, she was right next to me",
        "the oven caught fire and its spreading",
        "theres smoke everywhere in the flat and the alarm is going",
        "the curtains are on fire in the bedroom",
        "a candle caught fire and the curtains are burning",
        "the bbq set the fence alight and its spreading to the house",
    ],
)
def test_a_lost_child_or_a_fire_at_home_is_an_emergency(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == EMERGENCY, text


@pytest.mark.parametrize(
    "text",
    [
        "my son is missing his dad so much",
        "my daughter is missing school today with a cold",
        "my heart is on fire for him",
        "the house is full of smoke after the bbq lol",
        "the bbq caught fire for a second but we put it out, all fine",
        "he set the world alight with that speech at the wedding",
        "our marriage went up in flames, the relationship caught fire and burned out",
    ],
)
def test_missing_someone_and_fire_as_a_figure_are_not(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i self harmed for years at uni but its behind me now, i'm doing fine",
        "had a suicide attempt years ago and i'm safe now, i just want help with my marriage",
        "i used to be suicidal as a teenager, been well for a long time",
        "i overdosed once in my twenties, that's all behind me now and i'm doing well",
        "i self harmed ages ago, that chapter is closed and i'm not at risk",
        "i used to burn myself years ago, havent in a decade and ive got good support",
        "i self harmed at school years ago, i'm safe, this is about my wife",
        "took an overdose once, a long time ago, my wife knows all about it",
        "four years free of self-harm this month",
        "back in 2016 i didnt want to live. not anymore, even on bad days",
        "took an overdose in 2012, got proper help, doing good now",
        "my attempt feels like a lifetime ago, just so you have the background",
        "clean from self harm for three years now",
        "back in college i used to cut, ive found healthy ways to cope now",
        "i self harmed years before we got together, its all history",
        "i used to burn myself at uni, i havent in years, i just want to talk about my wife",
        "i took an overdose at 18, im 40 now and very much okay",
        "a long time ago i tried to end my life, im in a good place now",
        "i used to cut myself years ago, i dont want to anymore, i just want to talk about us",
        "my ex hid my car keys so i wouldn't drive home after drinking at the party",
        "she took my car keys so i couldn't drive after three pints",
    ],
)
def test_a_history_that_is_over_and_keys_kept_from_drink_driving_are_not_alarms(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i used to self harm years ago, im fine now but the urges are back", SELF_HARM),
        ("i used to be suicidal years ago and lately i'm not ok", SELF_HARM),
        ("i overdosed years ago, i was fine for a while but i'm saving my tablets again", SELF_HARM),
        ("i tried to kill myself at school, i was fine for ages but i'm thinking about it again", SELF_HARM),
        ("i used to burn myself years ago, havent in a decade but i want to tonight", SELF_HARM),
        ("i used to hurt myself years ago, i was in a good place but im not in a good place now", SELF_HARM),
        ("i self harmed a long time ago and right now i want to again", SELF_HARM),
        ("i didnt want to live years ago and i still dont", SELF_HARM),
        ("two years clean of self harm but i want to hurt myself tonight", SELF_HARM),
        ("i was self harm free for 2 years but i cut last night", SELF_HARM),
        ("made an attempt years ago and im frightened, it feels like it did before", SELF_HARM),
        ("overdosed back in 2019 and i have the pills ready again", SELF_HARM),
        ("i used to cut myself in school, havent in years but i want to do it again", SELF_HARM),
        ("years ago i tried to end my life and lately i want to try again", SELF_HARM),
        ("he hid my car keys so i can't leave the house", ABUSE),
        ("he hides my car keys when he's drunk so i can't leave", ABUSE),
        ("he hid my car keys after drinking so i cant drive away or leave", ABUSE),
    ],
)
def test_a_history_that_has_come_back_and_keys_hidden_to_trap_are_caught(text: str, kind: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, text


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("i burn my thighs with a lighter when it gets bad", True),
        ("been burning my arms again since he moved out", True),
        ("burnt my arm on the oven door making his tea", False),
        ("i burned my arm cooking dinner", False),
        ("burnt my skin in the sun at the weekend", False),
    ],
)
def test_burning_is_self_injury_like_cutting_but_a_kitchen_burn_is_not(text: str, caught: bool) -> None:
    match = detect_crisis(text)
    assert (match is not None and match.kind == SELF_HARM) if caught else match is None, text


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("a van that has followed me for three streets just stopped behind me", True),
        ("theres a man who followed me home from the station", True),
        ("some guy who followed me all the way from the bus stop is outside", True),
        ("a guy who followed me for years on instagram messaged my wife", False),
        ("turns out the guy who followed me all year on tiktok is her brother", False),
    ],
)
def test_being_followed_by_a_stranger_or_a_car_is_an_emergency(text: str, caught: bool) -> None:
    match = detect_crisis(text)
    assert (match is not None and match.kind == EMERGENCY) if caught else match is None, text


@pytest.mark.parametrize("text", ["", "   ", "ok", "?"])
def test_empty_or_trivial_text_is_not_a_crisis(text: str) -> None:
    assert detect_crisis(text) is None


# --------------------------------------------------------------------------- replies

MARKDOWN = re.compile(r"[*_`#\[\]]|^\s*[-+] ", re.MULTILINE)


def _resources() -> dict:
    with (PROJECT_ROOT / "coach" / "safety" / "resources.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_known_countries_cover_the_required_ones() -> None:
    assert {"US", "GB", "IE", "DK", "DE", "AU", "CA", "IN"} <= set(known_countries())


@pytest.mark.parametrize("kind", CRISIS_KINDS)
@pytest.mark.parametrize("country", ["US", "GB", "IE", "DK", "DE", "AU", "CA", "IN"])
def test_crisis_reply_has_emergency_line_and_country_numbers(kind: str, country: str) -> None:
    reply = crisis_reply(kind, country)
    entry = _resources()["countries"][country]
    assert "emergency" in reply.lower()
    assert "112 in the EU, 911 in the US, 999 in the UK" in reply
    assert entry["emergency_number"] in reply
    for line in entry["self_harm"]:
        assert line["contact"] in reply
    abuse_contacts = [line["contact"] for line in entry["abuse"]]
    if kind == ABUSE:
        assert all(contact in reply for contact in abuse_contacts)
    else:
        assert not any(contact in reply for contact in abuse_contacts)
    assert not MARKDOWN.search(reply), reply


def test_abuse_reply_puts_safety_before_trust() -> None:
    reply = crisis_reply(ABUSE, "GB")
    assert "trust is not the priority while you are not safe" in reply
    assert "0808 2000 247" in reply and "116 123" in reply


def test_self_harm_reply_encourages_reaching_out_now() -> None:
    reply = crisis_reply(SELF_HARM, "US")
    assert "reach out to someone now" in reply
    assert "988" in reply
    assert "trust is not the priority" not in reply


@pytest.mark.parametrize("country", [None, "", "ZZ", "fr"])
def test_unknown_country_falls_back_to_the_international_directory(country: str | None) -> None:
    for kind in CRISIS_KINDS:
        reply = crisis_reply(kind, country)
        assert "findahelpline.com" in reply
        assert "emergency" in reply.lower()
        assert "988" not in reply


@pytest.mark.parametrize("country", ["uk", "gb", " GB ", "en-GB", "en_GB"])
def test_country_spellings_are_normalised(country: str) -> None:
    assert "116 123" in crisis_reply(SELF_HARM, country)


def test_configured_emergency_line_overrides_the_default() -> None:
    configured = "In an emergency in Denmark, call 112."
    reply = crisis_reply(SELF_HARM, "DK", emergency_line=configured)
    assert configured in reply
    assert "911 in the US" not in reply
    assert "70 201 201" in reply


def test_safe_again_reply_is_calm() -> None:
    reply = safe_again_reply()
    assert "emergency" not in reply.lower()
    assert "safe" in reply
    assert not MARKDOWN.search(reply)


# --------------------------------------------------------------------------- Rasa component


@pytest.fixture(scope="module")
def safety_net(tmp_path_factory: pytest.TempPathFactory) -> SafetyNet:
    model_storage = LocalModelStorage(tmp_path_factory.mktemp("model_storage"))
    return SafetyNet.create(
        SafetyNet.get_default_config(),
        model_storage,
        Resource("safety_net"),
        ExecutionContext(GraphSchema({}), "test-model"),
    )


def _classified(text: str, ranking: list[tuple[str, float]]) -> Message:
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message = Message(data={TEXT: text})
    message.set(INTENT, intents[0], add_to_output=True)
    message.set(INTENT_RANKING_KEY, intents, add_to_output=True)
    return message


def test_safety_net_overrides_the_intent_on_a_hit(safety_net: SafetyNet) -> None:
    message = _classified("he said he'll kill me if i leave", [("inform", 0.91), ("greet", 0.09)])
    [processed] = safety_net.process([message])
    assert processed.get(INTENT) == {"name": ABUSE, "confidence": 1.0}
    assert processed.get(INTENT_RANKING_KEY)[0] == {"name": ABUSE, "confidence": 1.0}
    assert processed.get(SAFETY_NET_KEY) == {
        "action": "crisis",
        "layer": "phrases",
        "rule": "threat_of_violence",
        "classifier_intent": {"name": "inform", "confidence": 0.91},
        "classifier_ranking": [{"name": "inform", "confidence": 0.91}, {"name": "greet", "confidence": 0.09}],
    }


def test_safety_net_leaves_a_non_hit_untouched(safety_net: SafetyNet) -> None:
    message = _classified("I'm dying to know who she texted", [("ask_question", 0.8), ("vent", 0.2)])
    before = copy.deepcopy(message.data)
    [processed] = safety_net.process([message])
    assert processed.data == before
    assert processed.get(SAFETY_NET_KEY) is None


def test_safety_net_skips_messages_without_text(safety_net: SafetyNet) -> None:
    message = Message(data={INTENT: {"name": "affirm", "confidence": 1.0}})
    [processed] = safety_net.process([message])
    assert processed.get(INTENT) == {"name": "affirm", "confidence": 1.0}


def test_crisis_survives_the_fallback_classifier_after_it(safety_net: SafetyNet) -> None:
    # The classifier missed the crisis and was unsure between two harmless intents.
    message = _classified("kms", [("chitchat", 0.45), ("greet", 0.44)])
    fallback = FallbackClassifier(FallbackClassifier.get_default_config())
    [processed] = fallback.process(safety_net.process([message]))
    assert processed.get(INTENT)["name"] == SELF_HARM


def test_safety_net_data_reaches_the_parse_data(safety_net: SafetyNet) -> None:
    [processed] = safety_net.process([Message(data={TEXT: "she choked me"})])
    parse_data = processed.as_dict(only_output_properties=True)  # what rasa.core.processor keeps
    assert parse_data[INTENT]["name"] == ABUSE
    assert parse_data[SAFETY_NET_KEY]["rule"] == "violence_against_me"


def test_pipeline_config_with_the_safety_net_validates() -> None:
    from rasa.engine import validation
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe
    from rasa.shared.data import TrainingType

    config = {
        "recipe": "default.v1",
        "language": "en",
        "assistant_id": "safety-test",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            {"name": "DIETClassifier", "epochs": 1},
            {"name": "bot.rasa.safety_net.SafetyNet"},
            {"name": "FallbackClassifier", "threshold": 0.3},
        ],
    }
    model_config = DefaultV1Recipe().graph_config_for_recipe(config, {}, training_type=TrainingType.NLU)
    validation.validate(model_config)
    assert "run_bot.rasa.safety_net.SafetyNet3" in model_config.predict_schema.nodes


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("he put his hands round my throat when i asked about her", ABUSE),
        ("she dragged me across the kitchen floor", ABUSE),
        ("he dragged me up the stairs by my arm", ABUSE),
        ("my dad is going to kill me, he's hit me before", ABUSE),
        ("if he finds out i told you he'll kill me", ABUSE),
        ("i've been self harming since watching that show", SELF_HARM),
        ("i used to self harm years ago and now im doing it again", SELF_HARM),
        ("overdosed on his sleeping pills an hour ago", SELF_HARM),
        ("i've been cutting since the night she told me and it's worse now", SELF_HARM),
        ("he's been drinking all day and i don't feel safe tonight", ABUSE),
    ],
)
def test_widened_stop_15_wordings_are_caught(text: str, kind: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, text


@pytest.mark.parametrize(
    "text",
    [
        "if my mum finds out shes going to murder me",
        "my dad is going to kill me when he sees the car lol",
        "overdosed on coffee this morning, im buzzing",
        "the book im reading has a character who self harms, it's hard to read",
        "a few years ago i used to self harm but i haven't in a long time and i'm proud of that",
        "back in 2019 my dad hit my mum, we all got away and we're fine now",
        "she dragged me into her drama again",
        "he dragged me to his parents for sunday lunch",
    ],
)
def test_idioms_fiction_treats_and_histories_that_are_over_are_not(text: str) -> None:
    assert detect_crisis(text) is None


def test_every_context_phrase_is_written_as_the_tokenizer_splits_it() -> None:
    """Vetoes compare token sequences: "won't need" never matches, because the text "won't
    need" is the tokens "wo n't need". Every phrase any rule gives ``followed_by``,
    ``anywhere`` or ``requires`` must be written split (or be typed text that splits into it)."""
    from coach.nlp.vetoes import phrases_in_use
    from coach.safety.detector import RULESET

    suffixes = {"'m", "'s", "'ll", "'re", "'ve", "'d", "n't", "nt", "m", "s", "ll", "re", "ve", "d", "na"}

    def as_typed(phrase: str) -> str:  # "wo n't need" -> "won't need", "i m safe" -> "im safe"
        first, *rest = phrase.split()
        return first + "".join(word if word in suffixes else " " + word for word in rest)

    def tokens(text: str) -> list[str]:
        return [token.text for token in RULESET.nlp(text)]

    phrases = phrases_in_use()
    assert len(phrases) > 500, "the rule modules were not imported"
    unmatchable = sorted(phrase for phrase in phrases
                         if phrase.split() not in (tokens(phrase), tokens(as_typed(phrase))))
    assert unmatchable == []


def test_the_phrase_net_stays_quiet_on_the_look_alike_dev_set() -> None:
    """330 dark-sounding non-crises and 80 form answers (tests/data/lookalike_dev.yml): stop 16
    brought the phrase net's alarms on them from 23 to 5 (a joke that reads as a threat, a
    news story about domestic violence, histories told as over beside 'this week')."""
    data = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "lookalike_dev.yml").read_text(encoding="utf-8"))
    texts = list(data["lookalikes"]) + [item["text"] for item in data["in_form"]]
    alarms = [text for text in texts if detect_crisis(text) is not None]
    assert len(texts) == 410
    assert len(alarms) <= 5, alarms


@pytest.mark.parametrize(("text", "kind"), [
    ("my son is bleeding badly, he went through the glass door", EMERGENCY),
    ("shes bleeding a lot from her head after she fell", EMERGENCY),
    ("i'm scared to go back to him after last night", ABUSE),
    ("terrified to go back to the flat, he's waiting there", ABUSE),
])
def test_patterns_once_written_with_two_word_alternatives_now_match(text: str, kind: str) -> None:
    """'bleeding ... a lot' and 'back home|to him' were read as three tokens, so they never
    matched (stop 16): every alternative in a pattern is one token."""
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, text


@pytest.mark.parametrize("text", [
    "scared to go back to work after the holidays",
    "bleeding a lot after the dentist lol",
])
def test_their_everyday_look_alikes_are_not(text: str) -> None:
    assert detect_crisis(text) is None


def test_the_phrase_net_reads_crises_told_in_passing_inside_a_form() -> None:
    """The in-form dev set (tests/data/inform_dev.yml): 75 crises told as an aside in an
    apology answer, a check-in note or a reminder's text, 75 dark-sounding ordinary answers.
    Before stop 16's in-form families the whole bridge caught 51 of the 75 crises (24 were read
    as the form's answer); the phrase net alone now catches all 75."""
    answers = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "inform_dev.yml").read_text(encoding="utf-8"))["in_form"]
    crises = [a["text"] for a in answers if a["crisis"]]
    ordinary = [a["text"] for a in answers if not a["crisis"]]
    assert (len(crises), len(ordinary)) == (75, 75)
    assert [text for text in crises if detect_crisis(text) is None] == []
    assert [text for text in ordinary if detect_crisis(text) is not None] == []


@pytest.mark.parametrize(("text", "rule"), [
    ("the new zombie video game my son plays has so much blood in it", "medical_emergency"),
    ("she chucked her hoodie at me across the sofa and laughed", "physical_harm"),
    ("writing a goodbye letter to him tonight because im leaving him for good", "lethal_plan"),
])
def test_stop_19s_mended_vetoes_release_their_look_alike(text: str, rule: str) -> None:
    """Seen set 8's look-alikes, in our own words: blood in a video game, a hoodie thrown in
    play, a goodbye letter that ends a relationship. Each rule still catches its crisis."""
    assert detect_crisis(text) is None, text
    crisis = {"medical_emergency": "my son cut his hand and there is so much blood",
              "physical_harm": "she threw a glass at my face",
              "lethal_plan": "i wrote my suicide note last night"}[rule]
    match = detect_crisis(crisis)
    assert match is not None and match.rule == rule, (crisis, match)
