"""Crisis rules for danger told as arrangements, farewells, weapons and watching.

Families the other rule modules did not know: handing the pet over next to a note or loose
ends; a last message or goodbye "before I do it"; an earlier attempt whose feeling is back;
hurting oneself until the noise stops; a car engine running in a shut garage; a partner who
holds a knife in arguments, waits outside with one or lays it out during a row; a partner who
reads even this chat, or waiting till he sleeps to talk to anyone; knowing "what comes next"
when he gets angry; not letting oneself sleep until he is asleep (stop 20). Same notation and engine as ``coach.safety.rules``; each rule is narrow,
and the context it needs is written as a ``requires`` veto (``coach.nlp.vetoes.requires``):
the wording alone is too common.

Stop 15 added the signs of families that examples alone did not separate from their
look-alikes (docs/SAFETY.md, "Crisis families"): sorry to have survived an attempt; waking
to sex one did not agree to; violence that moved from the walls to the person. Other
people's emergencies (a fire, a seizure, a stroke, a lost child...) have their own module,
``coach.safety.emergency_signs``.
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, containing, followed_by, preceded_within, requires
from coach.safety.rules import ABUSE, SELF_HARM
from coach.safety.vetoes import STORY_WORDS, harmless_setting, negated, told_as_a_dream, travel_not_death
from coach.safety.words import MOVING_HOUSE


_FAREWELL_CONTEXT = (
    "note", "notes", "letter", "letters", "loose ends", "goodbye", "goodbyes", "bank stuff",
    "my will", "sorry for everything", "last message", "for good", "wo nt need", "wo n't need",
)
_RETURNING = ("back", "again", "returning", "coming back", "creeping back", "same feeling", "same place")
_KITCHEN = ("cut", "cutting", "chop", "chopping", "carve", "carving", "cake", "bread", "onion",
            "onions", "dinner", "cooking", "steak", "veg", "butter", "sandwich", "sharpen")
_OUTDOORS = ("fishing", "camping", "whittling", "scouts", "hike", "hiking")  # stop 21
_DIY = ("fixing", "shed", "fence", "diy", "nail", "nails", "shelf", "shelves", "building", "garden", "cricket", "baseball")
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
                        "when everyone", "made up my mind", "it 's decided", "its decided", "see a future",
                        "see no future", "no future"),
               anywhere("notice", "resign", "resignation", *MOVING_HOUSE))),
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
        "engine|motor|car $AUX* running in the|a|my|our shut|closed? garage",  # stop 27: "the engine is running in..."
        "engine|motor $AUX* running and|with the|a|my? garage door? $AUX* pulled? shut|closed|down|locked",  # stop 28
        "in the|a|my|our garage with the|a? door|doors $AUX* pulled? shut|closed|down and|with the|my engine|motor|car "
        "running",  # stop 29: "in the garage with the door shut and the engine running"
        "~hose|hosepipe|pipe _? _? _? _? _? _? exhaust",
    )),
    # ------------------------------------------------------------------ abuse
    Rule("partner_with_a_weapon", ABUSE, patterns=(
        "$SUBJECT $AUX* ~hold|~grab|~pull|~wave|~point|~keep|~carry|~get|~bring|~pick a|the|his|her knife|gun|blade|machete|hammer "
        "around|about|when|whenever|while|at|on|and|to|if|during|every",
        "$SUBJECT 's|s|is|was|are|were _? _? _? _? with a|the|his|her knife|gun|blade|machete|weapon|hammer|bat",
        "$SUBJECT ~wait|~stand _? _? _? with a|the|his|her knife|gun|belt|bat|hammer",
        # a weapon laid out or shown during a row: "put his gun on the table ... just to show me"
        "$SUBJECT $AUX* ~put|~lay|~leave|~place|~set|~clean his|her|a|the|their kitchen|bread|carving|big|hunting|steak? "
        "knife|gun|blade|machete|rifle|shotgun|pistol on|next|beside|between|right|while|when|during|infront",
        "$SUBJECT $AUX* ~show|~flash me his|her|a|the|their knife|gun|blade|machete|rifle|shotgun|pistol",
        # stop 21: a weapon kept on them and shown ("keeps a knife in her bag and shows it to me")
        "$SUBJECT $AUX* ~keep|~carry a|the|his|her knife|gun|blade _? _? _? _? and ~show|~flash|~wave|~point it|them",
        "'ll|ll|will|would|'d|hell|shell|says|said|swears|threatens|threatened _? _? ~use it|them on me|us",
        "'ll|ll|will|would|'d|hell|shell|says|said|swears|threatens|threatened _? _? ~use the|his|her|that knife|gun|blade|weapon on me|us",
    ), vetoes=(requires("knife", "gun", "blade", "machete", "hammer", "weapon", "belt", "rifle", "shotgun", "pistol"), harmless_setting(*_KITCHEN, *STORY_WORDS, *_DIY, *_OUTDOORS),
               negated, told_as_a_dream)),  # stop 31: a nightmare told
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
                        "yells", "yelling", "raises", "fists", "fist", "snaps", "loses it", "kicks off", "lifts", "his hand",
                        "her hand", "his hands", "her hands", "moves fast", "moves quickly", "reaches"),
               anywhere(*STORY_WORDS, "therapy", "counselling", "process", "court", "divorce", "meeting", "name"))),
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
        "~wall|walls|~door|doors|things|stuff|something|~plate|plates|furniture _? _? _? _? _? now|then|tonight|night|time|and it|its 's|s|is|was? me|us",
        "~wall|walls|~door|doors|things|stuff|something|~plate|plates|furniture _? _? _? _? _? now|then|tonight me|us",
        "~wall|walls|~door|doors|things|stuff|something|~plate|plates|furniture ,|then|and|now _? _? _? _? last night|time|week|weekend me|us",
    ), vetoes=(followed_by("who", "that", "doing", "having", "making", "to", "fault", "again", "being", "feeling", "and him",
                           "and her", "too"),
               anywhere("paint", "painting", "fix", "fixing", "diy", "decorating", "mend", "repair", "tidy", "tidying",
                        "clean", "cleaning", "hoover", "shelf", "shelves", *STORY_WORDS))),
    # stop 20: awake until the partner sleeps, out of fear ("can't let myself sleep before i know he's out cold")
    Rule("awake_till_he_sleeps", ABUSE, patterns=(
        "~let myself ~fall|~go|~sleep asleep|to? sleep? until|till|til|before i? ~know|~hear? he|she|$PARTNER 's|s|is|~be asleep|out",
    ), vetoes=(anywhere("snore", "snores", "snoring", "check his phone", "check her phone", "gaming", "home safe",
                        "gets home", "get home", "is home"),)),
)
