"""Crisis rules for other people's emergencies, told by their signs rather than their names.

A child gone missing or lost in a shop or a park; a fire or smoke in the home; a seizure that
will not stop; gas or carbon monoxide; a throat or face swelling from an allergy, an EpiPen
that is not working; a face drooping or speech slurring (a stroke, one sign with drink vetoes
or two signs together); a crash with someone hurt; someone armed or shooting nearby; someone
banging to get in, told with fear; someone else's overdose with a sign it is happening now
("not answering"); a diabetic low told by its signs (stop 20). Each
gets the emergency line first (``coach.safety.replies``), never coaching. Same notation and
engine as ``coach.safety.rules``; the context a rule needs is a ``requires`` veto, and what
makes the words harmless (a story, a drink, "years ago", "all sorted") is a veto too.
Moved out of ``coach.safety.danger_signs`` at stop 16 (same rules, same order).
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, at_least_two, followed_by, requires
from coach.safety.history_veto import recovered_history
from coach.safety.rules import EMERGENCY
from coach.safety.vetoes import STORY_WORDS, harmless_setting

_FIGURE = (*STORY_WORDS, "heart", "chest", "metaphor", "relationship", "marriage", "career")  # fire as a figure
_PUT_OUT = ("put it out", "put out", "all fine", "no harm done")
# a stroke's signs (face, arm, speech): two of them together, never one alone
_STROKE_SIGNS = ("one side", "left side", "right side", "droop", "drooping", "droopy", "dropped", "slurring",
                 "slurred", "ca n't lift", "ca nt lift", "can not lift", "numb", "ca n't talk",
                 "ca nt talk", "ca n't speak", "ca nt speak", "confused", "weird", "lopsided", "wonky")
_ARMED = "~gun|~knife|machete|~rifle|weapon|shotgun|pistol"
_OVER = ("years ago", "yrs ago", "last year", "as a kid", "when i was", "fine now", "ok now", "okay now", "better now",
         "all fine", "recovered", "turned out", "false alarm", "all sorted", "sorted now", "in case")
# told as a memory of childhood ("a house fire when i was a kid and i still hate candles"): stop 31
_CHILDHOOD = ("when i was a kid", "as a kid", "when i was little", "as a child", "growing up", "when i was young")
_DRINK = ("drunk", "drinking", "drink", "pints", "wine", "beer", "beers", "pissed", "wasted", "vodka", "tipsy",
          "hammered", "sleepy", "tired")
# what explains a face or speech that looks odd: a drink, a joke, a photo, the dentist
_DRINK_OR_FUN = (*_DRINK, "pub", "lol", "haha", "photo", "photos", "selfie", "botox", "dentist", "filler",
                 "anaesthetic", "numbing")
_ALLERGY = ("allergic", "allergy", "allergies", "nut", "nuts", "peanut", "peanuts", "sting", "stung", "bee", "wasp",
            "shellfish", "prawn", "prawns", "epipen", "epi", "reaction", "anaphylactic", "anaphylaxis", "hives", "wheezing")
_URGENT = ("worse", "not working", "is nt working", "is n't working", "breathe", "breathing", "breath", "wheezing",
           "swelling", "swollen", "blue", "collapsed", "floppy", "now", "still")
_PLACES = ("shop", "shops", "shopping", "centre", "center", "mall", "park", "beach", "supermarket", "crowd", "festival",
           "station", "fair", "zoo", "market", "town", "store", "airport", "playground", "fairground", "minutes", "min",
           "mins")

EMERGENCY_SIGN_RULES: tuple[Rule, ...] = (
    Rule("child_gone_missing", EMERGENCY, patterns=(
        "my|our little? son|daughter|boy|girl|child|kid|toddler|baby is|s|'s|has|have|gone|been|went|go|just* missing|lost|vanished|disappeared",
        "~can|ca $NEG ~find my|our little? son|daughter|boy|girl|child|kid|toddler|baby anywhere",
    ), vetoes=(followed_by("his", "her", "their", "me", "you", "out", "school", "the", "a", "an", "class", "lessons",
                           "tooth", "teeth", "in", "interest", "in action"),
               anywhere("misses", "missing him", "missing her", "missing his", "missing her dad", "game", "hide and seek"))),
    # a child not where they should be, and a threat at the door, told as an aside (stop 16)
    Rule("child_not_there", EMERGENCY, patterns=(
        "~can|ca $NEG ~see|~find him|her|them anywhere",
        "$NEG in her|his|their bed|room and|,|the",
        "$NEG home since yesterday|last|this",
        "~ring|~call the police about",
        "$NEG ~come home from school",
        "$NEG ~come home yet|tonight|last",
        "~get|got in|into a car|van with a|some man|stranger|guy",
    ), vetoes=(requires("daughter", "son", "kid", "child", "toddler", "baby", "girl", "boy", "13", "4", "5", "6", "7",
                        "8", "9", "10", "11", "12", "14", "15", "16", "missing", "door"),
               anywhere(*STORY_WORDS, *_OVER, "found", "turned up", "is safe", "safe now", "sleepover", "at her dads",
                        "at his dads", "at her mums", "at his mums", "school trip", "camp", "lol", "haha", "tidy"))),
    Rule("threat_at_the_door", EMERGENCY, patterns=(
        "~kick|~break|~smash the|our|my door in|down",
        "~smoke ~come in|under|through",
        "hallway|house|room|flat|stairs ~be full of it|smoke",
        "~get|got|~have|has a bat|knife|gun|machete|crowbar",
    ), vetoes=(requires("outside", "door", "smoke", "shouting", "screaming", "window", "kick", "break in", "breaking in",
                        "threatening", "threatened", "waving", "pointing", "attacking", "stabbing"),
               anywhere(*STORY_WORDS, *_PUT_OUT, "baseball", "cricket", "rounders", "softball", "kitchen", "cooking",
                        "chef", "toast", "bbq", "barbecue", "candle", "vape", "lol", "haha", "nerf", "paintball", "keys",
                        "locked out", "locksmith"))),
    # someone down: not moving after a fall, going floppy, lips or face going blue or grey (stop
    # 16); a collapse on its own is ``not_breathing``'s (coach.safety.rules)
    Rule("someone_down", EMERGENCY, patterns=(
        "~be|'s|s|is not|nt|n't moving",
        "~go|going|gone|~turn all? floppy|limp",
        "~go|going|gone|~turn all? grey|gray|blue and|, floppy|limp",
        "lips|face|skin ~be|~go|going|~turn|are blue|grey|gray|purple",
        "lips|face|skin ~be|are going|turning blue|grey|gray|purple",
        "blue round|around the lips|mouth",
        "holding|~clutch his|her|their chest",
    ), vetoes=(requires("fell", "fall", "collapsed", "floppy", "limp", "blood", "breathing", "breathe", "stairs",
                        "drank", "swallowed", "seizure", "fit", "ambulance", "chest", "lips", "sick", "blue", "grey"),
               anywhere(*STORY_WORDS, *_OVER, "traffic", "queue", "car", "cars", "bus", "train", "lol", "haha", "mood",
                        "moody", "fingers", "cold outside", "the cold", "freezing", "lipstick", "hair", "paint", "dye",
                        "screen", "phone", "wifi", "stock", "shares", "relationship", "marriage", "we are", "we re",
                        "fell out", "falling out"))),
    Rule("fire_at_home", EMERGENCY, patterns=(
        "kitchen|house|chip|pan|flat fire",
        "flames out|from|through the|a window|door|roof",
        "full of _ smoke",
        "~catch|caught fire|alight",
        "the|our|my kitchen|house|flat|home|pan|oven|stove|room|curtains|bedroom|car|garage ~be|'s|s|is on fire|alight|ablaze",
        "flames up|everywhere|~spread|~come",
        "~set the|our|my|a|his|her fence|house|kitchen|curtains|bed|room|flat|garage|shed|car|sofa|carpet|hedge alight|ablaze",
        "~set fire to the|our|my|a|his|her fence|house|kitchen|curtains|bed|room|flat|garage|shed|car|sofa|carpet|hedge",
    ), vetoes=(anywhere(*_FIGURE, *_PUT_OUT, *_CHILDHOOD), recovered_history)),  # stop 24: "a house fire in 2021, all got out"
    # smoke alone is often the barbecue or the toast; flames are not (a candle that set the curtains alight)
    Rule("smoke_at_home", EMERGENCY, patterns=(
        "smoke everywhere|pouring",
        "full of smoke",
    ), vetoes=(anywhere(*_FIGURE, *_PUT_OUT, "bbq", "barbecue", "candle", "candles", "incense", "vape", "toast",
                        "burnt", "burned the", "cooking", "lol", "haha"),)),
    # the signs of someone else's emergency rather than its name (stop 15)
    Rule("seizure_now", EMERGENCY, patterns=(
        "$OTHER $AUX* fitting|seizing|convulsing",
        "the|this|his|her|a fit|seizure|fits|seizures $AUX* $NEG ~stop",
        "foaming at the mouth",
    ), vetoes=(followed_by("the", "a", "an", "in", "into", "new", "out", "his", "her", "their", "my", "our", "for",
                           "together", "well", "perfectly", "nicely", "right"),
               anywhere(*STORY_WORDS, "about the", "angry", "furious", "rage", "raging", "yelling", "shouting", "tantrum",
                        "tantrums", "strop", "temper", "hissy", "giggles", "laughing", "laughter"))),
    Rule("gas_in_the_home", EMERGENCY, patterns=(
        "~smell|~reek|~stink|smells|stinks|reeks of? gas",
        "gas ~leak|leaking|smell",
        "~leak gas",
        "carbon monoxide",
        "co alarm|detector",
    ), vetoes=(anywhere(*STORY_WORDS, *_PUT_OUT, *_OVER, "sorted", "fixed", "engineer", "boiler man", "gas man", "station",
                        "petrol", "diesel", "car", "fart", "farts", "lol", "haha", "battery", "last week", "last month"),)),
    Rule("allergic_swelling", EMERGENCY, patterns=(
        "~throat|~tongue|~lip|~face|~mouth $AUX* all? ~close|~swell|swollen|swelling|closing",
    ), vetoes=(requires(*_ALLERGY), anywhere(*_OVER, "hayfever", "crying", "cried", "dentist", "filler", "fillers",
                                            "botox", "mild", "last week", "last month"))),
    Rule("epipen_not_enough", EMERGENCY, patterns=(
        "epipen|anaphylactic|anaphylaxis",
        "epi pen",
    ), vetoes=(requires(*_URGENT), anywhere(*_OVER, "carry", "carries", "carrying", "expired", "prescription",
                                           "last week", "last month", "school trip"))),
    Rule("stroke_signs", EMERGENCY, patterns=(
        "~face|~mouth|~smile $AUX* all? ~droop|drooping|droopy|lopsided|sagging|~sag",
        "~face|~mouth|~smile $AUX* _? ~drop|dropped|~fall|fallen|~slip|slipped|~go|gone|~sag on|to one side",
        "~slur|slurring|slurred",
        "worst headache of his|her|my|their life",
    ), vetoes=(anywhere(*STORY_WORDS, *_DRINK, *_OVER, "lol", "haha", "botox", "photo", "picture", "selfie", "since his stroke",
                        "since her stroke", "after his stroke", "after her stroke", "marriage", "relationship", "affair"),)),
    Rule("child_lost_somewhere", EMERGENCY, patterns=(
        "~lose|lost my|our little? son|daughter|boy|girl|child|kid|toddler|baby|kids|children|boys|girls",
    ), vetoes=(requires(*_PLACES), anywhere(*STORY_WORDS, *_OVER, "found", "turned up", "is safe", "safe now", "divorce",
                                           "custody", "court", "miscarriage", "passed", "died", "death", "cancer",
                                           "to drugs", "hide and seek", "temper", "patience", "cool"))),
    Rule("crash_with_injuries", EMERGENCY, patterns=(
        "car|bike|motorbike|motorcycle|bus|road|motorway|head-on ~crash|~accident|~collision|pile-up",
        "~crash|crashed|~roll|rolled|~flip|flipped the|my|our|his|her|a car|van",
        "~come|came|~fall|fell off my|the|his|her|a bike|motorbike|motorcycle|scooter|horse",
        "~get|got|been|was|is|~be hit|knocked down|over by a|the car|van|bus|lorry|truck",
        "~hit|~knock|knocked a|the|some cyclist|pedestrian|kid|child|man|woman|person",
    ), vetoes=(requires("hurt", "injured", "bleeding", "blood", "trapped", "stuck", "not moving", "is nt moving",
                        "is n't moving", "unconscious", "ca nt feel", "ca n't feel", "ca nt move", "ca n't move",
                        "ambulance", "screaming", "broken", "not breathing", "wo nt wake", "wo n't wake"),
               anywhere(*STORY_WORDS, *_OVER, "argument", "conversation", "talk", "date", "marriage", "relationship", "like a",
                        "months ago", "last month", "last week", "no one hurt", "nobody hurt", "nobody was hurt",
                        "no one was hurt", "nobody got hurt", "no one got hurt", "only my pride", "feelings"))),
    # a stroke told by two of its signs together: one side of the face, an arm that will not lift
    Rule("stroke_signs_together", EMERGENCY, patterns=(
        "face|mouth|smile _? ~droop|drooping|droopy|dropped|sagging|~sag",
        "one side of his|her|their|my|mum|mums|dad|dads|the _? face|body|mouth",
        "face|mouth ~look|~go|gone|went|is|'s weird|funny|odd|wonky|lopsided|numb",
        "~slur his|her|their|my words|speech",
        "ca|can|cannot n't|nt|not? ~lift|~move his|her|their|my arm|arms|leg|hand",
    ), vetoes=(at_least_two(*_STROKE_SIGNS), anywhere(*_DRINK_OR_FUN))),
    # stop 17: someone banging to get in, told with fear or a threat (not the rain, not a parcel)
    Rule("banging_to_get_in", EMERGENCY, patterns=(
        "~bang|~hammer|~pound|banging|hammering|pounding on|at the|our|my front|back|bedroom|bathroom? window|windows|door|doors",
    ), vetoes=(requires("scared", "afraid", "terrified", "frightened", "wo n't stop", "wo nt stop", "police",
                        "shouting", "screaming", "threatening", "hiding", "my ex", "let him in", "let her in"),
               anywhere(*STORY_WORDS, "rain", "hail", "wind", "storm", "bird", "birds", "cat", "dog", "builders",
                        "delivery", "parcel", "lol", "haha", "drunk neighbour", "kids playing", "toilet", "loo",
                        "bathroom free", "hurry"))),
    # stop 18: someone locked in a room with the means or words to end it
    Rule("locked_in_with_pills", EMERGENCY, patterns=(
        "$OTHER 's|s|is|are|has|have? locked herself|himself|themselves|themself? in the|her|his|their bathroom|bedroom|room|car|garage|shed",
    ), vetoes=(requires("pills", "tablets", "knife", "end it", "razor", "blade", "rope", "overdose", "not answering",
                        "wo nt answer", "wo n't answer", "wo nt open", "wo n't open", "goodbye", "kill"),
               anywhere(*STORY_WORDS, "lol", "haha", "sulking", "phone call", "on the phone", "gaming", "teenager",
                        "revising", "revision", "homework"))),
    Rule("someone_overdosed", EMERGENCY, patterns=(  # moved from coach.safety.rules at stop 17
        "$OTHER $AUX* ~overdose|od'd|overdosed",
    )),
    # stop 17: someone else's overdose told with a sign that it is now ("not answering")
    Rule("someone_took_pills", EMERGENCY, patterns=(
        "he|she|they|$PARTNER|$PEOPLE|flatmate|roommate|friend $AUX* taken|took|swallowed all|every|loads|lots|a|the|whole _? _? ~$PILLS",
        "~text|texted|~say|~message|messaged|~tell me|us? he|she|they was|were|is|are|'s|s taking|swallowing all|every|loads|lots|a|the|whole _? _? _? ~$PILLS",
        # stop 19: an amount ("a load", "a handful", "a bottle of") and "downed"
        "he|she|they|$PARTNER|$PEOPLE|flatmate|roommate|friend $AUX* taken|took|swallowed|~down a? load|lot|bunch|handful|bottle|packet|box _? _? _? ~$PILLS",
    ), vetoes=(requires("not answering", "nt answering", "n't answering", "phone is off", "phone off", "going there",
                        "on my way", "not responding", "wake", "unconscious", "passed out", "breathing", "ambulance",
                        "collapsed", "hospital", "goodbye", "drowsy", "floppy", "slurring", "not picking up",
                        "ca nt reach", "ca n't reach", "barely responding", "unresponsive", "barely conscious", "confused",
                        "turning blue"),
               anywhere(*STORY_WORDS, *_OVER, "prescribed", "as prescribed", "doctor said", "like the doctor", "vitamins",
                        "hayfever", "for her cold", "for his cold", "proud"))),
    # someone armed, or shooting, in a public place right now
    Rule("armed_attacker", EMERGENCY, patterns=(
        f"$STRANGER|gunman|bloke|lad|woman|people|someone|somebody with a|an|his|her|a big? {_ARMED}",
        "someone|somebody|people|man|guy|gunman|men ~be? shooting",
        "shots|gunshots|gunfire ~be? fired|outside|nearby|everywhere|in",
        # stop 18: at a door or a window ("theres a man at her door with a gun")
        f"$STRANGER|he|she|they|ex|someone|somebody at|outside|by the|her|his|my|our|their front|back? door|window|gate with a|an|his|her {_ARMED}",
        f"{_ARMED} at|outside the|her|his|my|our|their front|back? door|window",
    ), vetoes=(harmless_setting(*STORY_WORDS, "photo", "photos", "hoops", "pool", "video", "paintball", "range",
                                "hunting", "hunt", "clay", "laser", "nerf", "water"),
               anywhere("fireworks", "firework", "starting pistol", "lol", "haha", "dream", "dreamt", "halloween",
                        "costume", "toy", "delivery"))),
    # stop 19: a child on a ledge, a railing or a window sill
    Rule("child_on_a_ledge", EMERGENCY, patterns=(
        "girl|boy|kid|child|toddler|baby|son|daughter|niece|nephew _? _? _? on|onto|over|up the|a|our|their balcony? railing|railings|ledge|windowsill|parapet|edge|sill",
    ), vetoes=(anywhere(*STORY_WORDS, "photo", "photos", "is safe", "she s safe", "he s safe", "she 's safe", "he 's safe",
                        "lol", "haha", "dream", "dreamt", "back inside now", "playground", "fence", "swimming",
                        "pool edge", "edge of the bed", "edge of the sofa", "holding hands", "harness", "plants", "to water",
                        "watering"),)),
    # stop 20: a diabetic low told by its signs ("sugar's crashed, sweating and can't think straight")
    Rule("diabetic_low", EMERGENCY, patterns=(
        "diabetic|diabetes|hypo|sugar|sugars|insulin _? _? _? _? _? shaking|shaky|confused|sweating|sweaty|faint|fainting|dizzy|slurring",
    ), vetoes=(requires("really bad", "so bad", "ca nt think", "ca n't think", "can not think", "passing out",
                        "pass out", "confused", "slurring", "ca nt stand", "ca n't stand", "collapsed", "help", "ambulance",
                        "wo nt wake", "wo n't wake", "not making sense"),
               anywhere("had some juice", "had a juice", "drank some juice", "had some sweets", "ate something", "ate a",
                        "feel better", "fine now", "ok now", "okay now", "sorted now", "check up", "checkup", "appointment",
                        "clinic", "last year", "years ago"))),
)
