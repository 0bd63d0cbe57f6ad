"""Crisis rules for danger mentioned in passing: in a form answer, a check-in note, a reminder.

Seen set 14's misses (stop 25), as families in our own words. Inside a form people answer the
question asked ("what will you do differently", "anything to note") and the danger rides along:
a partner who said "next time it's your head", who kicked the door in, the marks he left, being
"not allowed out", an ex trying the door handle at night, hiding at a friend's where he can't
find them; a partner who has talked of ending her life and is not answering; things given away
with a calm that is not calm; a goodbye and the phone switched off. Same notation and engine as
``coach.safety.rules``, run by ``coach.safety.detector`` with them; each pattern narrow, with
vetoes for the everyday readings (a game's "next time", a hickey, a grounded teenager, a
husband who forgot his keys, a decluttering weekend, a digital detox).
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, requires
from coach.safety.history_veto import recovered_history
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import STORY_WORDS
from coach.safety.words import PLAY

_BODY = "head|face|neck|throat|legs|arms|arm|bones|teeth|ribs|skull|turn"
_THREAT_WORDS = ("said", "says", "told me", "tells me", "warned", "threatened", "screamed", "shouted", "whispered",
                 "texted", "note")
_PLACE = "mates|mate|friends|friend|sisters|sister|mums|mum|moms|mom|cousins|cousin|nans|aunts|neighbours|brothers"

IN_PASSING_SIGN_RULES: tuple[Rule, ...] = (
    # "next time it's your head", "next time itll be worse": a threat about the next time
    Rule("next_time_threat", ABUSE, patterns=(
        f"next time it|its 's|s|ll|'ll|will|would? be? my|your|ur {_BODY}",
        "next time it|its|you|i 's|s|ll|'ll|will|would|d|'d? be|get|~end up? in? worse|dead|hurt|hospital",
    ), vetoes=(requires(*_THREAT_WORDS), anywhere("exam", "hangover", "driving test", "recipe", "bake", "training",
                                                  "lesson", "doctor", "gp", "nurse", "migraine", "flu", "asthma",
                                                  "allergy", "dentist", *PLAY))),
    # a door kicked or smashed in by the partner ("he kicked the bedroom door in")
    Rule("door_kicked_in", ABUSE, patterns=(
        "he|she|they|$PARTNER|ex $AUX* ~kick|~smash|~boot the|my|our|a? bedroom|bathroom|front|back? door in|down|through",
    ), vetoes=(anywhere("locked out", "lost his keys", "lost her keys", "forgot his keys", "forgot her keys",
                        "police", "firefighters", "fire brigade", "stuck", "jammed", "drill", "training", *PLAY),)),
    # marks or bruises someone left on them ("so no one sees the marks he left on my arms")
    Rule("marks_he_left", ABUSE, patterns=(
        "~mark|~bruise|~scratch|~burn|fingerprints he|she|they ~leave|left|~give|gave|~put on? my|me",
        "~mark|~bruise|fingerprints from his|her hands|fingers|grip|belt|ring",
    ), vetoes=(followed_by("heart", "life", "soul", "world", "career", "car", "door", "table", "floor", "paintwork"),
               anywhere("love bite", "lovebite", "hickey", "hickeys", "sparring", "boxing", "rugby", "football",
                        "training", "massage", "cupping", "wrestling", "judo", "jiu", "tattoo", "play fight",
                        "playfight", "sex", "kinky", *PLAY),)),
    # not allowed out, keys or phone taken ("he took my phone and car keys and says im not allowed out")
    Rule("not_allowed_out", ABUSE, patterns=(
        "im|i|am|'m|m|we|were|'re|re $AUX* not allowed out|outside|anywhere",
        "im|i|am|'m|m|we|were|'re|re $AUX* not allowed to ~leave|~go",
        "he|she|they|$PARTNER|ex wo|does|do|did|will|would nt|n't|not ~let me out",
        "he|she|they|$PARTNER|ex wo|does|do|did|will|would nt|n't|not ~let me leave the|this|our|my? house|flat|room|bedroom|home|car",
    ), vetoes=(requires("he", "she", "my husband", "my wife", "my partner", "my bf", "my gf", "my fiance",
                        "my boyfriend", "my girlfriend", "took my", "taken my", "keys"),
               anywhere("mum", "mom", "dad", "parents", "grounded", "curfew", "doctor", "gp", "isolating",
                        "quarantine", "covid", "surgery", "operation", "visa", "boss", "manager",
                        "school", "teacher", *PLAY))),
    # an ex or partner trying the door at night ("he tried the door handle")
    Rule("tried_my_door", ABUSE, patterns=(
        "he|she|they|ex|$PARTNER $AUX* ~try the|my|our? front|back|bedroom? door|handle|handles|doors|windows|window|lock",
    ), vetoes=(requires("again", "night", "tonight", "ex", "outside", "scared", "terrified", "afraid", "am", "pm",
                        "midnight", "third time", "order"),
               anywhere("keys", "key", "forgot", "locked out", "locksmith", "delivery", "courier", "postman", "parcel",
                        "lol", "haha", "film", "movie"))),
    # hiding at a friend's, where he cannot find them ("hiding at a mates, he doesnt know where")
    Rule("hiding_where_he_cannot_find", ABUSE, patterns=(
        f"hiding|~hide at|with a|my|her|his? {_PLACE}",
    ), vetoes=(requires("from him", "from her", "texted", "calling", "rang", "ringing", "looking for me", "scared",
                        "terrified", "hell find", "he 'll find", "shell find", "she 'll find", "find me", "left him",
                        "left her", "nt know where", "n't know where"),
               anywhere("hide and seek", "hide n seek", "surprise", "hangover", "from work", "from my boss",
                        "from the rain", "from the kids", *PLAY))),
    # someone who has talked of ending their life and cannot be reached now
    Rule("their_life_at_risk", EMERGENCY, patterns=(
        "about|of ending|taking her|his|their own? life",
        "about|of killing herself|himself|themselves",
        "~want|~plan|planning|going|gon to|na? ~end|~take her|his|their own? life",
    ), vetoes=(requires("not answering", "nt answering", "n't answering", "not picking up", "nt picking up",
                        "n't picking up", "phone is off", "phone off", "went out", "gone out", "missing", "ca nt reach",
                        "ca n't reach", "wo nt answer", "wo n't answer", "left the house", "right now",
                        "tonight"),
               recovered_history, anywhere(*STORY_WORDS, "lol", "haha", "podcast", "documentary", "article"))),
    # possessions handed out, then a calm ("gave my mums ring to my sister and my laptop to my nephew. feel lighter")
    Rule("things_given_away", SELF_HARM, patterns=(
        "~give|gave|given my|her|his|the %word* %word? to my|her|his %word* and my|the %word* %word? to",
    ), vetoes=(requires("lighter", "calm", "calmer", "peace", "peaceful", "ready", "wo nt need",
                        "wo n't need", "done now", "last time", "goodbye", "for good"),
               anywhere("moving", "move house", "declutter", "decluttering", "charity", "downsizing", "downsize",
                        "christmas", "birthday", "wedding", "outgrew", "upgrade", "upgraded", "new one", "new phone",
                        "new laptop", "sold", "swap", "emigrating", "abroad", "uni", *PLAY))),
    # a goodbye, then the phone switched off ("said goodbye and turned my phone off")
    Rule("goodbye_phone_off", SELF_HARM, patterns=(
        "~say|said goodbye %word* ~turn|~switch|turned|switched my|the phone off",
        "~say|said goodbye %word* ~turn|~switch|turned|switched off my|the phone",
    ), vetoes=(followed_by("for the night", "for the weekend", "for a bit", "for a while", "for an hour"),
               anywhere("holiday", "flight", "plane", "retreat", "detox", "digital", "camping", "festival", "signal",
                        "battery", "meeting", "exam", "cinema", "theatre", *PLAY))),
    # painkillers bought shop after shop ("bought paracetamol at all three")
    Rule("pills_from_several_shops", SELF_HARM, patterns=(
        "~buy|bought|~get|got ~$PILLS at|from all|every|each|both|two|three|four|several|different",
    ), vetoes=(anywhere("for the kids", "for my mum", "for my dad", "calpol", "stock up", "stocking up", "flu", "a cold",
                        "covid", "period", "migraine", "first aid", "price", "prices", "cheaper", "offer", "deal",
                        "out of stock", "sold out", *PLAY),)),
    # the means in front of them, looked at and looked at ("the shotgun is on the table, i keep looking at it")
    Rule("means_kept_in_view", SELF_HARM, patterns=(
        "~keep|just|~sit|~be|and looking|staring|~look|~stare at it|them",
    ), vetoes=(requires("gun", "shotgun", "rifle", "pistol", "pills", "tablets", "rope", "noose", "blade", "razor",
                        "paracetamol"),
               anywhere("museum", "collection", "cleaning", "range", "hunting", "clay", "licence", "license",
                        "advert", "prescribed", "prescription", "side effects", "doctor", "gp",
                        "new meds", "climbing", "pharmacy", "chemist", *PLAY))),
    # new accounts made to reach them after being blocked ("keeps making new insta accounts to message me")
    Rule("new_accounts_to_reach_me", ABUSE, patterns=(
        "~make|making|~set|setting|~create|creating up? new|fake|more insta|instagram|facebook|snapchat|tiktok|email|twitter? "
        "accounts|account|profiles|profile",
    ), vetoes=(requires("message me", "messaging me", "messages me", "contact me", "reach me", "follow me", "blocked",
                        "watching me", "find me"),
               anywhere("business", "for work", "shop", "brand", "followers", "kids", "school", "scam", "scammer",
                        "scammers", "bot", "bots", *PLAY))),
    # a date they do not expect to reach, at peace with it ("dont see myself getting to christmas. made peace with that")
    Rule("not_reaching_the_date", SELF_HARM, patterns=(
        "nt|n't|not|never ~see|~picture myself getting|making|reaching|~get|~make|~reach it? to? my|the? christmas|summer|"
        "spring|autumn|winter|easter|birthday|new|next",
    ), vetoes=(requires("made peace", "made my peace", "decided", "made up my mind", "ready", "goodbye", "alive",
                        "wo nt be here", "wo n't be here", "not be here", "done"),
               anywhere("uni", "university", "exam", "exams", "promotion", "finals", "trip", "holiday", "budget", "money",
                        "wedding", "marathon", "gym", "job", "payday", "overdraft", *PLAY))),
)
