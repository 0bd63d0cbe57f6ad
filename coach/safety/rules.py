"""The safety net's crisis rules: self-harm, abuse and emergency wording, as data.

Each ``Rule`` names its kind, its token patterns (notation: ``coach.nlp.notation``; the
``$NAME`` word lists are in ``coach.safety.words``) and/or literal phrases, and the vetoes
that drop a match in a figurative or harmless context ("hit me up", "stabbed me in the back",
"want to die of embarrassment", "200 kms"). ``coach.safety.detector`` runs them.
"""

from __future__ import annotations

from typing import Literal

from coach.nlp.rules import Rule
from coach.nlp.vetoes import (
    anywhere, containing, followed_by, preceded_by, preceded_within, unless_boundary_after, verb_then,
)
from coach.safety.history_veto import recovered_history
from coach.safety.vetoes import (
    about_a_character,
    accident_context,
    worn_out_by_work,
    after_number,
    could_for,
    family_idiom,
    figurative_threat,
    figurative_with,
    first_person,
    hyperbole_joke,
    keys_kept_from_drink_driving,
    overdoses_at_work,
    negated,
    not_a_life,
    shot_in_a_game,
    someone_else,
    thrown_in_play,
    told_as_a_dream,
)
from coach.safety.words import (
    A_PARENT_CROSS, ARMED_IN_PLAY, CONTINUATION_BOUNDARY, FAREWELL_TO_US, FEAR_BOUNDARY, LIFE_AS_A_THING,
    PAPERWORK, TREATS,
)

CrisisKind = Literal["crisis_self_harm", "crisis_abuse", "crisis_emergency"]
SELF_HARM: CrisisKind = "crisis_self_harm"
ABUSE: CrisisKind = "crisis_abuse"
EMERGENCY: CrisisKind = "crisis_emergency"


RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ self-harm
    Rule("suicide_word", SELF_HARM, phrases=(
        "suicide", "suicidal", "suicidally", "suicides", "suicde", "sucide", "suiside",
        "suicidle", "sucidal", "suicidial", "suisidal", "suicidel", "suicidality",
    ), vetoes=(preceded_by("career", "social", "political", "commercial", "financial"),
               followed_by("squad", "mission", "doors", "door"), recovered_history)),
    Rule("suicide_slang", SELF_HARM, phrases=(
        "kms", "sewerslide", "unalive", "unaliving", "unalived", "un-alive", "un alive",
    ), vetoes=(after_number, hyperbole_joke)),
    Rule("self_harm_word", SELF_HARM, phrases=(
        "self harm", "self-harm", "selfharm", "self harming", "self-harming", "self harmed",
        "self-harmed", "self harms", "self-harms", "self injury", "self-injury",
    ), vetoes=(recovered_history, about_a_character)),
    Rule("hurt_myself", SELF_HARM, patterns=(
        "~$SELF_HARM_VERB $MYSELF",
        "~$SELF_HARM_VERB my self",
    ), vetoes=(accident_context, worn_out_by_work, could_for, recovered_history, hyperbole_joke,  # stop 27: "any slack"
               followed_by("some slack", "any slack", "slack", "a break", "off from"))),
    Rule("end_my_life", SELF_HARM, patterns=(
        "~end|~take my own? life",
        "~end it all",
    ), vetoes=(recovered_history,)),
    Rule("end_everything", SELF_HARM, patterns=("~end everything",), vetoes=(followed_by("with", "between"),)),
    Rule("want_to_die", SELF_HARM, patterns=(
        "~want|~wish|~hope|~need|ready|~like to|2|ta just|really|honestly|literally? $DIE",
        "wanna|wan|gotta just|really|honestly|literally? $DIE",
        "~want|wanna|~wish to|2|ta? just|really? be dead",
        "~feel like $DIE",
    ), vetoes=(followed_by("of", "laughing", "for", "with", "old", "from"), recovered_history)),
    Rule("wish_i_was_dead", SELF_HARM, patterns=(
        "~wish|~hope i was|were|'d|be|could|would just? ~be? dead|gone|die|died",
        "~wish i had|'d|d never|not been born",
        "~wish i was|were $NEG born|alive|here|around",
        "~wish i did|do|could $NEG ~exist",
    ), vetoes=(followed_by("wrong", "serious", "set", "tired"),)),
    Rule("better_off_dead", SELF_HARM, phrases=(
        "better off dead", "better off without me", "better without me", "happier without me", "easier without me",
        "better off not existing", "better off not being here", "better off not alive", "rather be dead", "rather just be dead",
    ), patterns=(  # "the kids would be better off with her and with me not around"
        "better|happier|easier off? _? _? _? _? with me not around|here|alive|gone",
        "better|happier|easier off? _? _? _? _? with me gone|dead",
        "better|happier|easier off? _? _? _? _? without me around|here|alive",
        "would|'d|d _? be better|happier|easier off? with just|only him|her|them|dad|mum|mom|their",
    )),
    # Found missing by the held-out NLU set (tests/nlu_test.yml): method-near and "never wake" wording.
    Rule("stop_living", SELF_HARM, phrases=(
        "stop breathing", "never wake up", "not wake up", "go to sleep forever", "sleep forever",
        "standing at the train tracks", "standing on the train tracks", "standing on the tracks",
        "at the train tracks", "on the edge of the bridge", "standing on the bridge",
        "on the ledge", "on the edge of the roof", "jump off the bridge", "jump in front of",
    ), vetoes=(followed_by("snoring", "smoking"),)),
    Rule("i_am_a_burden", SELF_HARM, phrases=(
        "i'm a burden", "i am a burden", "im a burden", "i'm just a burden", "i am just a burden",
        "i'm such a burden", "i am such a burden", "i'm only a burden", "i feel like a burden",
        "i feel like such a burden", "i feel like i'm a burden", "burden to everyone",
        "burden on everyone",
    )),
    Rule("nothing_to_live_for", SELF_HARM, patterns=(
        "no reason|point|purpose to|in|of ~live",
        "no reason|point|purpose to|in|of? ~keep|~carry|~go going|on|living",
        "nothing|nothin left? to ~live for",
        "point|purpose of|in ~live|life|~exist",
        "point|purpose of|in ~be alive",
        "point|purpose of|in going|carrying on",
        "$NEG ~see the|a|any? point anymore",
        "$NEG ~see the|a|any? point in|of anything|life|living",
        "ways|way|how|method|methods to|of ~die|dying",
        "painless ~way|~death|~method",
        "~think|~dream|~fantasize|~obsess about|of dying|death|suicide",
        "~think|~dream|~fantasize|~obsess about|of being dead",
        "~think|~dream|~fantasize|~obsess about|of not existing|living",
        "~think|~dream|~fantasize|~obsess about|of not being here|alive|around",
        "~want|wanna out of this|my life|world",
        "~want|wanna|~need to|2? ~leave this world|life|earth",
        "$NEG worth ~live",
    ), vetoes=(not_a_life,)),
    Rule("dont_want_to_live", SELF_HARM, patterns=(
        "$NEG ~want|wanna|wan to|2? ~live|~exist",
        "$NEG ~want|wanna|wan to|2? be alive|around|here|living",
        "~want|wanna to|2? ~stop existing|living",
        "tired|sick|done|exhausted|~tire of|with ~live|life|~exist",
        "tired|sick|done|exhausted|~tire of|with being alive",
    ), vetoes=(not_a_life, followed_by("when", "while", "tonight", *LIFE_AS_A_THING), recovered_history)),
    Rule("cant_go_on", SELF_HARM, patterns=(
        "ca|can|could $NEG ~go|~carry|~keep on|going|living",
    ), vetoes=(unless_boundary_after(CONTINUATION_BOUNDARY),)),
    Rule("never_wake_up", SELF_HARM, patterns=(
        "i ~do|will|'ll|wo|would|'d|could|did? $NEG ~wake up",
        "and|to never|not ~wake up",
        "never|not to ~wake up",
        "~want|wanna|~wish to? ~sleep forever",
        "~go to sleep forever",
    ), vetoes=(followed_by("until", "before", "early", "late", "when", "till", "til", "the baby", "the kids"),)),
    Rule("overdose", SELF_HARM, patterns=(
        "~take|~swallow|~down|~neck all|every|everything of? my|the|those|these|his|her? _? _? ~$PILLS",
        "~take|~swallow|~down|~neck a|the? whole|entire|full? ~$QUANTITY of my|the|his|her? _? _? ~$PILLS",
        "how many ~$PILLS",
        "~save|~stockpile|~hoard|~collect|~stash up? my|the? _? ~$PILLS",
        "~$PILLS _? lined|counted|stockpiled",
        "~$PILLS _? saved|stashed|hoarded up|away",
        "~overdose|od|o.d|od'd",
    ), vetoes=(followed_by("every", "in the morning", "daily", "on time", "with food"), someone_else, recovered_history,
               overdoses_at_work,
               followed_by(*(f"on {treat}" for treat in TREATS), "back", "on holiday", "to the chemist", "to the pharmacy",
                           "in case"))),
    Rule("cutting", SELF_HARM, patterns=(
        "~cut|~slice|~slit|~scratch|~carve|~slash|~burn my|own ~$BODY_PART",
    ), vetoes=(followed_by("on a", "on the", "on some", "while", "shaving", "in the sun", "at the beach", "sunbathing",
                           "ironing", "baking", "with the iron", "with the kettle"), accident_context)),
    Rule("cutting_again", SELF_HARM, patterns=(
        "~start|~begin|~relapse|~keep|to cutting|harming|burning",
        "'ve|ve|have|'s|s|has been cutting|harming|burning",
    ), vetoes=(unless_boundary_after(CONTINUATION_BOUNDARY),)),
    Rule("lethal_plan", SELF_HARM, patterns=(
        "~jump|~leap off|from a|the|my|our? _? $DEATH_PLACE",
        "~jump|~leap|~step|~walk|~throw|~lie|~run myself? in front of a|the|an? _? $VEHICLE",
        "~drive|~crash|~steer my|the|our? car? into|off a|the tree|wall|bridge|cliff|river|lake|truck|lorry|pole",
        "noose",
        "goodbye|farewell|suicide ~letter|~note",
    ), vetoes=(recovered_history, hyperbole_joke, about_a_character, anywhere(*FAREWELL_TO_US), told_as_a_dream,
               followed_by("for me", "for you", "for us"))),  # devotion ("he'd jump off a cliff for me", stop 24)
    Rule("disappearing", SELF_HARM, patterns=(
        "i $AUX* $MODAL? $AUX* ~be around|here for? much longer",
        "~disappear|~vanish forever|permanently",
        "~disappear|~vanish for good",
        "~disappear|~vanish and never come back",
    )),
    Rule("nobody_would_miss_me", SELF_HARM, patterns=(
        "nobody|noone|anyone|anybody would|'d|will|even|really* ~miss me",
        "no one would|'d|will|even|really* ~miss me",
        "~care|~notice|~miss|~matter|me if|when i died|~die|~disappear|disappeared",
        "~care|~notice|~miss|~matter|me|happier|better|easier if|when i ~be|was|were|'m gone|dead",
    )),
    Rule("want_it_all_to_end", SELF_HARM, patterns=(
        "~want|wanna|~wish|~need it? all|everything to ~end|~stop",
        "the pain to ~stop|~end forever|permanently",
    )),

    # ------------------------------------------------------------------ abuse
    Rule("violence_against_me", ABUSE, patterns=(
        "$SUBJECT $AUX* ~$VIOLENT me|us",
        "and|then|but|so ~$VIOLENT me|us",
        "$SUBJECT $AUX* ~$VIOLENT my|our face|head|hand|hands|arm|arms|body|back|chest|stomach|neck|throat|leg|legs|ribs",
    ), vetoes=(
        followed_by("up", "at", "to", "away", "out", "off", "over the edge", "in the back",
                    "a look", "a dirty", "a text", "a message", "a glance", "a smile", "verbally",
                    "some slack", "deep", "deeply", "to the core", "down to size", "as",
                    "into shape", "where it hurts"),
        verb_then({"shoot"}, "down"), figurative_with, negated, shot_in_a_game,
    )),
    Rule("violence_against_family", ABUSE, patterns=(
        "$SUBJECT $AUX* ~$VIOLENT my|our ~$PEOPLE",
    ), vetoes=(
        followed_by("up", "at", "to", "in the back", "over the edge", "verbally", "out", "off", "a"),
        figurative_with, negated, recovered_history,
    )),
    Rule("beat_me_up", ABUSE, patterns=("$SUBJECT $AUX* ~beat me|us up",), vetoes=(negated,)),
    Rule("violence_against_children", ABUSE, patterns=(
        "$SUBJECT $AUX* ~$VIOLENT|~hurt the|my|our|his|her ~$CHILD",
    ), vetoes=(followed_by("'", "'s", "feelings", "by", "emotionally"), figurative_with, negated)),
    Rule("weapon", ABUSE, patterns=(
        "~pull|~point|~hold|~wave|~put|~press a|his|her|the ~gun|~knife|~weapon|~blade at|on|to|against me|us|my",
        "$SUBJECT $AUX* ~have|got a|his|her ~gun|~knife|~weapon|~rifle|~pistol",
    ), vetoes=(followed_by("collection", "license", "licence", "safe", "for hunting", "for work"),
               anywhere(*ARMED_IN_PLAY))),  # stop 31: a video game's gun, a thermometer "gun", a tattoo blade
    Rule("hiding_from_partner", ABUSE, patterns=(
        "~hide in|inside|under _? _? _? from him|her|them",
        "~hide in|inside|under _? _? _? from my $PARTNER",
    )),
    Rule("physical_harm", ABUSE, patterns=(
        "$SUBJECT $AUX* ~hurt me|us physically",
        "$SUBJECT $AUX* ~throw me|us against|into|down|onto|across|on",
        "~throw|~hurl|~chuck _ _? at me|us", "~throw|~hurl|~chuck _ _? at my head|face",
        "$SUBJECT $AUX* ~throw|~hurl|~chuck|~fling|~lob whatever|things|stuff|anything|everything|plates|glasses|mugs|bottles _? _? _? _? _? at me|us",
        "~grab|~hold|~seize me|us by the|my throat|neck|hair|arm|arms|wrist|wrists|face|collar|shoulders",
        "~grab|~squeeze my throat|neck",
        "~put|~wrap|~have his|her|their hand|hands around|round|on my|our neck|throat",
        "~pin me|us down|against",
        "~hold me|us down",
        "~hold me|us against the|my|a wall|will|door|floor|bed|car",
        "~spit|spat on|at me|us",
        "~drag me|us by|across|along",
        "~drag me|us down|across|along|through|up|into the|a hall|hallway|stairs|floor|room|corridor|kitchen|bedroom|bathroom|house|garden|street|road|driveway|landing|car",
        "~put|~lay|~lie his|her|their|a hand|hands on me|us",
        "~give|~leave me|us? a black eye",
        "~give|~leave me|us? ~bruise|marks",
        "~bruise from|where where? he|she|him|her|they",
        "~bruise from my $PARTNER",
        "$SUBJECT $AUX* ~smash|~break|~destroy my|our phone|laptop|things|stuff",
        "$SUBJECT $AUX* ~break|~fracture|~bruise my|our _? ~rib|nose|arm|jaw|wrist|finger|tooth|teeth|leg|collarbone|cheekbone",
        "$SUBJECT $AUX* ~knock me|us out|down|over|unconscious",
    ), vetoes=(
        containing("accusations", "insults", "words", "blame", "questions", "tantrum", "fit",
                   "shade", "compliments", "money"),
        negated, thrown_in_play, verb_then({"knock"}, "of"), followed_by("and tickled", "to tickle", "tickling"),
    )),
    Rule("threat_of_violence", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~$THREAT_VERB me|us",
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~do something to me|us",
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~do something to the|my|our ~$CHILD",
    ), vetoes=(followed_by("again", "emotionally", "to it", "to the punch"), figurative_with, figurative_threat, negated,
               family_idiom)),
    Rule("threatened_violence", ABUSE, patterns=(
        "~threaten to|2 ~$THREAT_VERB|~break|~smash|~destroy|~kidnap|~lock",
        "death ~threat",
        "$SUBJECT $AUX* ~make|~send ~threat",
    ), vetoes=(followed_by("up", "off", "things off", "it off", "the engagement"), first_person, negated)),
    Rule("threat_to_self_as_control", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~kill|~hurt|~harm|~shoot|~hang|~off himself|herself|themselves|themself",
    )),
    Rule("threat_if_i_leave", ABUSE, patterns=(
        "if|when i ~leave|~go|~tell $THREAT_SUBJECT $AUX* $MODAL? $AUX* ~find|~kill|~hurt me|us",
        "if|when i ~leave|~go|~tell $THREAT_SUBJECT $AUX* $MODAL? $AUX* ~take|~hurt the|my|our ~$CHILD",
        "~regret it|this if|when i ~leave|~tell|~go|~report",
        "~make me|us ~pay if|when i ~leave|~tell|~go|~report",
    )),
    Rule("threatened_me", ABUSE, patterns=("~threaten me|us",), vetoes=(
        negated, followed_by("with divorce", "with leaving", "with a divorce", "with separation",
                    "with a lawyer", "with lawyers", "with couples", "with therapy"),
    )),
    Rule("threat_against_children", ABUSE, patterns=(
        "~threaten to|2 ~take|~keep|~steal|~kidnap|~hurt the|my|our ~$CHILD",
        "never see the|my|our ~$CHILD again",
    ), vetoes=(first_person,)),
    Rule("take_children_away", ABUSE, patterns=(
        "~take the|my|our ~$CHILD away|from",
    ), vetoes=(followed_by("for", "to", "on", "this", "at", "school", "daycare", "nursery", "camp",
                           "practice", "the", "their"),)),
    Rule("threat_to_share_images", ABUSE, patterns=(
        "~threaten to|2 ~post|~share|~send|~leak|~publish|~release|~show _? _? nudes|nude|~photo|~picture|pics|~video|sexts|tape",
    )),
    Rule("fear_of_partner", ABUSE, patterns=(
        "$FEAR|~$FEAR of him|her|them",
        "$FEAR|~$FEAR of my $PARTNER",
    ), vetoes=(unless_boundary_after(FEAR_BOUNDARY), negated)),
    Rule("fear_for_safety", ABUSE, patterns=(
        "$FEAR|~$FEAR of what he|she|they _? _? ~do",
        "of what he|she|they might|could|would|'d|'ll|will ~do",
        "$FEAR|~$FEAR|~fear for my|our life|lives|safety",
        "$FEAR|~$FEAR|~fear|~worry for|about my|our|the ~$CHILD 's|'? safety|lives",
        "$FEAR|~$FEAR to ~go|~come|~be back? home",
        "$FEAR|~$FEAR to ~go|~come|~be back to him|her|them|that|our|the? house|flat|place|home|him|her|them",
        "$NEG ~feel? safe at|with|around|near|in home|him|her|them|my|our|here",
        "$NEG ~feel? safe here|anymore|anywhere|tonight|today",
        "unsafe at|with|around|in|near home|him|her|them|my",
    ), vetoes=(
        preceded_by("emotionally", "financially"), anywhere(*A_PARENT_CROSS),
        preceded_within(4, "heart", "secrets", "secret", "feelings", "trust", "marriage", "money",
                        "phone", "data", "password", "passwords"),
        followed_by("to an empty", "alone", "empty"),
    )),
    Rule("isolation", ABUSE, patterns=(
        "$NEG ~let|~allow me|us? to? ~see|~talk|~visit|~call|~meet|~contact|~text|~speak to|with? my|any|the|our? ~$PEOPLE",
        "$NEG ~let|~allow me|us? to? ~leave",
        "$NEG ~let|~allow me|us? to? ~go out|outside|anywhere",
        "$SUBJECT $AUX* ~keep|~stop|~prevent me|us from ~see|~leave|~go|~talk|~call|~work|~visit",
    ), vetoes=(followed_by("the relationship", "him", "her", "them", "the marriage", "about", "early",
                           "work", "the office", "the table", "without"),)),
    Rule("confinement", ABUSE, patterns=(
        "~lock me|us in|inside|up|away",
        "~shut me|us in|inside|away",
        "~keep me|us locked|shut in|up|inside",
        "~lock me|us out of the|our|my house|home|flat|apartment|room",
        "~block the|my|our door|doorway|exit|way",
        "~stand in the|my|our door|doorway",
        "~hide|~steal|~confiscate my|our car? ~key|passport",
        "~take my|our phone? and? car? ~key|passport again? so|away|to|from",
    ), vetoes=(keys_kept_from_drink_driving, anywhere(*PAPERWORK), recovered_history)),
    Rule("financial_control", ABUSE, patterns=(
        "$SUBJECT $AUX* ~control|~withhold all? the|my|our money|finances|~wage|salary|paycheck|bank|~account|~card",
        "$SUBJECT $AUX* ~keep|~take all my money|~wage|salary|paycheck|pay",
        "$NEG ~give me|us any? money",
        "$NEG ~let me have|keep|touch|spend|see any? of? my? own? money",
        "~check|~inspect every receipt|penny|purchase",
    ), vetoes=(negated,)),
    Rule("surveillance", ABUSE, phrases=(
        "spyware", "stalkerware", "tracking device", "gps tracker", "tracker on my car",
        "tracker on my phone", "tracker in my car", "tracks my every move",
    ), patterns=(
        "$SUBJECT $AUX* ~stalk me|us",
        "$SUBJECT $AUX* ~follow|~track me|us everywhere|home|around",
        "$SUBJECT $AUX* ~follow|~track me|us to work|school",
        "~keep showing|turning up at my|our work|house|home|job|office|door|place",
    ), vetoes=(recovered_history,)),  # stop 26: "followed me home once, that was 2018, moved abroad since"
    Rule("sexual_violence", ABUSE, patterns=(
        "~rape|raped|rapist|raping",
        "sexually ~assault|~abuse|~coerce|~force|~harass",
        "~molest",
        "~force|~make|~pressure|~coerce|~guilt me|us to|into? ~have sex",
        "~force|~make|~pressure|~coerce|~guilt me|us to|into? ~sleep with him|her|them|someone|his|other|people|men|women|strangers|guys",
        "~force|~pressure|~coerce|~guilt me|us into sex|~sleep|~have",
        "~force himself|herself on|onto me|us",
        "$NEG ~stop when|after|even i ~say no|stop",
        "~make|~force|~pressure|~coerce me|us to? ~do things|stuff|something|sexual i|that ~do|did? $NEG ~want",
        "~touch me|us while|when i was|'m|am|were|be? asleep|sleeping|drunk|unconscious",
    ), phrases=("non-consensual", "nonconsensual", "non consensual")),
    Rule("abuse_word", ABUSE, patterns=(
        "~abuse|abusive|abuser|abusing",
    ), phrases=(
        "domestic violence", "domestic abuse", "dv", "coercive control",
        "intimate partner violence",
    ), vetoes=(preceded_by("substance", "alcohol", "drug", "drugs"), followed_by("of trust", "of power"),
               preceded_within(3, "documentary", "podcast", "film", "movie", "book", "novel", "article", "episode"))),
    Rule("silencing", ABUSE, patterns=(
        "~say|~tell|~threaten me? nobody|noone will|would|'d|'ll ~believe me|us",
        "~say|~tell|~threaten me? no one will|would|'d|'ll ~believe me|us",
    )),
    Rule("violent_partner", ABUSE, patterns=(
        "$SUBJECT $AUX* ~become|~turn? violent",
    ), vetoes=(negated, recovered_history)),  # stop 27: "my dad was violent when i was a kid. hes been gone 10 yrs"
    Rule("assault_disclosure", ABUSE, patterns=(
        "i|we _? was|were|got|get|gets|been|being|getting|keep|kept beaten|hit|strangled|choked|assaulted|attacked|punched|slapped|kicked|battered|stabbed|shot|abused|raped",
    ), vetoes=(
        followed_by("up", "out", "down", "in the back", "at", "by a", "by the", "on",
                    "hard by a", "hard by the"),
        preceded_by("like", "if", "though"),
        figurative_with, anywhere("paintball", "paintballing", "airsoft", "laser tag", "lasertag", "nerf"),
    )),
    Rule("beaten_up", ABUSE, patterns=(
        "was|were|got|get|gets|been|being|getting beaten|battered up",
    ), vetoes=(followed_by("about", "over"), preceded_by("like", "if", "though"))),
    Rule("forced_into_sex", ABUSE, patterns=(
        "i|we _? was|were|got|been|being|am|'m forced|made|pressured|coerced to|into ~have|~sleep|sex",
    )),
)
