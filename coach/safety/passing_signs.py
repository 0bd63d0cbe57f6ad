"""Crisis rules for a danger told in passing, beside something else.

Seen set 11's misses (stop 22), as families in our own words. People end a sentence about
the relationship with themselves ("ending things, not the relationship. me"), weigh the
timing of going against a child's birthday, write with a knife on the bed beside them, log a
fresh deep cut "again" in a check-in, leave letters "so someone finds them after"; they tell
of a grip that left finger marks, a partner sending their private things to their family, a
threat to "take us all with him", a house they may not leave until they have "earned it"
back; and five crises of the seen sets the stop's classifier stopped asking about (the maths
on the drop, shoved into the wall, punishment at home for a late dinner). Same notation and
engine as ``coach.safety.rules``, run by ``coach.safety.detector`` with them; each pattern
narrow, with vetoes for the everyday readings (a knife for the onions, a bramble cut, a mosh
pit, a surprise letter, a holiday he takes the family on).
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_within, requires, unless_boundary_after
from coach.safety.history_veto import recovered_history
from coach.safety.rules import ABUSE, SELF_HARM
from coach.safety.vetoes import someone_else, travel_not_death
from coach.safety.words import MOVING_HOUSE, PARTNER_WORDS

_BLADES = "knife|knives|blade|blades|razor|razors|scissors"
_LIMBS = "thigh|thighs|arm|arms|wrist|wrists|leg|legs|hip|hips|stomach|tummy|forearm|forearms|ankle|ankles"
_PRIVATE = "private|intimate|personal|nude|naked|sex|secret"
_THINGS = "stuff|photos|pics|pictures|messages|texts|things|videos|emails|diary|journal|nudes|chats"
_KEPT_IN = ("~say|~tell|~decide me? that? i do|ca|wo|can|am|'m|m $NEG ~leave|~go out? of? this|the|my house|flat|home|room|"
            "bedroom until|unless|till|til")
# the message names the partner or another person close enough to be the one doing it
_SOMEONE_NAMED = requires("he", "she", *PARTNER_WORDS)
_FINDERS = "someone|somebody|they|people|the|my|mum|mom|dad|he|she|everyone|anyone"

PASSING_SIGN_RULES: tuple[Rule, ...] = (
    # the end meant for the writer, not the couple: "ending things for good. not the relationship, me"
    Rule("not_the_relationship_me", SELF_HARM, patterns=(
        "not the|our? relationship|marriage|engagement|us ,|.|-|; me|myself",
        "not the|our? relationship|marriage|engagement|us ,|.? i mean me|myself",
    ), vetoes=(requires("end", "ending", "ended", "finish", "finishing", "done", "over", "gone", "stop", "quit", "leave",
                        "leaving", "go"),
               anywhere("fault", "problem", "blame", "work on", "working on"))),
    # the timing of going weighed against a family day: "is it more selfish to go before her birthday or after"
    Rule("selfish_timing_of_going", SELF_HARM, patterns=(
        "selfish|kinder|fairer|crueler|crueller|cruel|easier to go|die before|after %word* or before|after",
    ), vetoes=(travel_not_death, anywhere(*MOVING_HOUSE, "pack", "tell him", "tell her", "uni", "job", "gym", "shop", "shops"))),
    # a blade beside the writer as they write ("the big kitchen knife on the bed next to me")
    Rule("knife_beside_me", SELF_HARM, patterns=(
        f"{_BLADES} 's|s|is|are|sits|lies? on|in|under the|my _ right? next to me",
        f"{_BLADES} 's|s|is|are|sits|lies? on|in|under the|my _ right? beside me",
    ), vetoes=(anywhere("cooking", "chopping", "veg", "onion", "onions", "carving", "bread", "cake", "whittling",
                        "fishing", "camping", "craft", "sewing", "lol", "haha"), someone_else)),
    # a deep cut logged "again" ("cut again. deep one on my thigh")
    Rule("deep_cut_again", SELF_HARM, patterns=(
        f"deep|deeper|bad|worse one|cut|cuts|ones on|across|along|into my {_LIMBS}",
    ), vetoes=(requires("again", "myself", "relapse", "relapsed", "clean", "the urge", "blade", "razor"),
               anywhere("fence", "bramble", "brambles", "tin", "mandoline", "paper", "shaving", "surgery", "football",
                        "rugby"))),
    # the height worked out ("standing on the balcony doing the maths on the drop")
    Rule("maths_on_the_drop", SELF_HARM, patterns=(
        "~do|~work|~run the? maths|math|numbers on|of|out the drop|fall|height",
        "how high|far the drop|fall is|would",
    ), vetoes=(anywhere("bungee", "skydive", "skydiving", "zipline", "climbing", "climb", "abseil", "rollercoaster",
                        "roller coaster", "physics", "homework", "lol", "haha", "pool", "diving", "jump in"),)),
    # letters left to be found afterwards ("where i left the letters so someone finds them after")
    Rule("letters_found_after", SELF_HARM, patterns=(
        f"so|that|where|when {_FINDERS} _? ~find them|it|those|mine after|afterwards|later",
    ), vetoes=(requires("letter", "letters", "note", "notes", "envelope", "my will"),
               unless_boundary_after(frozenset({"and", "when", "i", "im"})),
               anywhere("surprise", "treasure", "hunt", "valentine", "valentines", "easter", "lunchbox", "love letter",
                        "love letters"))),
    # a grip that left marks ("grabbed my arm so hard it left finger marks")
    Rule("grip_left_marks", ABUSE, patterns=(
        "left|leaving|leaves finger|fingertip|fingertips|hand|grip|thumb marks|bruises|prints",
        "so hard|tight it|that left|leaves|leaving a? marks|bruises|bruise",
        "finger|fingertip|thumb|hand marks|prints|bruises on my neck|throat|arm|arms|wrist|wrists|face",
    ), vetoes=(anywhere("rugby", "physio", "massage", "wrestling", "judo", "bjj", "climbing", "lol", "haha"),)),
    # violence told as done to the writer ("if something doesnt match i get shoved into the wall")
    Rule("thrown_into_the_wall", ABUSE, patterns=(
        "i get|got|was|am|m|'m|gets ~shove|~push|~throw|~slam|~pin|~smash into|against the|a|my wall|walls|door|fridge|floor|"
        "wardrobe|cupboard|radiator|counter|worktop|table|car",
    ), vetoes=(anywhere("rugby", "gig", "mosh", "crowd", "pool", "lol", "haha", "bus", "train", "tube", "queue",
                        "sale"),)),
    # private things sent to others by the partner ("she is sending my private stuff to my family")
    Rule("private_things_spread", ABUSE, patterns=(
        f"$THREAT_SUBJECT $AUX* ~send|~post|~leak|~share|~spread|~forward|~show my {_PRIVATE} {_THINGS}",
        f"and|now|then $AUX* ~send|~post|~leak|~share|~spread|~forward|~show my {_PRIVATE} {_THINGS}",
    ), vetoes=(_SOMEONE_NAMED,
               anywhere("should i", "therapist", "counsellor", "doctor", "lawyer", "by mistake", "accidentally"))),
    # a threat to take the family with him ("he says hes going to take us all with him")
    Rule("take_us_all_with_him", ABUSE, patterns=(
        "~take us|them|everyone|everybody all with him|her",
        "~take the|my|our kids|children all? with him|her when|if he|she ~go|~die|~end",
    ), vetoes=(travel_not_death, followed_within(3, "to", "on", "for", "camping", "holiday", "trip", "abroad"),
               anywhere("holiday", "trip", "shopping", *MOVING_HOUSE))),
    Rule("take_me_down_with_him", ABUSE, patterns=(
        "~take us|me|everyone|everybody down with him|her",
        "~take the|my|our? kids|children down with him|her",
    ), vetoes=(anywhere("court", "fraud", "debt", "company", "business", "tax", "lawyer", "career", "reputation", "ship",
                        "police", "scandal", "job"),)),
    # followed home and waiting outside now ("followed us home. hes sat outside the house now")
    Rule("followed_home_waiting", ABUSE, patterns=(
        "~follow me|us home|back",
        "$THREAT_SUBJECT $AUX* sat|sitting|parked|waiting|standing outside the|my|our house|flat|door|work|school|window again",
        "ex $AUX* sat|sitting|parked|waiting|standing outside the|my|our house|flat|door|work|school|window now|again|"
        "since|all",
    ), vetoes=(requires("outside", "parked", "waiting", "again", "every day", "everywhere", "scared", "ex"),
               anywhere("dog", "cat", "puppy", "kitten", "stray", "fox", "bird", "duck", "lol", "haha", "uber", "taxi",
                        "pizza", "delivery", "surprise"), recovered_history)),  # stop 26: "that was 2018, moved abroad"
    # punished at home for a chore ("i get punished if dinner isnt ready at 6")
    Rule("punished_for_chores", ABUSE, patterns=(
        "i get|am|m|'m|got|was ~punish if|when|whenever|for|unless",
    ), vetoes=(requires("dinner", "tea", "house", "home", "he", "she", *PARTNER_WORDS),
               anywhere("school", "teacher", "boss", "referee", "coach", "game", "detention", "lol", "haha", "parents",
                        "when i was a kid", "as a kid", "as a child", "growing up"))),
    # kept in until it is "earned": "says i dont leave this house until ive earned it back"
    Rule("kept_in_until_earned", ABUSE, patterns=(
        f"$THREAT_SUBJECT $AUX* {_KEPT_IN}",
        f"and|then {_KEPT_IN}",
    ), vetoes=(_SOMEONE_NAMED,
               anywhere("homework", "curfew", "grounded", "dog", "puppy", "vet", "lol", "haha", "covid", "isolating",
                        "quarantine"))),
)
