"""Crisis rules for self-harm told by its details: the punishment, the wall, the burn, the means.

People who hurt themselves often name neither "self-harm" nor a feeling: they say they have
not eaten for days because they punish themselves, that they bash their head on the wall
until it bruises, that they burned their arm with a cigarette, that it will be 3am "alone
with the razor", that they will "finish everything" on the day the children are away, or
that they took extra insulin on purpose.
Same notation and engine as ``coach.safety.rules``; each family is narrow, and the context
it needs is a ``requires`` veto, because each wording alone is also everyday speech
("like banging my head against a brick wall", "burned my hand on the oven", "finish
everything on my list").
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, preceded_within, requires
from coach.safety.rules import SELF_HARM
from coach.safety.vetoes import accident_context, negated

_SELF_DENIAL = ("without eating", "not eating", "n't eaten", "nt eaten", "not eaten", "barely eating",
                "barely eaten", "hardly eating", "hardly eaten", "stopped eating", "stop eating", "do n't eat", "do nt eat",
                "skip meals", "skipping meals", "starve", "starving", "starved", "cut myself", "cutting",
                "burn myself", "burning myself", "hit myself", "hitting myself", "hurt myself", "hurting myself")
_INJURY = ("bruise", "bruised", "bruises", "bleeding", "bled", "bleed", "blood", "lump", "bump", "swollen",
           "split", "concussion", "dizzy", "marks", "every time", "whenever", "deserve", "until", "till")
_EVERYDAY = ("brick wall", "like banging", "like hitting", "trying to", "accidentally", "by accident",
             "tripped", "slipped", "fell", "cupboard", "lol", "haha")
_ALONE_AT_HOME = ("takes the kids", "kids are", "kids will be", "nobody", "no one", "alone", "everyone 's out",
                  "everyones out", "when everyone", "made up my mind", "it 's decided", "its decided", "for good")
_TASKS = ("homework", "chores", "work", "project", "essay", "tidy", "tidying", "laundry", "painting",
          "decorating", "list", "assignment", "report", "cleaning", "packing", "relax", "book", "series")

INJURY_SIGN_RULES: tuple[Rule, ...] = (
    Rule("punishing_myself", SELF_HARM, patterns=(
        "~punish myself",
        "'s|s|is|as|its|it my punishment for what i ~do|~did",
    ), vetoes=(requires(*_SELF_DENIAL),
               anywhere("diet", "dieting", "wedding", "fasting", "ramadan", "lent", "gym", "bikini"))),
    Rule("head_against_the_wall", SELF_HARM, patterns=(
        "~bang|~bash|~smash|~slam|~hit|~knock my head against|on|into the|a|my? wall|walls|door|floor|mirror|radiator",
    ), vetoes=(requires(*_INJURY), anywhere(*_EVERYDAY),
               preceded_within(4, "he", "she", "they", "baby", "toddler", "kid", "son", "daughter", "dog"))),
    Rule("burning_myself", SELF_HARM, patterns=(
        "~burn|~scald|~brand my ~$BODY_PART|hand|hands|skin|leg|legs with a|the|my|his|her? cigarette|lighter|match|"
        "matches|candle|lit|ciggie|fag|iron",
        "~put|~press|~hold a|the|my? lit|hot? cigarette|lighter|ciggie|fag|iron _? on|to|against my ~$BODY_PART|hand|skin",
    ), vetoes=(accident_context, anywhere("by accident", "accidentally", "cooking", "oven", "clumsy", "while ironing",
                                          "doing the ironing", "ironing his", "ironing my", "ironing the"))),
    Rule("alone_with_the_means", SELF_HARM, patterns=(
        "alone with the|my|a|his|her|those|these|all razor|razors|blade|blades|pills|tablets|rope|gun|meds",
        "just me and the|my|a|his|her|those|these razor|razors|blade|blades|pills|tablets|rope|gun",
    ), vetoes=(negated,)),
    Rule("finish_it_when_alone", SELF_HARM, patterns=(
        "~finish everything",
        "~finish it all",
    ), vetoes=(requires(*_ALONE_AT_HOME), anywhere(*_TASKS),
               followed_by("off", "up", "on my", "at work", "for work", "before", "with", "between"))),
    # stop 20: insulin taken as a means ("injected way more than my dose on purpose")
    Rule("insulin_on_purpose", SELF_HARM, patterns=(
        "~take|~inject|~do|~give extra|more|double|triple|too|way|all _? _? _? _? insulin|units|pens on? purpose|deliberately|intentionally",
        "~take|~inject|~do|~give myself? extra|more|double|triple|too|way|all _? _? _? _? insulin|units|pens so i",
        "~take|~inject|~give _? _? _? my|the insulin dose|doses|units on purpose|deliberately|intentionally",  # stop 29
    ), vetoes=(anywhere("nurse said", "nurse told", "doctor said", "doctor told", "diabetes team", "before the gym",
                        "before my run", "before a run", "before a meal", "before dinner", "for the meal", "for carbs",
                        "correction", "by mistake", "accidentally", "high sugar", "sugars high", "sugar was high", "ketones"),
               followed_by("so i can eat", "so i could eat", "so i can have", "so i could have"))),
)
