"""Crisis rules for danger told as arrangements, farewells, weapons, watching, fire and a lost child.

Families the other rule modules did not know: handing the pet over next to a note or loose
ends; a last message or goodbye "before I do it"; an earlier attempt whose feeling is back;
hurting oneself until the noise stops; a car engine running in a shut garage; a partner who
holds a knife in arguments or waits outside with one; a partner who reads even this chat, or
waiting till he sleeps to talk to anyone; knowing "what comes next" when he gets angry; and
other people's emergencies (a child gone missing, a fire in the home, a stroke's signs, someone
armed or shooting nearby). Same notation and
engine as ``coach.safety.rules``; each rule is narrow, and the context it needs is written
as a ``requires`` veto (``coach.nlp.vetoes.requires``): the wording alone is too common.

Stop 15 added the signs of families that examples alone did not separate from their
look-alikes (docs/SAFETY.md, "Crisis families"): sorry to have survived an attempt; waking
to sex one did not agree to; violence that moved from the walls to the person; and the signs
of other people's emergencies, not their names: a seizure that will not stop, gas or carbon
monoxide, a throat or face swelling from an allergy, an EpiPen that is not working, a face
drooping or speech slurring, a child lost in a shop or a park, a crash with someone hurt.
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import Veto, anywhere, at_least_two, containing, followed_by, preceded_within, requires
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import negated, travel_not_death


_AIMED = ("at me", "on me", "to my", "at my", "at us", "on us", "at the kids", "threaten", "threatened",
          "threatens", "threatening", "scared", "afraid", "terrified", "frightened", "kill", "to show me", "showed me")


def harmless_setting(*setting: str) -> Veto:
    """Drop the match when the message sets it in a kitchen, a story or DIY ("grabbed a knife to
    cut the cake"), unless the weapon is aimed at someone or frightens the writer ("grabbed the
    bread knife and pointed it at me", "came at me with a hammer from the shed")."""
    in_setting, aimed = anywhere(*setting), anywhere(*_AIMED)
    return lambda span: in_setting(span) and not aimed(span)


_FAREWELL_CONTEXT = (
    "note", "notes", "letter", "letters", "loose ends", "goodbye", "goodbyes", "bank stuff",
    "my will", "sorry for everything", "last message", "for good", "wo nt need", "wo n't need",
)
_RETURNING = ("back", "again", "returning", "coming back", "creeping back", "same feeling", "same place")
_KITCHEN = ("cut", "cutting", "chop", "chopping", "carve", "carving", "cake", "bread", "onion",
            "onions", "dinner", "cooking", "steak", "veg", "butter", "sandwich", "sharpen")
_DIY = ("fixing", "shed", "fence", "diy", "nail", "nails", "shelf", "shelves", "building", "garden", "cricket", "baseball")
_PLAY = ("game", "games", "film", "movie", "show", "series", "book", "episode", "season", "story")
_FIGURE = (*_PLAY, "heart", "chest", "metaphor", "relationship", "marriage", "career")  # fire as a figure
_PUT_OUT = ("put it out", "put out", "all fine", "no harm done")
# a stroke's signs (face, arm, speech): two of them together, never one alone
_STROKE_SIGNS = ("one side", "left side", "right side", "droop", "drooping", "droopy", "dropped", "slurring",
                 "slurred", "ca n't lift", "ca nt lift", "can not lift", "numb", "ca n't talk",
                 "ca nt talk", "ca n't speak", "ca nt speak", "confused", "weird", "lopsided", "wonky")
_ARMED = "~gun|~knife|machete|~rifle|weapon|shotgun|pistol"
_OVER = ("years ago", "last year", "as a kid", "when i was", "fine now", "ok now", "okay now", "better now",
         "all fine", "recovered", "turned out", "false alarm", "all sorted", "sorted now", "in case")
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

DANGER_SIGN_RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ self-harm
    Rule("rehoming_with_a_farewell", SELF_HARM, patterns=(
        "~give|~hand away? the|my|our dog|cat|pets|pet|puppy|kitten|rabbit|things|stuff|belongings to|away",
        "~find a new home|homes for the|my|our dog|cat|pets|pet",
    ), vetoes=(requires(*_FAREWELL_CONTEXT), containing("sitter"),
               anywhere("holiday", "vet", "walk", "walkies", "moving house", "new flat", "allergic", "allergy"))),
    Rule("attempt_feeling_back", SELF_HARM, patterns=(
        "i ~try|~attempt to ~end it|things|everything",
        "i ~try to ~go|~check out",
        "my last|previous|old attempt",
    ), vetoes=(followed_by("with", "between", "off", "early", "on good terms", "properly", "nicely"),
               requires(*_RETURNING), anywhere("affair", "relationship", "marriage", "the call", "the conversation"))),
    Rule("last_message", SELF_HARM, patterns=(
        "this is|'s|s|be my last|final message|text|words|goodbye",
        "~tell _ _? i loved|always loved him|her|them|you",
        "~say goodbye to _ _? _? _? _? before i ~do it|~go",
        "~say goodbye to _ _? _? .|,|-? my? last day|night",
    ), vetoes=(followed_by("to him", "to her", "to them", "for today", "for tonight", "for now", "about", "of the",
                           "at", "in", "on the", "before bed"),
               anywhere("no contact", "blocking", "blocked", "going to bed", "work", "school", "holiday"))),
    Rule("gone_next_week_planned", SELF_HARM, patterns=(
        "i wo|will|'ll|would|'d|ill $NEG ~be around|here|alive next|this week|weekend|month|year|time",
        "i 'm|m|am|im $NEG going|gon to|na ~be around|here|alive next|this week|weekend|month|year|time",
    ), vetoes=(travel_not_death, requires("planned", "decided", "it 's time", "its time", "for good", "goodbye",
                                          "made up my mind", "anymore", "any more", "sorted everything"))),
    Rule("not_making_it_on_purpose", SELF_HARM, patterns=(
        "i 'm|m|am|im $NEG going|gon to|na ~make it to|till|until|past|through",
        "i wo|will|'ll|ill $NEG ~make it to|till|until|past|through",
    ), vetoes=(travel_not_death, requires("made sure", "make sure", "making sure", "planned", "decided", "for good",
                                          "goodbye", "made up my mind", "my choice"),
               anywhere("made sure to", "make sure to", "session", "dinner", "meeting", "train", "appointment", "party",
                        "work", "class", "flight", "traffic", "late", "cancelled", "match", "game"))),
    Rule("decided_against_hope", SELF_HARM, patterns=(
        "~get|gets better ,|.|but|and|so|-* i 've|ve|have|'m|m|am? ~make|made up my mind",
        "~get|gets better ,|.|but|and|so|-* i 've|ve|have|'m|m|am? decided|done",
        "~get|gets better ,|.|but|and|so|-* my mind ~be|'s|s made up",
    ), vetoes=(followed_by("to", "about", "that", "on", "with"),)),
    Rule("date_picked_alone", SELF_HARM, patterns=(
        "i? 've|ve|have? ~pick|~choose|~set|~decide on? the|a date|day|night",
    ), vetoes=(followed_by("for", "of", "to", "with", "and venue", "and time for"),
               preceded_within(3, "we", "they", "he", "she", "you"),
               requires("kids are", "kids will be", "nobody", "no one", "alone", "everyone 's out", "everyones out",
                        "when everyone", "made up my mind", "it 's decided", "its decided"))),
    Rule("hurt_until_quiet", SELF_HARM, patterns=(
        "~bang|~hit|~punch|~slam|~smash|~knock my head|myself|fists? _? _? _? _? _? until|till|til it|they|i|my|the|everything "
        "_? ~go|~be|~feel|~get|~stop quiet|silent|numb|still|nothing|calm|~stop",
    ), vetoes=(preceded_within(4, "he", "she", "they", "dog", "kid", "toddler", "baby"),
               anywhere("trying to get", "brick wall", "figure out", "work out", "explain"))),
    Rule("wish_it_had_worked", SELF_HARM, patterns=(
        "~wish it had|'d|d worked|~work",
    ), vetoes=(requires("stomach", "a&e", "a & e", "hospital", "overdose", "pills", "tablets", "knot", "rope", "woke up",
                        "survived", "attempt", "tried to end", "ambulance", "paramedics"),)),
    Rule("sorry_to_have_survived", SELF_HARM, patterns=(
        "~wish i had|'d|d n't|nt|not|never ~wake|woken|~survive",
        "~wish nobody|noone|they|he|she|you|someone|mum|mom|he 'd|d|had|'d n't|nt|not|never? ~find|found me",
        "~wish no one had|'d|d ~find|found me",
    ), vetoes=(followed_by("out", "on tinder", "on facebook", "on instagram", "on insta", "on the app", "on that", "on a",
                           "at", "attractive", "interesting", "online", "here", "a", "the", "through", "via", "for", "to",
                           "early", "so", "in time for", "this", "today", "that", "up so", "up early", "up at", "up for",
                           "up to", "up this", "up today", "up in time for"),
               anywhere("affair", "cheating", "texts", "messages", "dating", "tinder"))),
    Rule("engine_in_the_garage", SELF_HARM, patterns=(
        "in the|a|my|our garage with the|my engine|motor|car running|on",
        "engine|motor|car running in the|a|my|our shut|closed? garage",
        "~hose|hosepipe|pipe _? _? _? _? _? _? exhaust",
    )),
    # ------------------------------------------------------------------ abuse
    Rule("partner_with_a_weapon", ABUSE, patterns=(
        "$SUBJECT $AUX* ~hold|~grab|~pull|~wave|~point|~keep|~get|~bring|~pick a|the|his|her knife|gun|blade|machete|hammer "
        "around|about|when|whenever|while|at|on|and|to|if|during|every",
        "$SUBJECT 's|s|is|was|are|were _? _? _? _? with a|the|his|her knife|gun|blade|machete|weapon|hammer|bat",
        "$SUBJECT ~wait|~stand _? _? _? with a|the|his|her knife|gun|belt|bat|hammer",
        # a weapon laid out or shown during a row: "put his gun on the table ... just to show me"
        "$SUBJECT $AUX* ~put|~lay|~leave|~place|~set|~clean his|her|a|the|their knife|gun|blade|machete|rifle|shotgun|pistol "
        "on|next|beside|between|right|while|when|during|infront",
        "$SUBJECT $AUX* ~show|~flash me his|her|a|the|their knife|gun|blade|machete|rifle|shotgun|pistol",
        "'ll|ll|will|would|'d|hell|shell|says|said|swears|threatens|threatened _? _? ~use it|them on me|us",
        "'ll|ll|will|would|'d|hell|shell|says|said|swears|threatens|threatened _? _? ~use the|his|her|that knife|gun|blade|weapon on me|us",
    ), vetoes=(requires("knife", "gun", "blade", "machete", "hammer", "weapon", "belt", "rifle", "shotgun", "pistol"), harmless_setting(*_KITCHEN, *_PLAY, *_DIY),
               negated)),
    Rule("watched_even_here", ABUSE, patterns=(
        "$SUBJECT $AUX* ~read|~check|~monitor|~track|~see|~go|~scroll through|into? all|every|one|of|each* my|our messages|texts|phone|chats|emails|calls",
    ), vetoes=(requires("even this", "this chat", "this conversation", "this app", "talking to you", "delete it",
                        "delete this", "delete the chat", "have to delete", "scared", "afraid"),
               negated)),
    Rule("contact_only_in_secret", ABUSE, patterns=(
        "~wait till|until|til|for my|the? $SUBJECT 's|s|is|goes|go|has|to? _? asleep|out|gone|away|~leave to|before i? ~text|~call|~ring|~message|~phone|~speak|~talk|~see",
        "only ~text|~call|~ring|~message|~see|~talk to? anyone|anybody when|while|if $SUBJECT 's|s|is asleep|out|away",
        "only ~text|~call|~ring|~message|~see|~talk to? my friends|family|mum|mom|sister|brother|mates when|while|if $SUBJECT 's|s|is asleep|out|away",
    ), vetoes=(requires("anyone", "anybody", "friends", "family", "mum", "mom", "sister", "brother", "my dad", "help"),
               anywhere("surprise", "affair", "the other", "birthday", "party", "present"))),
    Rule("know_what_comes_next", ABUSE, patterns=(
        "i ~know what ~come|~happen|'s|s|is next|after|then",
        "i ~know what 's|s|is coming|~come",
        "~flinch|~cower|~freeze every|each time $SUBJECT",
        "~flinch|~cower|~freeze whenever|when $SUBJECT",
    ), vetoes=(requires("drinks", "drinking", "drunk", "voice", "temper", "angry", "mood", "shouts", "shouting",
                        "yells", "yelling", "raises", "fists", "fist", "snaps", "loses it", "kicks off"),
               anywhere(*_PLAY, "therapy", "counselling", "process", "court", "divorce", "meeting", "name"))),
    Rule("woke_to_it", ABUSE, patterns=(
        "~wake up to|and|with $SUBJECT $AUX* already? doing it|stuff|things",
        "~wake up to|and|with $SUBJECT $AUX* already? on top of me",
        "~wake up to|and|with $SUBJECT $AUX* already? inside|touching|undressing me",
        "~wake up to|and|with $SUBJECT|him|her $AUX* already? having sex with me",
        "~wake up to|with my? him|her|$PARTNER already? on top of me",
        "~wake up to|with my? him|her|$PARTNER already? inside|touching|undressing me",
        "~wake up to|with my? him|her|$PARTNER already? doing it|things|stuff to? me",
    ), vetoes=(anywhere("tickle", "tickling", "breakfast", "pancakes", "coffee", "dishes", "laundry", "washing", "cleaning",
                        "surprise", "cuddle", "cuddling", "snoring", "kids", "dog"),)),
    Rule("walls_then_me", ABUSE, patterns=(
        "~wall|walls|~door|doors|things|stuff|~plate|plates|furniture _? _? _? _? _? now|then|tonight|night|time|and it|its 's|s|is|was? me|us",
        "~wall|walls|~door|doors|things|stuff|~plate|plates|furniture _? _? _? _? _? now|then|tonight me|us",
        "~wall|walls|~door|doors|things|stuff|~plate|plates|furniture ,|then|and|now _? _? _? _? last night|time|week|weekend me|us",
    ), vetoes=(followed_by("who", "that", "doing", "having", "making", "to", "fault", "again", "being", "feeling", "and him",
                           "and her", "too"),
               anywhere("paint", "painting", "fix", "fixing", "diy", "decorating", "mend", "repair", "tidy", "tidying",
                        "clean", "cleaning", "hoover", "shelf", "shelves", *_PLAY))),
    # ------------------------------------------------------------------ other emergencies
    Rule("child_gone_missing", EMERGENCY, patterns=(
        "my|our little? son|daughter|boy|girl|child|kid|toddler|baby is|s|'s|has|have|gone|been|went|go|just* missing|lost|vanished|disappeared",
        "~can|ca $NEG ~find my|our little? son|daughter|boy|girl|child|kid|toddler|baby anywhere",
    ), vetoes=(followed_by("his", "her", "their", "me", "you", "out", "school", "the", "a", "an", "class", "lessons",
                           "tooth", "teeth", "in", "interest", "in action"),
               anywhere("misses", "missing him", "missing her", "missing his", "missing her dad", "game", "hide and seek"))),
    Rule("fire_at_home", EMERGENCY, patterns=(
        "~catch|caught fire|alight",
        "the|our|my kitchen|house|flat|home|pan|oven|stove|room|curtains|bedroom|car|garage ~be|'s|s|is on fire|alight|ablaze",
        "flames up|everywhere|~spread|~come",
        "~set the|our|my|a|his|her fence|house|kitchen|curtains|bed|room|flat|garage|shed|car|sofa|carpet|hedge alight|ablaze",
        "~set fire to the|our|my|a|his|her fence|house|kitchen|curtains|bed|room|flat|garage|shed|car|sofa|carpet|hedge",
    ), vetoes=(anywhere(*_FIGURE, *_PUT_OUT),)),
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
               anywhere(*_PLAY, "about the", "angry", "furious", "rage", "raging", "yelling", "shouting", "tantrum",
                        "tantrums", "strop", "temper", "hissy", "giggles", "laughing", "laughter"))),
    Rule("gas_in_the_home", EMERGENCY, patterns=(
        "~smell|~reek|~stink|smells|stinks|reeks of? gas",
        "gas ~leak|leaking|smell",
        "~leak gas",
        "carbon monoxide",
        "co alarm|detector",
    ), vetoes=(anywhere(*_PLAY, *_PUT_OUT, *_OVER, "sorted", "fixed", "engineer", "boiler man", "gas man", "station",
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
    ), vetoes=(anywhere(*_PLAY, *_DRINK, *_OVER, "lol", "haha", "botox", "photo", "picture", "selfie", "since his stroke",
                        "since her stroke", "after his stroke", "after her stroke", "marriage", "relationship", "affair"),)),
    Rule("child_lost_somewhere", EMERGENCY, patterns=(
        "~lose|lost my|our little? son|daughter|boy|girl|child|kid|toddler|baby|kids|children|boys|girls",
    ), vetoes=(requires(*_PLACES), anywhere(*_PLAY, *_OVER, "found", "turned up", "is safe", "safe now", "divorce",
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
               anywhere(*_PLAY, *_OVER, "argument", "conversation", "talk", "date", "marriage", "relationship", "like a",
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
    # someone armed, or shooting, in a public place right now
    Rule("armed_attacker", EMERGENCY, patterns=(
        f"$STRANGER|gunman|bloke|lad|woman|people|someone|somebody with a|an|his|her|a big? {_ARMED}",
        "someone|somebody|people|man|guy|gunman|men ~be? shooting",
        "shots|gunshots|gunfire ~be? fired|outside|nearby|everywhere|in",
    ), vetoes=(harmless_setting(*_PLAY, "photo", "photos", "hoops", "pool", "video", "paintball", "range",
                                "hunting", "hunt", "clay", "laser", "nerf", "water"),
               anywhere("fireworks", "firework", "starting pistol"))),
)
