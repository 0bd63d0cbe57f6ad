"""The apology analyzer's words: the word lists its patterns name (``$NAME``) and its checks' word sets.

Data only; the rules are in ``coach.apology.rules``, the checks in ``coach.apology.checks``.
"""

from __future__ import annotations

SORRY_WORDS = ["sorry", "sory", "apologize", "apologise", "apology", "regret"]
NEGATIONS = {"not", "n't", "nt", "never", "no", "nobody", "none", "nothing", "without"}
CLAUSE_BREAKS = {",", ".", ";", "!", "?", ":", "—", "–", "-", "(", ")"}
CLITICS = {"m", "s", "re", "ve", "ll", "d", "nt", "t"}
FILLERS = {"idk", "um", "uh", "umm", "ok", "okay", "yeah", "lol", "hmm", "well"}
I_WORDS = ["i", "we"]
PAST_BE = ["was", "were"]
BE_OR_FEEL = ["was", "were", "am", "'m", "m", "felt", "feel", "got", "been"]
INTENSIFIERS = ["so", "really", "very", "too", "just", "pretty", "super", "extremely", "completely", "totally", "kinda"]
STATES_ON_THEIR_OWN = [
    "stressed", "drunk", "lonely", "tired", "bored", "depressed", "overwhelmed", "wasted",
    "hammered", "exhausted", "high", "insecure", "neglected", "frustrated", "confused", "unhappy",
    "miserable", "vulnerable",
]
STATES_AS_REASON = STATES_ON_THEIR_OWN + [
    "scared", "afraid", "angry", "upset", "hurt", "sad", "jealous", "curious", "weak", "desperate",
    "anxious", "ignored",
]
HURT_WORDS = [
    "hurt", "upset", "offend", "offended", "neglected", "unloved", "disrespected", "betrayed",
    "wrong", "bother", "bothered", "disappointed", "harm", "harmed", "sad", "angry", "mad",
    "uncomfortable", "hurtful", "offensive", "unwanted",
]
TRIVIAL_THINGS = [
    "kiss", "text", "message", "chat", "flirt", "drink", "coffee", "lunch", "hug", "fling", "photo",
    "picture", "joke", "friend", "friendship", "game", "conversation", "dance", "phase", "crush",
    "sext", "email", "call",
]
FORGIVENESS_VERBS = ["forgive", "trust", "forget", "move", "let", "get", "stop", "accept", "drop", "put"]
PARTNER_FAULT_VERBS = [
    "have", "give", "listen", "care", "want", "make", "pay", "notice", "appreciate", "do", "find",
    "let", "support", "talk", "touch", "help", "understand", "put", "ask", "show", "spend", "nag",
    "complain", "criticize", "criticise", "check", "come", "say", "take", "start", "push", "ignore",
]
PARTNER_ABSENT = ["home", "busy", "at", "working", "on", "tired", "angry", "cold", "distant", "nagging", "yelling", "out", "away"]
WARM_AFTER_MADE_ME = {"happy", "safe", "home", "loved", "proud", "better", "laugh", "smile", "whole", "welcome", "special"}
TIME_WORDS = [
    "week", "weekend", "month", "year", "tomorrow", "tonight", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "christmas", "easter", "summer", "holiday",
    "holidays", "birthday", "anniversary", "day", "days", "weeks", "months", "new",
]
# How the writer feels now: said in the apology, it turns the focus to their own pain.
SELF_STATES = [
    "miserable", "terrible", "awful", "horrible", "guilty", "ashamed", "wretched", "devastated", "heartbroken",
    "broken", "wrecked", "gutted", "sick", "depressed", "hopeless", "empty", "lost", "suffering", "hurting",
    "struggling", "unhappy", "lonely", "shit", "crap", "rubbish", "awfull", "terible",
]
# The same, minus the states that in the past tense usually explain the act ("I was lonely").
SELF_STATES_AFTER = [state for state in SELF_STATES if state not in STATES_AS_REASON]
# Gifts and big gestures: offered as amends they can feel like buying forgiveness (001, 003).
GIFTS = [
    "gift", "gifts", "flowers", "jewelry", "jewellery", "ring", "necklace", "holiday", "vacation", "trip",
    "cruise", "surprise", "car", "bouquet", "roses", "chocolates",
]
# Lemmas that show a "what I'll do" answer names an action the partner could check.
CHECKABLE_LEMMAS = {
    "pay", "repay", "refund", "show", "tell", "block", "share", "give", "hand", "book", "attend", "install", "unfollow",
    "cancel", "quit", "answer", "call", "check", "text", "texting", "send", "delete", "close", "phone", "password",
    "location", "number", "account", "app", "therapist", "counselor", "counsellor", "therapy",
    "counselling", "counseling", "session", "email", "calendar", "bank", "statement", "card",
    "every", "each", "daily", "weekly", "tonight", "tomorrow", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "weekend",
}
# Lemmas that show a "what I did" answer names the act itself (plus any checkable action).
SPECIFIC_LEMMAS = CHECKABLE_LEMMAS | {
    "lie", "cheat", "hide", "kiss", "sleep", "message", "sext", "flirt", "date", "meet", "see",
    "take", "spend", "gamble", "steal", "touch", "visit", "affair", "secret", "betray",
}
WOULD_HAVE_PARTICIPLES = {
    "been", "paid", "done", "given", "shown", "made", "spent", "taken", "said", "told", "left",
    "gone", "come", "seen", "had", "put", "let", "got", "gotten", "known", "thought", "felt", "kept",
}
# Word pairs that admit the wrong, so a "but" after them takes something back.
ADMISSION_PAIRS = {("hurt", "you"), ("mess", "up"), ("screw", "up")}
PERSON_WORDS = ["person", "man", "woman", "partner", "husband", "wife", "boyfriend", "girlfriend"]

BECAUSE_WORDS = ["because", "becuase", "bc", "cause", "cuz", "coz", "'cause"]
JUST_WORDS = ["just", "only", "merely", "simply"]

WORD_LISTS: dict[str, list[str]] = {
    "SORRY": SORRY_WORDS,
    "I": I_WORDS,
    "PAST_BE": PAST_BE,
    "BE_OR_FEEL": BE_OR_FEEL,
    "INTENSIFIER": INTENSIFIERS,
    "STATE": STATES_ON_THEIR_OWN,
    "STATE_AS_REASON": STATES_AS_REASON,
    "HURT": HURT_WORDS,
    "TRIVIAL": TRIVIAL_THINGS,
    "FORGIVENESS_VERB": FORGIVENESS_VERBS,
    "PARTNER_FAULT_VERB": PARTNER_FAULT_VERBS,
    "PARTNER_ABSENT": PARTNER_ABSENT,
    "TIME": TIME_WORDS,
    "PERSON": PERSON_WORDS,
    "BECAUSE": BECAUSE_WORDS,
    "JUST": JUST_WORDS,
    "SELF_STATE": SELF_STATES,
    "SELF_STATE_AFTER": SELF_STATES_AFTER,
    "GIFT": GIFTS,
}
