"""Crisis rules for a farewell told in passing: the means beside the writer, an end set for later.

Seen set 10's misses (stop 21), as families in our own words. People write while the blade
or the rope lies beside them ("typing this with the razor next to me"); name the means and
the only way out in one breath ("there's rope in the loft, some days it feels like the only
way out"); tell of pills put by for a night ("the tablets i've been saving, once the kids are
down"); set things right "before i go for good" on a last day; and tell their end as relief
for the others ("won't have to put up with me much longer", "less for everyone to sort out
after"). Four more came from seen crises the stop's new training data left to the phrases: a
death made to "look like an accident", "tell Dan i loved him, i won't get the chance", "this
time next week none of it will matter", "sorry, you'll understand tomorrow". Same notation
and engine as ``coach.safety.rules``, run by ``coach.safety.detector`` with them; each pattern
narrow, with vetoes for the everyday readings (a climbing rope for a trip, pills saved for a
bad back, moving out for good).
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_within, requires, unless_boundary_after
from coach.safety.rules import SELF_HARM
from coach.safety.vetoes import someone_else, travel_not_death
from coach.safety.words import PRESCRIPTION_WORDS

_MEANS = "razor|razors|blade|blades|rope|noose|gun|shotgun|rifle|pistol"
_KEPT_MEANS = "rope|noose|shotgun|rifle|gun|pistol"
_PLACES = "garage|shed|loft|attic|basement|cellar|wardrobe|car|cupboard|drawer|barn|boot|closet|safe"
_THEM = "everyone|everybody|them|anyone|anybody|him|her|the|my|family|kids|mum|mom|dad"
# what a rope, a blade or a gun is for on an ordinary day
_EVERYDAY_USE = ("climbing", "camping", "tent", "trip", "boat", "sailing", "swing", "tow", "tie", "shave", "shaving",
                 "hunting", "range", "clay", "farm", "pigeons", "rabbits", "craft", "stanley", "wallpaper", "lol", "haha")

FAREWELL_SIGN_RULES: tuple[Rule, ...] = (
    # the means beside the writer as they write ("the blade is next to me on the bed")
    Rule("means_beside_me", SELF_HARM, patterns=(
        f"with a|the|my|his|her|some|dads|an? old? {_MEANS} right? next to me",
        f"with a|the|my|his|her|some|dads|an? old? {_MEANS} right? beside|by|near me",
        f"the|my|his|her|a {_MEANS} 's|s|is|are|sits|sitting|lies|lying _? right? next to me",
        f"the|my|his|her|a {_MEANS} 's|s|is|are|sits|sitting|lies|lying _? beside me",
    ), vetoes=(anywhere(*_EVERYDAY_USE), someone_else)),
    # the means named with the only way out ("rope in the shed ... feels like the only way")
    Rule("means_and_the_only_way", SELF_HARM, patterns=(
        f"a|some|the|his|dads|an? old? {_KEPT_MEANS} up|down|out? in|on|at|inside the|my|our|his _? {_PLACES}",
        f"{_KEPT_MEANS} is|'s|s still? up|down|out? in|on|at|inside the|my|our|his _? {_PLACES}",
    ), vetoes=(requires("only way", "way out", "way to stop", "only answer", "end it", "be over", "easier for", "better off",
                        "stop hurting", "over with", "stop the pain", "way this stops"),
               anywhere(*_EVERYDAY_USE))),
    # pills put by: "the tablets i've been saving", "been stockpiling my meds"
    Rule("pills_put_by", SELF_HARM, patterns=(
        "~$PILLS i 've|ve|have|had been? ~save|~stockpile|~hoard|~stash|~collect|~gather|~hide|~keep",
        "i 've|ve|have|had|been ~stockpile|~hoard|~stash up? my|the|those|some|all ~$PILLS",
    ), vetoes=(followed_within(8, *PRESCRIPTION_WORDS, "back", "holiday", "trip", "emergencies", "pharmacy", "chemist",
                               "return", "dog", "cat", "migraines", "hay", "allergies"),
               anywhere("take back", "hand in", "dispose", "recycle", "safely"), someone_else)),
    # going "for good" on a last day, with things sorted ("last day. everything sorted before i go for good")
    Rule("last_day_for_good", SELF_HARM, patterns=(
        "before|after|once|when|then i go for? good|forever",
        "before|after|once|when|then i 'm|m|am gone for? good|forever",
        "before|after|once|when|then i go|leave on? %alpha %alpha? .|, for? good|forever",
    ), vetoes=(requires("last day", "my last", "sorted", "in order", "say goodbye", "said goodbye", "goodbyes",
                        "wo nt be back", "wo n't be back", "not coming back"),
               travel_not_death, anywhere("flat", "job", "move", "moving", "visa", "abroad", "uni", "leave him", "leave her",
                                          "leaving him", "leaving her", "emigrate", "emigrating", "lol", "haha"))),
    # an end told as relief for the others: "won't have to put up with me much longer"
    Rule("put_up_with_me", SELF_HARM, patterns=(
        "$NEG ~have to ~put up with me for? much|any? longer",
        "$NEG ~have to ~put up with me anymore|soon",
        "nobody|noone|one will|'ll|would ~have to ~put up with me for? much|any? longer",
    ), vetoes=(travel_not_death,
               anywhere("move out", "moving out", "moving", "move in", "lodger", "flatmate", "roommate", "housemate", "guest",
                        "staying with", "snoring", "shift", "lol", "haha", "holiday", "trip", "course", "visit", "exams"))),
    # "less for everyone to sort out after": affairs cleared for the ones left behind
    Rule("less_to_sort_after", SELF_HARM, patterns=(
        f"less|nothing for {_THEM} _? to ~sort|~deal|~clear|~handle|~do out? with? after|afterwards",
        f"one less thing for {_THEM} _? to ~sort|~deal|~clear|~handle|~do out? with? after|afterwards",
    ), vetoes=(unless_boundary_after(frozenset({"i", "im", "when", "my"})),
               anywhere("party", "move", "moving", "wedding", "christmas", "holiday", "declutter", "decluttering",
                        "spring clean", "operation", "surgery"))),
    # stop 21, seen sets' crises the new training data left to the phrases: a death dressed as
    # an accident, a love passed on with no chance left, a week after which nothing matters,
    # a sorry that will make sense tomorrow
    Rule("as_if_an_accident", SELF_HARM, patterns=(
        "ways|how|way to ~make it ~look|~seem like an accident",
    ), vetoes=(anywhere("lol", "haha", "mug", "vase", "spill", "spilled", "spilt", "dent", "scratch", "game",
                        "film", "book", "plot", "story", "novel", "character"), someone_else)),
    Rule("love_with_no_chance_left", SELF_HARM, patterns=(
        "~tell _ _? that? i always? loved him|her|them|you",
    ), vetoes=(requires("wo nt get the chance", "wo n't get the chance", "never get the chance", "no chance to", "when i m gone",
                        "when i 'm gone", "after i m gone", "after i 'm gone", "goodbye", "wo nt be here", "wo n't be here"),
               anywhere("play", "show", "gig", "film", "flight", "flies", "trip", "holiday", "concert", "party", "lol"))),
    Rule("none_of_it_will_matter", SELF_HARM, patterns=(
        "this time next week|month none|nothing of? it|this will|'ll|ll matter",
        "this time tomorrow none|nothing of? it|this will|'ll|ll matter",
        "by tomorrow|monday|tonight|sunday|friday|saturday none|nothing of? it|this will|'ll|ll matter",
    ), vetoes=(anywhere("exam", "exams", "interview", "wedding", "deadline", "results", "holiday", "move", "match", "game",
                        "presentation", "test", "court", "hearing", "lol", "haha"),)),
    Rule("sorry_they_will_understand", SELF_HARM, patterns=(
        "you|he|she|they 'll|ll|will understand tomorrow|soon|later|after|when",
        "you|he|she|they 'll|ll|will understand one day",
    ), vetoes=(requires("sorry", "forgive me", "love you", "goodbye", "bye"),
               anywhere("party", "surprise", "present", "gift", "birthday", "see it", "explain", "explained", "letter from the",
                        "when you see", "when you read my apology", "apology", "lol", "haha"))),
)
