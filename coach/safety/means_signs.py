"""Crisis rules for means made ready, a body that will not wake, and danger that found a refuge.

Seen set 12's misses (stop 23), as families in our own words. People ask what dose of a
medicine "would be fatal", hope they get ill "and don't recover", say it is "better I leave this world", tell of a rifle they have
loaded, a rope "ready" in the loft, the life insurance that "pays out" so the children are
provided for, a large count of tablets taken an hour ago; they log a "last check-in" with
thanks for everything; they report someone whose lips have gone grey or who "won't wake up"
on the floor, a partner holding a knife and saying she will use it, an abuser outside the
refuge. Same notation and engine as ``coach.safety.rules``, run by ``coach.safety.detector``
with them; each pattern narrow, with vetoes for the everyday readings (a nurse's question, a
climbing rope, a teenager who won't wake for school, a film, insurance for the mortgage).
Stop 28 (seen set 17): a gun safe opened by the writer, the means in hand.
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, followed_within, requires
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import about_a_character, someone_else

_GUNS = "gun|guns|rifle|rifles|shotgun|shotguns|pistol|pistols|revolver|handgun|firearm"
# a gun kept for sport or work, licensed, or a game ("cleaned dads rifle before the hunting trip")
_GUN_HOBBY = ("range", "shooting club", "clay", "clays", "hunting trip", "deer", "licence", "license", "game", "lol",
              "haha")
_FICTION_OR_WORK = ("film", "movie", "show", "series", "book", "novel", "game", "episode", "patient", "patients",
                    "ward", "shift", "exam", "nursing", "pharmacy", "vet", "lol", "haha")

MEANS_SIGN_RULES: tuple[Rule, ...] = (
    # a lethal amount asked for ("how many units of insulin would be fatal for someone my size")
    Rule("fatal_amount_asked", SELF_HARM, patterns=(
        "how many|much %word* would|will|is|be|to be? fatal|lethal|deadly",
        "how many|much %word* would|will|to ~kill me|someone|somebody|a|an",
        "what dose|amount|number %word* fatal|lethal|deadly",
    ), vetoes=(anywhere(*_FICTION_OR_WORK, "dog", "cat", "rat", "rats", "mice", "plant", "plants", "weeds", "caffeine",
                        "chocolate", "cooking", "recipe"),)),
    # leaving this world ("better i go from this world"), no use in living
    Rule("leave_this_world", SELF_HARM, patterns=(
        "~leave|~go|~depart|gone|~exit from? this world|earth",
        "use|point of me|my? living|existing",
        "use|point of me|my? being alive|here",
    ), vetoes=(someone_else, about_a_character, followed_within(2, "together", "in", "with", "abroad", "near", "there",
                                                                 "apart", "separately", "behind"),
               anywhere("holiday", "trip", "phone", "wifi", "internet", "social media", "instagram", "job",
                        "new life", "start again", "start over"))),
    # a gun made ready by the writer ("his old rifle is in the cupboard and ive loaded it")
    Rule("gun_loaded", SELF_HARM, patterns=(
        "i|ive|'ve|ve ~load it|the|his|my|her|dad|dads",
    ), vetoes=(requires(*_GUNS.split("|")),
               anywhere(*_GUN_HOBBY, "dishwasher", "washing"))),
    # stop 28: the gun safe opened by the writer ("his pistol is in the safe and ive opened it twice tonight")
    Rule("gun_safe_opened", SELF_HARM, patterns=(
        "i|ive|'ve|ve ~open|~unlock it|the|his|my|her|dads|dad|gun safe|cabinet|lockbox|case?",
    ), vetoes=(requires(*_GUNS.split("|")), requires("safe", "cabinet", "lockbox", "gun case"),
               anywhere(*_GUN_HOBBY, "hunting", "licensed", "clean", "cleaning", "police", "sold", "selling",
                        "passport", "documents", "jewellery"))),
    # stop 28: the means in hand ("done with all of it. the tablets are in my hand")
    Rule("means_in_hand", SELF_HARM, patterns=(
        "~$PILLS|knife|blade|razor|rope $AUX* in my hand|hands|palm",
    ), vetoes=(requires("done", "tonight", "all of them", "enough", "ca nt", "ca n't", "goodbye", "no more", "end it",
                        "finish", "bye", "sorry"),
               anywhere("vitamin", "vitamins", "prescribed", "doctor", "morning", "with food", "cooking", "chopping",
                        "dinner", "onion", "onions", "veg", *_FICTION_OR_WORK))),
    # a rope made ready ("the rope is ready in the loft"), a noose tied
    Rule("rope_ready", SELF_HARM, patterns=(
        "rope|noose 's|s|is|are|was ready|up|tied|waiting",
        "~tie|~make|~made a|the noose",
    ), vetoes=(anywhere("climb", "climbing", "boat", "sailing", "swing", "tent", "camping", "washing", "clothes line",
                        "washing line", "tug of war", "skipping", "horse", "lol", "haha", "fairy lights",
                        "decorations", "halloween", "costume", "film", "knot", "knots"),)),
    # life insurance weighed for the family ("it pays out after 2 years ... so the kids would be ok")
    Rule("insurance_family_provided", SELF_HARM, patterns=(
        "so|then the|my kids|children|family|wife|husband|boys|girls would|will|'d|d be ok|okay|fine|alright|covered|"
        "provided",
        "insurance|policy %word* ~cover|~include|~count suicide",
        "kids|children|family would|will|'d|d be ok|okay|fine|alright|better off? without me",
    ), vetoes=(requires("life insurance", "life cover", "insurance", "policy"),
               anywhere("mortgage", "pet", "travel", "phone", "broker", "quote", "premium", "renewal",
                        "if anything happened", "if anything happens", "in case", "cancer", "illness"))),
    # a large count of tablets taken ("took 30 paracetamol about an hour ago")
    Rule("many_tablets_taken", SELF_HARM, patterns=(
        "~take|~swallow|~down like|about|around|nearly|almost|maybe|roughly|over|at? least? "
        "/^([1-9][0-9]|[1-9][0-9][0-9])$/ of? my|the|his|her? ~$PILLS|pills|tablets|paracetamol|sleeping|codeine|xanax|"
        "valium|diazepam|painkillers|antidepressants",  # stop 27: "took like 15 xanax"
    ), vetoes=(someone_else, anywhere("mg", "milligrams", "vitamin", "vitamins", "a month", "a week", "prescribed",
                                      "course", "patient", "patients"))),
    # enough tablets kept for it (stop 27: "looked up the dose for my heart tablets and i think i have enough at home")
    Rule("enough_tablets_kept", SELF_HARM, patterns=(
        "i|ve|'ve $AUX* ~have|~get|got|~save|~keep|~collect|~stockpile enough",
    ), vetoes=(requires("tablets", "pills", "meds", "medication", "dose", "insulin", "paracetamol", "painkillers",
                        "sleeping"),
               followed_by("money", "time", "sleep", "food", "of this", "of that", "of it", "of him", "of her", "for the",
                           "for a", "for two", "to last", "until", "till", "left for"),
               anywhere("do nt have enough", "do n't have enough", "not enough", "run out", "running low", "need more",
                        "prescription", "refill", "repeat", "pharmacy", "holiday", "trip", "travel", "in case",
                        "first aid", "for the week", "for a week", "for the month", "for a month", "for the weekend",
                        *_FICTION_OR_WORK))),
    # a plan to end it, with the means shown ("hes got a plan to end things and showed me where he keeps the tablets")
    Rule("plan_with_means", SELF_HARM, patterns=(
        "~plan|planning|plans to ~end it|things|his|her|my|their life?",
    ), vetoes=(requires("tablets", "pills", "rope", "gun", "rifle", "bridge", "knife", "blade", "overdose", "showed me where",
                        "the drop"),
               anywhere("relationship", "marriage", "affair", "engagement", "contract", "lease", "job", "film", "book",
                        "lol", "haha"))),
    # a hope not to recover ("part of me hopes i get really sick and dont recover")
    Rule("hope_not_to_recover", SELF_HARM, patterns=(
        "~hope|hoping|~wish i|me %word* $NEG ~recover|~survive",
        "~hope|hoping|~wish i|me %word* $NEG ~make it",
    ), vetoes=(anywhere("lol", "haha", "meeting", "meetings", "exam", "exams", "hangover", "party", "traffic", "game"),)),
    # a last check-in with thanks ("im done. this is my last check in. thanks for everything")
    Rule("last_check_in", SELF_HARM, patterns=(
        "my|this last check|checkin|log|entry|message",
    ), vetoes=(requires("thanks for everything", "thank you for everything", "goodbye", "done", "no more",
                        "wo n't be", "wo nt be", "last time", "forever"),
               anywhere("holiday", "trip", "tonight", "today", "this week", "before my", "before the", "before we",
                        "for a while", "for now", "until",
                        "till", "phone", "wifi", "travel", "flight", "hospital"))),
    # someone who will not wake, lips gone grey, not breathing
    Rule("wont_wake_up", EMERGENCY, patterns=(
        "$NEG ~wake|waking him|her|them|up",
        "$NEG ~come round|to",
        "lips|lip %word? %word? grey|gray|blue|purple",
        "$NEG responding|breathing|conscious",
    ), vetoes=(requires("floor", "collapsed", "collapse", "passed out", "unconscious", "ambulance", "lips", "lawn",
                        "bathroom", "tablets", "pills", "grey", "gray", "blue", "fell", "fallen", "breathing"),
               anywhere("for school", "alarm", "lazy", "lie in", "teenager", "texts", "messages", "emails",
                        "whatsapp", "snapchat", "app", "laptop", "game", "hangover", "hungover", "lol", "haha", "film",
                        "book", "swim", "swimming", "sea", "lipstick", "lippy", "makeup", "yoga", "breathing exercise",
                        "breathing exercises", "sleep apnoea", "sleep apnea", "snoring"))),
    # a blade held while a threat is spoken ("holding the kitchen knife saying shell use it if i fall asleep")
    Rule("knife_held_threat", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* holding|~hold|~wave|~point|~grab a|the|his|her|my? kitchen|big|bread? knife|knives|blade "
        "%word* ~say|~tell|~threaten|~scream|~shout|~yell",
    ), vetoes=(anywhere("cooking", "chopping", "carving", "veg", "onion", "onions", "loaf", "film", "movie", "lol",
                        "haha", "cake", "pumpkin"),)),
    # an abuser at the refuge ("hes outside the womens refuge right now. how did he find it")
    Rule("found_at_refuge", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* ~turn|~show|~come? up? outside|at|found|~find|to the|a|my women|womens? 's? "
        "refuge|shelter|safehouse",
    ), vetoes=(anywhere("volunteer", "volunteering", "donate", "donating", "fundraiser", "charity", "works at",
                        "work at", "job"),)),
)
