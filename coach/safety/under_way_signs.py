"""Crisis rules for harm already under way or set up to happen, told in everyday words.

Seen set 18's misses (stop 29), as families in our own words. People say they "won't be alive"
for tomorrow; that nobody will find them till the weekend is over; that a means is in their lap,
pressed to the skin or bought and waiting (a gas and a bag, a hose and tape, weedkiller to
drink); that a dose went in "on purpose" or the whole lot was taken a while ago; that the
self-harm "is back" and went deeper than meant; they ask how long a poison takes to kill, or how
high a fall makes sure of it. A partner "beat on" them, pushed them out of the car, left a knife
on their pillow, went for their child with a hammer, said they would "regret being born" or
will cut their face. Someone else is fitting on the floor, bleeding in spurts, has chest pain
running down the left arm, went through the ice, is pinned under a machine, or a stranger is
inside the house now. Same notation and engine as ``coach.safety.rules``, run by
``coach.safety.detector`` with them; each pattern narrow, with vetoes for the everyday readings
(a pension "I won't be alive to see", a cabin where nobody will find me, balloons for a party,
a garden hose, a weedkiller for the lawn, a seizure years ago, a mum who will "have a fit").
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, followed_within, requires
from coach.safety.history_veto import recovered_history
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import STORY_WORDS, about_a_character, someone_else
from coach.safety.words import PLAY

_PETS = ("dog", "dogs", "cat", "cats", "puppy", "kitten", "horse", "pony", "rabbit", "hamster", "budgie", "parrot",
         "cow", "cows", "sheep", "goat", "chickens", "vet")
_OVER = ("years ago", "yrs ago", "last year", "when i was", "as a kid", "fine now", "ok now", "okay now", "all fine",
         "recovered", "false alarm", "turned out")
_BLADE = "knife|knives|blade|razor|cutlass|machete|scissors|glass|shard"
_POISON = "pesticide|antifreeze|weedkiller|paraquat|insecticide|bleach|poison"

UNDER_WAY_SIGN_RULES: tuple[Rule, ...] = (
    # after the retrain, crises of seen sets 9, 10 and 11 the classifier stopped asking about:
    # deserving to bleed or die ("i deserve to bleed for what i did to her")
    Rule("deserve_to_bleed", SELF_HARM, patterns=(
        "i really|honestly|truly|just|do|so? ~deserve to bleed|die",
        "i really|honestly|truly|just|do|so? ~deserve to be dead",
        "i really|honestly|truly|just|do|so? ~deserve to not|never exist|live",
    ), vetoes=(anywhere("lol", "haha", *STORY_WORDS),)),
    # hoping not to wake ("i hope i just dont wake up tmrw")
    Rule("hope_not_to_wake", SELF_HARM, patterns=(
        "~hope|~wish|~pray i just|simply? ~do|wo nt|n't|not ~wake up",
        "~hope|~wish|~pray i|to just? never ~wake up",
    ), vetoes=(followed_by("until", "before", "early", "late", "when", "till", "til", "to", "and", "with", "at"),
               anywhere("alarm", "lol", "haha", "hangover", "snooze", "kids", "baby", *STORY_WORDS))),
    # afraid to sleep beside the partner ("im afraid to fall asleep next to him")
    Rule("afraid_to_sleep_beside_him", ABUSE, patterns=(
        "$FEAR to|of ~fall|falling|~go|going? asleep|sleep|sleeping next to my? him|her|them|$PARTNER",
        "$FEAR to|of ~fall|falling|~go|going? asleep|sleep|sleeping beside|near|with my? him|her|them|$PARTNER",
    ), vetoes=(anywhere("snore", "snores", "snoring", "kick", "kicks", "covers", "duvet", "cold feet", "wake him",
                        "wake her", "baby", "lol", "haha", "phone", "cheat", "cheating", "affair", "other woman",
                        "other man", *STORY_WORDS),)),
    # not alive for what comes next ("wont be alive for the next check in")
    Rule("wont_be_alive", SELF_HARM, patterns=(
        "wo|will|i nt|n't|not be alive",
    ), vetoes=(anywhere("lol", "haha", "by then", "by the time", "at this rate", "century", "pension", "retire",
                        "retirement", "mortgage", "paid off", "finished", "built", *STORY_WORDS, *PLAY),
               someone_else)),
    # found only later ("kids are away so nobody will find me till monday")
    Rule("nobody_will_find_me", SELF_HARM, patterns=(
        "nobody|noone $AUX* ~find me till|until|before|for",
        "no one $AUX* ~find me till|until|before|for",
    ), vetoes=(anywhere("hide and seek", "hiding spot", "game", "cabin", "off grid", "holiday", "retreat", "peace",
                        "quiet", "reading", "book", "nap", "signal", "wifi", "escape room", "camping", "festival",
                        "bath", "spa", *PLAY),)),
    # a gun on the writer's lap ("dads rifle across my knees and i cant see the point")
    Rule("gun_on_my_lap", SELF_HARM, patterns=(
        "gun|rifle|shotgun|pistol|revolver|handgun across|on|over|in my knees|lap|knee",
    ), vetoes=(requires("point", "done", "tonight", "end it", "no more", "goodbye", "bye", "sorry", "enough",
                        "finish", "ca nt", "ca n't", "anymore", "any more"),
               anywhere("range", "club", "clay", "hunting", "deer", "licence", "license", "game", "clean", "cleaning",
                        "lol", "haha", *STORY_WORDS))),
    # a blade pressed to their own skin ("keep pressing the kitchen knife into my wrist")
    Rule("blade_pressed_to_me", SELF_HARM, patterns=(
        f"~press|~hold|~push _? _? _? {_BLADE} into|on|against|onto my wrist|wrists|arm|arms|thigh|thighs|skin",
        f"{_BLADE} pressed|held|pushed into|on|against|onto my wrist|wrists|arm|arms|thigh|thighs|skin",
    ), vetoes=(someone_else, anywhere("tattoo", "massage", "lol", "haha", *STORY_WORDS))),
    # burns or cuts given to themselves ("i deserve the burns i gave myself tonight")
    Rule("marks_i_gave_myself", SELF_HARM, patterns=(
        "burns|cuts|marks|slashes i|ive ~give|gave|~do|did|~make|made $MYSELF",
    ), vetoes=(anywhere("cooking", "oven", "iron", "sun", "sunburn", "hair", "curling", "straighteners", "shaving",
                        "lol", *_OVER), recovered_history)),
    # self-harm come back ("the cutting is back, three nights in a row")
    Rule("harm_is_back", SELF_HARM, patterns=(
        "the|my cutting|burning|harming|scratching is|'s|s back",
    ), vetoes=(followed_by("on", "in"), anywhere("hair", "grass", "lawn", "budget", "costs", "carbs", "sugar", "diet",
                                              "hedge", "wood", "lol"))),
    # a cut or burn that went further than meant ("tonight i went way deeper than i meant to")
    Rule("deeper_than_meant", SELF_HARM, patterns=(
        "~go|went|~cut way|much|a|far|too? lot? deeper than i meant|planned|wanted|intended",
    ), vetoes=(requires("cut", "cutting", "blade", "razor", "thigh", "thighs", "arm", "arms", "wrist", "wrists", "bleed",
                        "bleeding", "burn", "burns", "skin"),
               anywhere("therapy", "session", "conversation", "lol", "haha", "cooking", "chopping", "onion"))),
    # a dose taken on purpose ("took double my meds on purpose"; insulin is ``injury_signs``)
    Rule("dose_on_purpose", SELF_HARM, patterns=(
        "~inject|~take|~swallow|~use _? _? _? my|his|her|the|all|them _? _? on purpose",
    ), vetoes=(requires("dose", "pills", "tablets", "patches", "units", "meds", "all of", "the lot",
                        "whole box", "whole bottle"),
               anywhere("vitamins", "lol", "haha", "late", "early", "insulin"))),  # insulin: injury_signs
    # the whole lot taken a while ago ("took them all about half an hour ago. everything is going slow")
    Rule("took_them_all_ago", SELF_HARM, patterns=(
        "~take|took|~swallow|swallowed|~down|downed them|the|those all|lot",
        "~take|took|~swallow|swallowed|~down|downed a big? handful|fistful of",
    ), vetoes=(requires("ago", "slow", "fuzzy", "drowsy", "sleepy", "peaceful", "with wine", "with vodka",
                        "with whisky", "with beer"),
               followed_within(1, "to", "out", "for", "home", "back", "round", "off", "in", "down"),
               anywhere("kids", "children", "school", "park", "dinner", "shopping", "cinema", "sweets", "crisps",
                        "nuts", "chips", "popcorn", "vitamins", "grapes", "candy", "photos", "pictures", "notes",
                        "clothes", "boxes", "bags", *_PETS))),
    # means bought and waiting ("the helium tank and the bag arrived", "a hose and a roll of tape")
    Rule("means_kit_ready", SELF_HARM, patterns=(
        "helium _? _? _? _? _? bag|bags|hood",
        "bag|bags|hood _? _? _? _? _? helium",
        "hose|hosepipe _? _? _? _? _? tape",
    ), vetoes=(anywhere("balloon", "balloons", "party", "birthday", "voice", "garden", "leak", "watering", "fix",
                        "repair", "pond", "plumbing", "washing machine", "lol", "haha"),)),
    # a poison kept to drink ("kept the pesticide bottle under the bed, today i will drink it")
    Rule("poison_to_drink", SELF_HARM, patterns=(
        _POISON,
    ), vetoes=(requires("drink it", "will drink", "swallow it", "drinking it", "down it", "drink the", "to drink",
                        "drink some", "drink that"),
               anywhere("spray", "spraying", "crops", "lawn", "weeds", "accidentally", "by mistake", "lol", "haha",
                        "kids", "children", "toddler", "baby", "so they", "do nt drink", "not drink",
                        "never drink", "shelf", "cupboard", "locked", *_PETS, *STORY_WORDS), someone_else)),
    # how long a poison or a fall takes ("how long does it take to die from drinking antifreeze")
    Rule("how_long_to_die_from", SELF_HARM, patterns=(
        "how long ~do|does|would|will it ~take to die|bleed",
        "make sure|certain i|you|u|one ~do|wo nt|n't|not wake up",
    ), vetoes=(followed_by("the", "him", "her", "them", "us", "everyone", "anyone", "early", "late", "at", "before",
                           "until", "till", "tired", "with", "grumpy", "too", "down", "off"),
               anywhere("plant", "plants", "fish", "goldfish", "bacteria", "cells", "battery", "phone", "tree",
                        "lawn", "grass", "fire", "flower", "flowers", "bees", "wasp", "spider", "mouse", "rat", "mice",
                        "baby", "kids", "alarm", "lol", "haha", *_PETS, *STORY_WORDS), about_a_character)),
    # pills kept back, bought in secret or set out to take ("putting my tablets aside, i will take them sunday")
    Rule("pills_set_aside", SELF_HARM, patterns=(
        "~stockpile|stockpiling|~hoard|hoarding|~stash|stashing _? _? _? ~$PILLS|~patch|~painkiller|~tablet|insulin",
        "~put|putting|~set|setting|~save|saving|~keep|~sort|sorting|~line|lining _? _? _? ~$PILLS|~painkiller|~tablet "
        "aside|up|into|out|away",
        "~buy|bought|buying many|lots|loads|extra|more|boxes of? ~$PILLS|~painkiller|~tablet",
    ), vetoes=(requires("will take", "going to take", "gon na take", "take them", "take all", "swallow", "tonight",
                        "sunday", "do not wish", "months", "weeks", "so nobody", "so no one", "when she", "when he",
                        "once he", "once she", "put five", "on about"),
               anywhere("dosette", "organiser", "organizer", "pill box", "weekly box", "holiday", "prescribed", "pharmacy",
                        "chemist", "doctor", "gp", "nurse", "patients", "dispose", "return", "recycle", "expired",
                        "out of reach", "lock them", "grandma", "nan", "vitamins", *_PETS))),
    # a rope or belt already hanging ("the rope is already hanging in the shed")
    Rule("ligature_already_up", SELF_HARM, patterns=(
        "rope|noose|belt|belts|cord $AUX* already hanging|tied|up|fixed",
        "~tie|tied|~hang|hung the|a rope|noose in|from the|my store|storeroom|shed|garage|loft|barn|room|tree|beam",
    ), vetoes=(anywhere("swing", "hammock", "washing", "clothesline", "boat", "tent", "climbing", "decorations",
                        "lights", "bunting", "tyre", "tire", "kids", "wardrobe", "closet", "cupboard", "rack", "drawer",
                        "moved in", "jeans", "trousers", *_PETS, *STORY_WORDS),
               recovered_history)),
    # the last night, told plainly ("tonights my last night, ive said bye to everyone")
    Rule("my_last_night", SELF_HARM, patterns=(
        "tonight|tonights|today|todays 's|s|is|will? be? my last night|day|evening",
    ), vetoes=(requires("bye", "goodbye", "alive", "earth", "last one", "last person", "everyone else", "sorry",
                        "letters", "wo nt get"),
               followed_within(3, "at", "in", "here", "of", "shift", "on", "with", "working", "job", "off", "home"),
               anywhere("holiday", "trip", "shift", "flat", "contract", "visa", "uni", "semester", "hotel", "move",
                        "moving", "party", "hen", "stag", "lol", "haha", *STORY_WORDS))),
    # a drive to a drop with no return ("driving out to the cliffs tonight and i wont be coming back")
    Rule("drive_with_no_return", SELF_HARM, patterns=(
        "~drive|driving|~go|going|~head|heading|~walk out? to the|a old? cliffs|cliff|quarry|bridge|overpass|river|"
        "lake|sea|coast|dam|edge",
    ), vetoes=(requires("not coming back", "wo nt be coming back", "wo n't be coming back",
                        "not gon na brake", "not going to brake", "wo nt brake", "not brake", "not stopping",
                        "never coming back"),
               anywhere("holiday", "camping", "fishing", "swim", "swimming", "surf", "lol", "haha", "new job",
                        "moving", *STORY_WORDS))),
    # standing at a drop now ("im standing on the over pass now and the trucks are going under")
    Rule("standing_at_the_drop", SELF_HARM, patterns=(
        "standing|stood|sitting|sat|perched on|at the|a|this ~$DEATH_PLACE|railing|railings now",
        "standing|stood|sitting|sat|perched on|at the|a|this over pass now?",
    ), vetoes=(requires("goodbye", "bye", "jump", "under", "below", "trucks", "traffic", "drop", "last", "sorry",
                        "ca nt", "done", "end"),
               anywhere("view", "sunset", "sunrise", "photo", "photos", "selfie", "fireworks", "fishing", "tour",
                        "wedding", "lol", "haha", "waiting for", "meet", "meeting", "bus", "queue", "smoke", "smoking",
                        "stars", "parade", "walk", "jog", "dog", *STORY_WORDS))),
    # "done with being alive"
    Rule("done_with_being_alive", SELF_HARM, patterns=(
        "done|finished|tired|sick|through with|of being alive",
        "not with him|her|them|you|it ,? with being alive",
    ), vetoes=(anywhere("lol", "haha", *STORY_WORDS),)),
    # wanting the pain gone for good ("i just want it to stop hurting forever")
    Rule("stop_hurting_forever", SELF_HARM, patterns=(
        "stop hurting|feeling|existing forever|permanently",
    ), vetoes=(anywhere("lol", "haha", "knee", "back", "tooth", "shoulder", "feet", "foot", "leg", *STORY_WORDS),)),
    # belongings shared out ("tonight ive started writing out who gets what... wont need them")
    Rule("who_gets_what", SELF_HARM, patterns=(
        "who gets what",
    ), vetoes=(requires("wo nt need", "not need", "after i", "when i m gone", "goodbye"),
               anywhere("divorce", "separation", "lawyer", "solicitor", "split", "custody", "will and testament",
                        "christmas", "birthday", "presents", "lol", "haha", *STORY_WORDS))),
    # after they are gone, soon ("my dog goes to my sister after i am gone, which will be soon")
    Rule("gone_soon", SELF_HARM, patterns=(
        "after|when|once i am|m|'m|im gone",
    ), vetoes=(requires("which will be soon", "will be soon", "not long", "tonight", "this week", "wo nt be long", "very soon"),
               anywhere("holiday", "trip", "work", "away", "abroad", "travel", "deployment", "tour", "hospital",
                        "shift", "conference", "moving", "move", "lol"))),
    # choked or strangled until they lost consciousness ("it happened twice and the second time i blacked out")
    Rule("choked_till_out", ABUSE, patterns=(
        "~choke|choking|choked|~strangle|strangling|strangled|~throttle|throttled",
    ), vetoes=(requires("blacked out", "passed out", "pass out", "black out", "lost consciousness", "woke up on"),
               anywhere("food", "laughing", "bone", "wrestling", "bjj", "jiu", "judo", "mma", "game", "film", "movie",
                        "character", "consensual", "safe word", "safeword", *_OVER, *STORY_WORDS))),
    # a blade held to the throat ("he put the cutlass to my throat")
    Rule("blade_to_my_throat", ABUSE, patterns=(
        f"$THREAT_SUBJECT $AUX* ~put|~hold|~press|~point a|the|his|her kitchen? {_BLADE}|gun to|against|at my throat|"
        "neck|head|face",
    ), vetoes=(anywhere("lol", "haha", "game", "toy", "nerf", "hairline", "haircut", "shave", "shaving", "barber",
                        "trim", "beard", "hair", *STORY_WORDS),)),
    # a child or someone else gone for with a weapon ("his dad went for him with a hammer")
    Rule("went_for_them_with_a_weapon", ABUSE, patterns=(
        "~go|went|~come|came for|at him|her|them|my|the|our son|daughter|kids|baby|children|boy|girl|mum|mam|mom? "
        "with a|an|the|his|her kitchen? knife|hammer|bat|axe|machete|crowbar|cutlass|bottle|poker",
    ), vetoes=(followed_by("of"), anywhere("nerf", "water gun", "toy", "pillow", "foam", "game", "lol", "haha", *PLAY, *STORY_WORDS),)),
    # a partner who "beat on" them or laid into them with something
    Rule("beat_on_me", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* ~beat on me",
        "$THREAT_SUBJECT $AUX* ~lay|laid|~lie into me with",
    ), vetoes=(anywhere("verbally", "words", "text", "texts", "email", "lecture", "telling off", "rant", "game",
                        "chess", "cards", "race", *PLAY),)),
    # pushed out of a car ("he pushes me out of the car when im being mouthy")
    Rule("pushed_out_of_the_car", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* ~push|~shove|~throw|~kick|~drag me out of the|his|her|a|our|their moving? "
        "car|truck|ute|van",
    ), vetoes=(anywhere("lol", "haha", "game", *STORY_WORDS),)),
    # a weapon left as a message ("left a kitchen knife on my pillow")
    Rule("weapon_left_for_me", ABUSE, patterns=(
        "~leave|left|~put|~place|~stick a|the|his|her kitchen? knife|blade|bullet|bullets|axe|machete on|in|under|"
        "through my|our pillow|bed|windscreen|doorstep|seat|letterbox",
    ), vetoes=(anywhere("cake", "butter", "bread", "dishwasher", "lol", "haha", "forgot", "accidentally", "drawer",
                        "sink", *STORY_WORDS),)),
    # "you'll regret being born", said by a partner
    Rule("regret_being_born", ABUSE, patterns=(
        "~regret|~rue ever? being born",
        "~regret|~rue the day you|i were|was born",
    ), vetoes=(requires("he said", "she said", "he says", "she says", "told me", "threatened", "texted", "or else",
                        "he ll", "she ll", "hell", "shell", "he 'll", "she 'll"),
               anywhere("lol", "haha", "mum", "mom", "dad", "game", *STORY_WORDS))),
    # a face threatened with a blade ("hell cut my face")
    Rule("face_will_be_cut", ABUSE, patterns=(
        "$WILL_SUBJECT|he|she|they ll|'ll|will|would|gon|going? na|to? ~cut|~slash|~burn my face",
    ), vetoes=(anywhere("lol", "haha", "hair", "fringe", "photo", "picture", "out of", *PLAY),)),
    # a fire closing in ("the fire is coming over the ridge")
    Rule("fire_coming_at_us", EMERGENCY, patterns=(
        "fire|bushfire|wildfire|flames $AUX* coming|heading|moving over|towards|toward|down|up the|our ridge|hill|road|"
        "house|us|paddock|valley",
    ), vetoes=(anywhere("film", "game", "news", "lol", "haha", "fireplace", "bbq", "bonfire", "drill", *_OVER,
                        *STORY_WORDS),)),
    # something taken at a party, and now hot, racing or confused ("took something, burning hot, heart going")
    Rule("party_drug_reaction", EMERGENCY, patterns=(
        "~take|took|taken|~have|had something|pills|molly|mdma|ecstasy at|from the|a party|club|festival|rave",
    ), vetoes=(requires("burning", "hot", "heart", "wo nt wake", "fitting", "nonsense", "breathing", "collapsed",
                        "blue", "unconscious", "shaking"),
               anywhere("lol", "haha", *_OVER, *STORY_WORDS))),
    # someone else fitting now ("shes having a fit on the floor, jerking for five minutes")
    Rule("fitting_now", EMERGENCY, patterns=(
        "~have|having|had a fit|seizure|seizures|convulsion|convulsions",
    ), vetoes=(requires("floor", "jerking", "shaking", "minutes", "stop", "foam", "foaming", "never had", "blue",
                        "unresponsive", "not breathing", "wo nt wake", "ca nt wake"),
               followed_by("if", "when", "about", "over"),
               anywhere("lol", "haha", "will have a fit", "'ll have a fit", "ll have a fit", *_OVER, *_PETS,
                        *STORY_WORDS))),
    # bleeding in spurts ("theres blood pumping out")
    Rule("blood_pumping_out", EMERGENCY, patterns=(
        "blood $AUX* pumping|spurting|gushing|squirting|pouring out|everywhere|from",
    ), vetoes=(anywhere("heart", "adrenaline", "music", "gym", "workout", "film", "movie", "game", "lol", "haha",
                        "nose", "nosebleed", "period", *_OVER, *_PETS, *STORY_WORDS),)),
    # chest pain into the left arm or jaw ("the pain is going down my left arm and into my jaw")
    Rule("pain_down_the_left_arm", EMERGENCY, patterns=(
        "pain|ache|tightness|pressure _? _? _? _? down|into|up my|the left arm|jaw",
    ), vetoes=(requires("chest",), anywhere("gym", "yesterday", "last week", "months", "doctor said", "checked",
                                            "ecg was", "all clear", *_OVER))),
    # someone fallen through ice, or pinned under a machine
    Rule("through_the_ice_or_pinned", EMERGENCY, patterns=(
        "~go|went|~fall|fell through the ice",
        "pinned|trapped|stuck under the|a|his|her? tractor|car|truck|quad|ute|machine|tree|wall|rubble|it",
    ), vetoes=(followed_by("seat", "seats", "between", "with"), anywhere("phone", "keys", "ball", "lol", "haha", "game", "toy", "sofa", "bed", "duvet", "blanket", "cat", "kitten", *_OVER,
                        *STORY_WORDS),)),
    # a stranger inside the house now ("someone broke in, i can hear them moving around")
    Rule("intruder_inside_now", EMERGENCY, patterns=(
        "someone|somebody|$STRANGER $AUX* broke|~break|breaking|broken in|into",
    ), vetoes=(requires("can hear", "hear them", "hear him", "downstairs", "inside", "right now", "still here",
                        "in the house", "hiding", "moving around"),
               anywhere("car", "shed", "garage", "while we were away", "police came", *_OVER, *STORY_WORDS))),
)
