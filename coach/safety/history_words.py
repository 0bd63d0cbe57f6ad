"""Words that tell a self-harm or crisis history as over, or as come back.

Read by ``coach.safety.history_veto.recovered_history`` (and through it ``told_as_over``): a past
marker with a recovery marker, or a distant marker alone, tells the history as over; a return
marker outside the match says it has come back. Every entry is a token sequence as spaCy
splits it ("have nt in years"), checked by the tokenizer test in ``tests/test_safety.py``.
"""

from __future__ import annotations

PAST_MARKERS = (
    "used to", "years ago", "year ago", "long ago", "ages ago", "as a kid", "as a young", "as a teen", "as a teenager", "when i was", "in the past", "back in",
    "a long time ago", "long time ago", "years back", "at uni", "at school", "in my twenties", "in my teens",
    "my history", "history of", "history with", "last time i", "the last time", "past suicidal", "past self",
    # stop 17: a time of life named ("back in school", "at college"), an "old" habit
    "in school", "in high school", "at college", "in college", "at university", "as a child",
    "when i was younger", "my old", "old self",
    # stop 21: "back in uni", "when i was 15" (an age: see history_veto._a_past_year)
    "in uni",
    # stop 24: a month named as past, told with a recovery marker ("an overdose in october ... doing ok now")
    "last month", "in january", "in february", "in march", "in april", "in may", "in june", "in july",
    "in august", "in september", "in october", "in november", "in december",
    # stop 25: a year named as past ("thoughts of self harm last year ... doing well now")
    "last year",
    # stop 26: typed short ("6 yrs ago")
    "yrs ago", "yr ago", "yrs back",
)
# so long ago, or so long over, that they need no word of recovery: "long time ago, he knows
# about it", "6 years free of self harm"
DISTANT_MARKERS = (
    "years ago", "long time ago", "long ago", "ages ago", "years back", "as a teenager", "as a teen", "in my teens",
    "years free", "years clean", "months free", "months clean", "free of it for", "clean of it for",
    "harm free", "lifetime ago", "clean from", "free from", "years since", "since my last", "long gone", "years no",
    "years without", "recovering from", "recovered from", "recovery from",
    # stop 17: before the relationship began ("years before we met")
    "years before", "before we met", "before i met", "before we got together",
    "have nt in years", "have n't in years", "not in years", "as a kid", "as a child", "when i was a kid", "when i was little",
    # stop 18: dated before a child's birth ("before my daughter was born and she's 8 now"; not
    # "since my son was born", which can be now)
    "before my daughter was born", "before my son was born", "before our daughter was born",
    "before our son was born", "before the baby was born", "before the kids were born", "before my kids were born",
    "before our kids were born", "before my children were born", "before our children were born",
    # stop 21: "twenty years behind me", "it's been over a decade"
    "years behind me", "over a decade", "a decade ago", "decades ago", "decade since", "a decade now",
    # stop 26: typed short ("the crash was 6 yrs ago")
    "yrs ago", "yrs back", "yrs since", "yrs free", "yrs clean",
)
RECOVERY_MARKERS = (
    "fine now", "ok now", "okay now", "well now", "safe now", "i m safe", "i 'm safe", "i am safe", "been fine",
    "been well", "doing well", "doing fine", "better place", "well for", "fine for", "recovered", "clean for",
    "free for", "long time now", "behind me", "stable", "chapter is closed", "not at risk",
    "steady place", "doing ok", "doing okay", "in a good place", "good support", "not since", "n't in years",
    "not in years", "proud of", "got away", "safe with",
    # as the tokenizer splits them: "havent in" / "haven't since"
    "have nt in", "have n't in", "have nt since", "have n't since",
    "free of", "now i do", "no longer", "not anymore", "not any more", "doing good", "doing great", "nothing like that since",
    "nothing since", "proper help", "got help", "nt anymore", "n't anymore", "have nt for", "have n't for",
    "we made it", "made it through", "different place", "nowhere near", "good life", "safety plan",
    # stop 17: "it's history", healthier coping named, "very much ok", "not something i do anymore"
    "its history", "it 's history", "it s history", "is history", "all history", "healthy ways", "ways to cope",
    "cope now", "coping now", "much ok", "much okay", "i do anymore", "i do any more",
    # stop 18; stop 20: "haven't done it in 6 years", "worked through it with my therapist"
    "much better", "doing better", "have nt done it in", "have n't done it in", "have nt done it since",
    "have n't done it since", "worked through",
    # stop 21: "i'm not doing that now", "steady these days"
    "not doing that now", "not doing it now", "not doing that anymore", "steady these days", "steady now",
    # stop 24: in care now ("seeing a psychiatrist now and staying with us", "home with a care team")
    "seeing a psychiatrist", "seeing a counsellor", "seeing a therapist", "care team", "staying with us",
)
RETURN_MARKERS = (
    "it again", "started again", "again lately", "is back", "'s back", "its back", "it s back", "are back", "coming back", "creeping back",
    "urge", "urges", "tempted", "relapse", "relapsed", "relapsing", "not ok", "not okay", "not fine", "not safe",
    "thinking about it", "want to", "wanna", "lately", "recently", "tonight", "this week", "but now",
    "not in a good place", "no support", "same feeling", "feel like that", "think about it",
    "thinking about", "last night", "last week", "yesterday", "this morning", "until last", "till last",
    "but then", "same now", "like it did", "like before", "it did before", "scared", "afraid", "terrified", "worried",
    "that place", "dark place", "same place", "feels exactly", "feeling it", "creeping", "like i did", "exactly like", "starting to", "feel exactly", "feels the same", "feel the same", "like back then", "like then",
)
