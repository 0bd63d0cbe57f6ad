"""Crisis rules for crises said quietly, which the meaning layer alone had been catching.

Stop 31's retrain moved eleven crises of seen sets 10, 12 and 13 from the crisis reply to
coaching: the words of new look-alikes and goodbyes sat near them. Rather than lean on the
retrained layers, ten are families here, in our own words: scratching or burning "again",
on purpose, a clean streak gone; a message scheduled for the small hours asking someone to look
after a pet or the kids; a plan "worked out" (where, when, what to leave); train times looked up
"not to go anywhere"; goodbyes said to everyone without them knowing; a partner hiding needed
medicine as punishment, withholding food until it is "earned", threatening to cut a tattoo
off; a child who had a seizure and is still floppy. Same notation and engine as
``coach.safety.rules``, run by ``coach.safety.detector``; each pattern narrow, with vetoes for
the everyday readings (a cat's scratch, a burn from the oven, a scheduled birthday text, a
holiday worked out, train times for a trip, goodbyes at a leaving do, a partner hiding the
biscuits, a dog's seizure told as over).
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, requires
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import STORY_WORDS, about_a_character
from coach.safety.words import PLAY

_NOT_ON_PURPOSE = ("by accident", "accidentally", "cat", "kitten", "dog", "puppy", "oven", "iron", "kettle", "cooking",
                   "bramble", "brambles", "rash", "eczema", "mosquito", "bites", "itch", "itchy", *PLAY, *STORY_WORDS)

QUIET_SIGN_RULES: tuple[Rule, ...] = (
    # hurting themselves again ("scratched till it bled again. 4 weeks clean gone")
    Rule("hurt_myself_again", SELF_HARM, patterns=(
        "~scratch|scratched|~burn|burned|burnt|~pick|picked till|until it|they ~bleed|bled again",
        "~burn|burned|burnt|~scratch|scratched _? _? _? _? my|the arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin "
        "_? _? _? _? _? on purpose",
        "weeks|days|months clean gone|ruined|over",
    ), vetoes=(requires("again", "on purpose", "clean gone", "clean ruined", "relapse", "relapsed"),
               anywhere(*_NOT_ON_PURPOSE), about_a_character)),
    # a message set for the small hours, someone asked to look after what is left
    # ("scheduled a text to my bf for 3am that says look after rufus for me")
    Rule("scheduled_for_the_small_hours", SELF_HARM, patterns=(
        "~schedule|scheduled|~set|~time|timed a|an|the|my text|message|email|post _? _? _? _? _? _? for|at "
        "1|2|3|4|5|1am|2am|3am|4am|5am",
    ), vetoes=(requires("look after", "take care of", "sorry", "goodbye", "understand", "forgive", "when he wakes",
                        "when she wakes", "in the morning"),
               anywhere("birthday", "anniversary", "reminder to", "happy", "good morning", "flight", "alarm",
                        "shift", "work", *PLAY))),
    # a plan worked out ("ive worked out where, when, and what id leave")
    Rule("worked_out_where_and_when", SELF_HARM, patterns=(
        "~work|worked|~figure|figured out where , when",
        "~work|worked|~figure|figured out where and when",
        "~work|worked|~figure|figured out where , when , and|&",
    ), vetoes=(requires("leave", "planned", "plan", "not saying", "do anything", "note", "letter", "goodbye"),
               anywhere("holiday", "wedding", "party", "date", "meet", "meeting", "dinner", "move", "moving", "viewing",
                        "proposal", "propose", "surprise", "trip", "talk", "tell him", "tell her", *PLAY))),
    # train times "not to go anywhere" ("been looking at train times and not to go anywhere")
    Rule("train_times_not_to_travel", SELF_HARM, patterns=(
        "train|trains times|timetable _? _? _? _? not to go|travel anywhere",
        "not to go|travel anywhere",
    ), vetoes=(requires("train", "trains", "timetable", "tracks", "railway", "station"),
               anywhere("strike", "delayed", "cancelled", "holiday", *PLAY))),
    # goodbyes said without them knowing ("rang everyone today to say bye without them knowing")
    Rule("goodbyes_they_did_not_know", SELF_HARM, patterns=(
        "~say|said|saying my? bye|goodbye|goodbyes _? _? _? without them|anyone|her|him knowing",
        "without them|anyone knowing that|thats|that 's|what it was",
    ), vetoes=(requires("bye", "goodbye", "goodbyes"),
               anywhere("leaving do", "new job", "moving", "move", "emigrating", "abroad", "surprise", "party", "trip",
                        *PLAY))),
    # needed medicine hidden as punishment ("my gf hides my epilepsy meds as punishment")
    Rule("meds_hidden_as_punishment", ABUSE, patterns=(
        "~hide|hides|hid|~take|takes|took|~keep|keeps|~throw|threw my|the epilepsy|insulin|inhaler|heart|blood|seizure "
        "meds|medication|tablets|pills|pen|inhaler",
        "~hide|hides|hid|~take|takes|took|~keep|keeps my meds|medication|tablets|pills|inhaler|insulin _? _? as|to punish|punishment",
    ), vetoes=(requires("punish", "punishment", "as a lesson", "when she thinks", "when he thinks", "if i", "until i",
                        "unless i"),
               anywhere("kids", "toddler", "dog", "child lock", "from the kids", "out of reach", "reminder", *PLAY))),
    # food withheld until earned, made to sleep on the floor
    # ("made me sleep on the floor and says i dont eat until i earn it")
    Rule("food_until_i_earn_it", ABUSE, patterns=(
        "do|does nt|not|n't ~eat|eating until|till|unless i ~earn|earned it",
        "~make|made|makes me sleep on the floor",
    ), vetoes=(anywhere("camping", "sleepover", "guests", "airbnb", "festival", "back pain", "my back", "dog", "kids",
                        "diet", "fast", "fasting", "ramadan", "lent", *PLAY),
               about_a_character)),
    # a threat to cut a mark off ("says if i ever cover it hell cut it off himself")
    Rule("threat_to_cut_it_off", ABUSE, patterns=(
        "he|she|hell|shell|'ll|ll|will|would _? cut|burn|scrape it|them off himself|herself|me",
        "he|she|hell|shell|'ll|ll|will|would _? cut|burn|scrape it|them off",
    ), vetoes=(requires("tattoo", "tattooed", "name", "skin", "ring", "finger", "hair"),
               anywhere("power", "electric", "gas", "phone", "internet", "wifi", "money", "card", "allowance", "contact",
                        "hedge", "branch", "tag", "label", "cast", "plaster", "bandage", *PLAY))),
    # a seizure, and still floppy ("had a seizure in the bath an hour ago and shes still floppy")
    Rule("seizure_still_floppy", EMERGENCY, patterns=(
        "still floppy|limp|drowsy|confused|unresponsive",
        "wo|will nt|n't|not answer me properly",
        "wo|will nt|n't|not respond|wake",
    ), vetoes=(requires("seizure", "fit", "fitting", "fell", "hit her head", "hit his head", "ambulance", "overdose",
                        "pills"),
               anywhere("dog", "cat", "last year", "years ago", "fine now", "ok now", "a fit over", "a fit about",
                        "teenager", "teenagers", "strop", "sulking", *PLAY, *STORY_WORDS))),
)
