"""Crisis rules for warning signs said without the usual words: plans, goodbyes, relapse, control.

People rarely write "suicide" when they have decided: they say they know how they would do
it, that they have a date, that they won't be here by the weekend, that their affairs are in
order, that the old habit with the blade is back, that the pills are laid out or ready, that
they keep staring at the means. Abuse is often told as everyday control: an allowance, asking permission to eat, being
slammed against a wall. These rules (same notation and engine as ``coach.safety.rules``, run
by ``coach.safety.detector`` with them) catch those families. Each pattern is narrow on
purpose; wording they miss is left to the meaning layer, which learns from ``nlu/safety.yml``.
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import (anywhere, containing, followed_by, followed_within, preceded_within, requires,
                              unless_boundary_after)
from coach.safety.history_veto import recovered_history
from coach.safety.rules import ABUSE, SELF_HARM
from coach.safety.vetoes import STORY_WORDS, negated, not_a_life, someone_else, travel_not_death
from coach.safety.words import GOOD_NEWS, PRESCRIPTION_WORDS, WORK_WORDS

# when "i'll end it ..." is planned for: a time, not an object ("end it with him")
_SOON = "after|tonight|tomorrow|when|once|before|on|this"
# what may follow "got what i need to stop|end|go": nothing, or it / now ("... to go camping" is a trip)
_LAST_OBJECT = frozenset({"it", "this", "now", "tonight", "today", "everything", "all", "myself", "soon", "for"})

WARNING_SIGN_RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ self-harm
    Rule("knows_how", SELF_HARM, patterns=(
        "~know exactly how i|i'd|id|ill would|'d|d|will|'ll? ~do it",
        "~know exactly how and when",
        "i $AUX* ~know|~decide|~plan|~pick|~choose|~work out? how and when",  # stop 20
    ), vetoes=(followed_by("differently", "better", "again", "next time", "right", "to tell", "to say", "to apologise",
                           "to apologize", "to talk", "to bring", "to raise", "to ask", "to explain", "to show", "to confess",
                           "to come clean", "to leave", "to move", "to end things", "to end the", "to end it with",
                           "i 'll tell", "i ll tell"),)),
    Rule("not_here_after", SELF_HARM, patterns=(
        "about me after tonight|today|tomorrow|this",
        "i wo|will|'ll|would|'d $NEG ~be around|here|alive to ~say|~see|~tell|~read|~hurt|~bother|~burden|~disappoint|~ruin|~do|~fix|~change|~make|~try",
        "i wo|will|'ll|would|'d $NEG ~be around|here|alive after|by tonight|tomorrow",
        "i 'm|m|am|im $NEG going|gon to|na ~be around|here|alive to ~say|~see|~tell|~read|~watch",
        "$NEG ~think i 'll|will|would|'d? still ~be here|around|alive tomorrow|by|next|in",
        "$NEG ~think ill still ~be here|around|alive tomorrow|by|next|in",
        "~be my goodbye|farewell",
    ), vetoes=(followed_by("to"), travel_not_death)),
    Rule("goodbye_letters", SELF_HARM, patterns=(
        "~write|~leave ~letter|~note to|for everyone|everybody",
        "me out of the picture for? good|forever|permanently",
    )),
    # letters (plural) left for the family: a farewell, unless they are cards, thanks or an apology
    Rule("letters_for_the_family", SELF_HARM, patterns=(
        "~write|~leave|~finish the|my|some? letters|notes for|to my|the|each kids|children|family|son|daughter|mum|mom|dad|sister|brother|of",
    ), vetoes=(anywhere("apology", "apologise", "apologize", "sorry", "birthday", "christmas", "xmas", "thank", "thanks",
                        "santa", "cards", "school", "teacher", "wedding", "lunchbox", "lunchboxes", "tooth fairy", "therapist", "counsellor",
                        "homework", "exercise"),)),
    # a goodbye told as relief for the others: "they won't have to deal with me anymore",
    # "there won't be a me after this weekend", "he'll find it when i'm gone"
    Rule("gone_for_them", SELF_HARM, patterns=(
        "$NEG ~have to ~deal|~cope|~bother with me anymore|again|ever|soon|after",
        "nobody|noone|one will|'ll|would ~have to ~deal|~cope|~bother with me anymore|again|ever|soon|after",
        "there wo|will|'ll|would $NEG be a me",
        "after tonight|today _? there 's|s|is no point",
    ), vetoes=(travel_not_death,)),
    Rule("found_when_gone", SELF_HARM, patterns=(
        "~find|~read|~get|~open it|this|them|my|the? _? _? when|after|once i 'm|m|am gone|dead",  # stop 21: ~open, the object optional
    ), vetoes=(followed_by("to", "for", "out", "away", "on", "off"),)),
    # care for a pet or the children arranged with a secret: "told my sister to look after my
    # cat. she doesn't know why"; not a holiday, a trip or an appointment
    Rule("care_arranged", SELF_HARM, patterns=(
        "~tell|~ask _? _? _? to feed|~have|~keep|~take my _? cat|cats|dog|dogs|kids|children|pets|pet|son|daughter|rabbit",
        "~tell|~ask _? _? _? to ~look after my _? cat|cats|dog|dogs|kids|children|pets|pet|son|daughter|rabbit",
        "~tell|~ask _? _? _? to ~take care of my _? cat|cats|dog|dogs|kids|children|pets|pet|son|daughter|rabbit",
    ), vetoes=(requires("know why", "when i 'm gone", "when i m gone", "after i 'm gone", "after i m gone", "for good",
                        "forever", "from now on", "after tonight", "i wo nt need", "i wo n't need"),
               anywhere("holiday", "holidays", "trip", "away", "weekend", "hospital", "appointment", "lawyer", "surprise",
                        "party", "conference", "work", "interview", "festival", "wedding"))),
    # "made up my mind to stop living"; not "decided to stop living in the past / a lie / like roommates"
    Rule("decided_to_stop_living", SELF_HARM, patterns=(
        "mind|~decide|decision|ready|~choose to ~stop existing|living",
    ), vetoes=(followed_by("in", "a", "like", "for", "under", "as", "with", "by", "on", "off", "through", "out"),)),
    # a method told in passing, the way it comes out inside a form answer (stop 16, the in-form dev set)
    Rule("method_in_passing", SELF_HARM, patterns=(
        "~make it look like an accident",
        "the lake|sea|river|water|canal will ~have|~take me",
        "~walk into the sea|lake|river|canal",
        "~go|~walk off|over the cliff",
        "~get|~find the nerve to ~jump",
        "~get|~find the nerve to ~go over|off the|it|edge|side|railing|barrier|,|.",
        "how many of? my|the|those|these _? pens|jabs|syringes|units it would|'d|will take",
        "how many of? my|the|those|these _? ~$PILLS it would|'d|will take",
        "~take|~swallow|~down the whole|entire|full box|packet|pack|bottle|strip|lot",
        "about|of ~swerve|~veer|~steer|~drive into the|a|an? oncoming|traffic|tree|wall|lorry|truck|bus|barrier",  # stop 20
        "~make sure i wo|will|would $NEG ~wake",
        "~stop being a burden permanently|forever",
        "i wo|will|'ll|would|'d $NEG ~be alive",
        "~need|~use these|this|the check ins|in after",
        "~need|~use these|this|the checkins|reminders after",
        "~look up which|what bridge|building|cliff|multistorey|multistory _? _? ~be the? highest|tallest",
        "~google|googled|googling|~search|~check which|what bridge|building|cliff|multistorey|multistory _? _? ~be the? highest|tallest",
        "~look up how high|tall the|that? bridge|building|cliff|multistorey|multistory|car",
        "~google|googled|googling|~search|~check how high|tall the|that? bridge|building|cliff|multistorey|multistory|car",
        "~buy|buying|bought|~save|saving enough to do it|die",
        "enough to die",
        "~$PILLS from _ different|separate shops|chemists|pharmacies|supermarkets",
        "whoever ~find me",
        "~take|~swallow about|like|around|over|maybe _ of my|the|those _? ~$PILLS",
        "~write|~leave goodbyes|goodbye to|for",
        "~be fine|better|ok|okay|happier once|when|after i 'm|m|am|im gone",
    ), vetoes=(
        anywhere(*STORY_WORDS, "lol", "haha", "joke", "joking", "jk", "holiday", "swim", "swimming",
                 "paddle", "boat", "walk the dog", "surf", "surfing", "paracetamol for", "for my cold", "cold",
                 "headache", "hayfever", "shopping", "insurance claim", "bumper"),
        requires("me", "i", "my", "myself", "permanently", "forever", "tonight", "tomorrow", "sunday", "saturday",
                 "friday", "monday", "already", "ago", "nerve"),
    )),
    Rule("end_it_soon", SELF_HARM, patterns=(
        f"i 'll|ll|will end it {_SOON}",
        f"ill end it {_SOON}",
        f"i 'm|m|am going|gon to|na end it {_SOON}",
        f"~decide|mind|ready to end it {_SOON}|today|now",
    ), vetoes=(followed_by("with", "between", "for"), anywhere("relationship", "affair", "marriage", "us", "things with",
                                                             "contract", "subscription", "lease", "job", "call", "chat"))),
    # letters to post with pills in the same plan (a reminder's text)
    Rule("letters_and_pills", SELF_HARM, patterns=(
        "~post|~send|~leave|~give the|my? letters|notes to",
    ), vetoes=(requires("pills", "tablets", "overdose", "rope", "bridge"),
               anywhere("pharmacy", "chemist", "prescription", "vitamins", "pick up", "collect", "repeat", "gp"))),
    # stop 17: letters or notes left out, with a last word ("im done. the letters are on the
    # table"); not post, bills or cards
    Rule("letters_left_out", SELF_HARM, patterns=(
        "the|my letters|notes|letter|note ~be? on|in|under|by the|my _? table|bed|desk|drawer|pillow|counter|side|kitchen|bedside",
        "~leave|left the|my letters|notes|letter|note on|in|by the|my _? table|bed|desk|drawer|pillow|counter|side|kitchen|bedside",
    ), vetoes=(requires("i m done", "i 'm done", "i am done", "goodbye", "bye", "tonight", "it 's time",
                        "its time", "it s time", "for everyone", "for the kids", "for my kids", "forgive me", "when they",
                        "when he", "when she", "find them", "finished", "the end"),
               anywhere("post", "posted", "stamp", "stamps", "bill", "bills", "council", "bank", "sign", "signed",
                        "solicitor", "lawyer", "divorce", "christmas", "birthday", "valentine", "anniversary", "thank",
                        "thanks", "love letter", "love letters", "school", "homework", "apology", "sorry letter", "therapist",
                        "shopping", "recipe", "revision", "exam", "reminder", "remind"))),
    # stop 17: on the way to the tracks, a bridge or a roof, with a last word or a time that is now
    Rule("on_the_way_to_the_tracks", SELF_HARM, patterns=(
        "~go|~head|~walk|~drive|going|heading|walking|driving down|up? to the train|railway? tracks|track|line|bridge|cliffs|cliff|roof",
        "~go|~jump|~drive|going|jumping|driving off the|a bridge|cliff|cliffs|roof|multistorey|carpark",
    ), vetoes=(requires("after i send this", "after this", "tonight", "goodbye", "bye", "for good", "forgive me",
                        "sorry", "nothing left", "end it", "asleep", "plan is", "my plan"),
               anywhere("photo", "photos", "pictures", "trainspotting", "spotting", "commute", "station", "catch", "dog",
                        "picnic", "view", "sunset", "run", "running", "jog", "walk with", "party", "bar", "drinks", "smoke",
                        "festival", "lol", "haha", "fix", "repair", "gutter", "aerial", "satellite", "fireworks",
                        "concert", "gig", "match", "pick up", "picking up", "meet", "meeting", "traffic", "idea",
                        "garden", "terrace", "summer", "swim", "swimming", "tombstoning", "bungee", "for fun",
                        "bridge club", "bridge night", "bridge game"))),
    # stop 17: "i won't be around" with a plan or a decision beside it (not a trip: ``travel_not_death``)
    Rule("not_around_with_a_plan", SELF_HARM, patterns=(
        "i wo|will|'ll|would|'d $NEG ~be around|here|alive",
        "i 'm|m|am|im $NEG going|gon to|na ~be around|here|alive",
    ), vetoes=(requires("my plan", "a plan", "the plan", "made up my mind", "decided", "goodbye", "for good",
                        "pills are ready", "tablets are ready", "its ready", "it 's ready", "all ready"),
               followed_by("for", "to", "at", "on", "until", "till", "this", "next", "in", "much", "that", "when",
                           "while", "tomorrow", "today", "tonight", "over", "during", "after", "before", "so", "because"),
               travel_not_death, anywhere("trip", "holiday", "work", "shift", "conference", "weekend away", "flight",
                                          "festival", "hospital", "surgery", "op", "appointment"))),
    # stop 17: nothing left, and a decision taken ("theres nothing left for me here. i've decided")
    Rule("nothing_left_and_decided", SELF_HARM, patterns=(
        "nothing|nothin left for me",
    ), vetoes=(requires("decided", "made up my mind", "it 's decided", "its decided", "goodbye", "for good", "tonight"),
               anywhere("move", "moving", "moved", "job", "town", "city", "country", "abroad", "flat", "house", "lease",
                        "back home", "relocate", "relocating", "uni", "course", "fridge", "plate", "pizza", "cake",
                        "in the account", "in the bank", "savings", "to say", "to do", "to give", "to lose"))),
    # stop 18: what is left for them "after i'm gone", by morning, before "i do it"
    Rule("theirs_after_im_gone", SELF_HARM, patterns=(
        "so|for he|she|they|you|her|him|them ~have|~read|~keep|~get|~find it|this|them after|when|once i 'm|m|am gone",
    ), vetoes=(travel_not_death, anywhere("will and testament", "insurance", "pension", "inheritance", "estate",
                                          "solicitor", "lawyer", "one day", "some day", "someday", "old", "retire",
                                          "holiday", "trip", "away", "work", "shift"))),
    Rule("gone_by_morning", SELF_HARM, patterns=(
        "i 'll|will|'d|would be gone by|before the? morning|sunrise|dawn|midnight|daybreak",
        "ill be gone by|before the? morning|sunrise|dawn|midnight|daybreak",
    ), vetoes=(requires("goodbye", "bye", "matter", "sorry", "forgive", "love you", "loved", "nobody", "no one",
                        "noone", "easier", "better off", "for good"),
               travel_not_death, anywhere("flight", "train", "shift", "work", "trip", "party", "pub", "alarm", "taxi",
                                          "airport", "lol", "haha", "packed", "packing", "bags", "festival"))),
    Rule("before_i_do_it", SELF_HARM, patterns=(
        "before i ~do it|this",
    ), vetoes=(requires("the will", "my will", "letters", "letter", "note", "notes", "passwords", "goodbye", "forgive me",
                        "tell her i", "tell him i", "tell them i", "look after", "rehome", "rehoming"),
               anywhere("tattoo", "jump", "skydive", "bungee", "exam", "interview", "presentation", "speech", "confess",
                        "tell her about", "tell him about", "propose", "proposal", "sign", "tax", "taxes", "gym", "wedding",
                        "haircut", "dye", "resign", "quit", "lol", "haha", "holiday", "move", "moving", "surgery", "op"))),
    Rule("finish_it_tonight", SELF_HARM, patterns=(
        "i will|'ll|ll|'m|m|am going? gon? to? na? finish it|myself|everything tonight|today|now",
        "ill finish it|myself|everything tonight|today|now",
    ), vetoes=(requires("no point", "nothing", "vida", "no vale", "worthless", "tired of", "burden", "goodbye", "done",
                        "ca nt", "ca n't", "anymore", "empty", "life"),
               anywhere("essay", "report", "book", "season", "series", "painting", "project", "assignment", "puzzle",
                        "job", "homework", "chores", "kitchen", "bathroom", "wall", "game", "bottle", "wine", "pizza",
                        "cake", "thesis", "draft", "apology", "coat", "shed", "garden", "tax", "knitting", "film"))),
    Rule("go_quietly", SELF_HARM, patterns=(
        "time to go|slip away? quietly|peacefully",
        "i want|'m|m|am|need to? going? gon? to? na? go|slip away? quietly|peacefully tonight|now|while",
    ), vetoes=(followed_by("to bed", "to sleep", "home", "out", "upstairs", "downstairs", "back", "into", "for"),
               anywhere("party", "pub", "meeting", "class", "lol", "haha", "retire", "retirement", "nap", "snack",
                        "fridge", "job", "the office", "church"))),
    Rule("gun_out_and_done", SELF_HARM, patterns=(
        "~get|got|~take|took|~have the|my|dads|his? gun|pistol|rifle|shotgun|revolver out|down",
    ), vetoes=(requires("done", "goodbye", "ca nt", "ca n't", "enough", "no point", "tonight", "the end", "over", "finish",
                        "forgive", "anymore"),
               someone_else,
               anywhere("clean", "cleaning", "range", "hunting", "hunt", "season", "club", "deer", "rabbit", "rabbits",
                        "lesson", "game", "film", "lol", "haha", "pest", "fox", "licence", "license", "police", "shoot"))),
    # stop 18: not in anyone's way any more; got what is needed to stop; goodbye unknown to them
    Rule("out_of_everyones_way", SELF_HARM, patterns=(
        "make sure i 'm|m|am|be not in anyone|anyones|anybody|anybodys|everyone|everyones|everybody|your|their 's? way",
        "i wo|will|'ll|ill n't? nt? not? be in anyone|anyones|anybodys|everyones 's? way anymore|again|for",
    ), vetoes=(travel_not_death, anywhere("move out", "moving out", "moved out", "kitchen", "office", "house", "room",
                                          "flat", "lol", "haha", "driveway", "car", "desk"))),
    Rule("what_i_need_to_stop", SELF_HARM, patterns=(
        "~have|got what i need to stop|end|finish|go",
    ), vetoes=(unless_boundary_after(_LAST_OBJECT),
               requires("ca nt", "ca n't", "ca nt keep", "breathing", "done", "tonight", "no point", "goodbye", "enough",
                        "anymore", "world", "nothing left"),
               anywhere("app", "blocker", "smoking", "drinking", "vape", "vaping", "gambling", "texting", "patches",
                        "support", "group", "therapist", "course", "book", "lol", "haha", "divorce", "lawyer"))),
    # a loving word that was really a goodbye ("told her i love her... it was goodbye")
    Rule("loving_word_was_goodbye", SELF_HARM, patterns=(
        "it|that|this was|'s|s|is a|my? goodbye|farewell",
    ), vetoes=(requires("i love", "i loved", "love her", "love him", "love them", "love you", "best thing", "thanked",
                        "thank you for"),
               travel_not_death, anywhere("airport", "moving", "abroad", "flight", "relationship", "breakup", "break up",
                                          "broke up", "last date", "ex", "leaving do", "retire", "retirement", "funeral",
                                          "hospice", "passed", "died", "dog", "cat", "holiday", "graduation"))),
    Rule("goodbye_they_dont_know", SELF_HARM, patterns=(
        "$NEG ~know its|it 's|s|was|is? a|my? goodbye",
        "no idea its|it|this 's|s|was|is? a|my? goodbye",
    ), vetoes=(travel_not_death, anywhere("move", "moving", "abroad", "australia", "job", "emigrate", "emigrating",
                                          "surprise", "party", "leaving do"))),
    Rule("relapse_with_a_blade", SELF_HARM, patterns=(
        "~habit with the|a|my ~blade|~razor",
        "~relapse with|on the|a|my ~blade|~razor",
        "the|my ~blade ~be back",
    )),
    Rule("past_attempt", SELF_HARM, patterns=(
        "~have|~make an attempt years|before|once|ago|when|as",
        "my last|previous|first|second|suicide attempt",
    ), vetoes=(followed_by("at", "to", "of", "with"), recovered_history)),
    Rule("plan_and_date", SELF_HARM, patterns=(
        "~have|got a|the|my plan and|, i? ~have|got? a|the|my date|day|time|method",
        "~have|got|~make a|the|my plan to|for ~end it",
        "~have|got|~make a|the|my plan to|for die|dying",
    ), vetoes=(
        followed_by("with", "between", "for", "to tell", "to talk", "to speak", "to confront", "to sit",
                    "to ask", "to meet", "night", "nights", "off", "of", "my hair", "her hair", "hair"),
        preceded_within(2, "we", "they", "he", "she", "you", "therapist", "counsellor", "counselor"),
    )),
    Rule("not_deserve_to_live", SELF_HARM, patterns=(
        "i $AUX* $NEG ~deserve to ~live|~exist|~breathe",
        "i $AUX* $NEG ~deserve to be alive|here",
        "$NEG ~think i ~deserve to ~live|~exist|~breathe",
        "$NEG ~think i ~deserve to be alive|here",
        "no right to ~live|~exist",
        "no right to be alive|here",
    ), vetoes=(not_a_life,)),
    Rule("deserve_to_die", SELF_HARM, patterns=(
        "i really|honestly|probably|just|actually|literally? ~deserve to die",
        "i really|honestly|probably|just|actually|literally? ~deserve to be dead",
    ), vetoes=(followed_by("of", "laughing", "in a game", "in the game"),)),
    Rule("no_wish_to_live", SELF_HARM, patterns=(
        "$NEG ~wish|~desire to ~live|~exist",
        "$NEG ~wish|~desire to be alive",
        "no wish|desire|will|want to ~live|~exist",
        "no wish|desire|will|want to be alive",
    ), vetoes=(not_a_life,)),
    Rule("gone_by_a_date", SELF_HARM, patterns=(
        "i wo|will|'ll|would|'d|ill $NEG ~be around|here|alive by|after|past the|this|next|that? $TIME",
        "i 'm|m|am $NEG going|gon to|na ~be around|here|alive by|after|past|for the|this|next|that? $TIME",
        "$NEG ~see myself still? being|still around|here|alive by|for|at|past the|this|next|that? $TIME",
    ), vetoes=(travel_not_death,)),
    Rule("no_need_after_tonight", SELF_HARM, patterns=(
        "i wo|will|'ll|would|ill $NEG ~be? ~need you|this|it|anything|anyone|them|any|my|the _? _? after|past|beyond tonight|today",
        "~need it|them|anything|this|that|these|those|any|my _? where i 'm|m|am going",
    ), vetoes=(travel_not_death, anywhere(*GOOD_NEWS, "free trial", "trial ends", "subscription"))),
    Rule("affairs_in_order", SELF_HARM, patterns=(
        "~put|~get|~set|~have all? my affairs in order",
        "~sort|~settle|~tidy|~wrap|~finalise|~finalize out|up? all? my affairs",
        "~tie up? _? _? loose ends before i ~go|~die|~leave|'m|m|am gone?",
    ), vetoes=(
        followed_by("with", "on", "to", "back", "away", "home", "abroad", "for", "into", "off", "out", "in", "at"),
        travel_not_death, preceded_within(8, *WORK_WORDS), anywhere("divorce", "paperwork", "not like that", "forms"),
    )),
    Rule("hurt_till_it_bleeds", SELF_HARM, patterns=(
        "~bang|~hit|~punch|~smash|~slam|~scratch|~claw|~dig|~beat|~pinch|~burn|~scrape|~stab|~tear "
        "my|myself|$MYSELF _? _? _? _? _? _? until|till|til|untill it|they|i|my|the|there? _? ~bleed|bled|bleeding|~bruise|bruised|raw",
    ), vetoes=(
        containing("bite", "bites", "eczema", "itch", "itchy", "spot", "spots", "scab", "rash", "mosquito"),
        someone_else, preceded_within(3, "dog", "cat", "puppy", "kitten", "he", "she", "they"),
    )),
    Rule("pills_laid_out", SELF_HARM, patterns=(
        "~$PILLS _? _? _? in front of me",
        "~$PILLS _? _? _? laid|spread out",
        "~$PILLS _? _? ~line up",
        "~$PILLS _? _? ready",  # stop 20
        "all|every of? my|the|those|these ~$PILLS _? out",
        "~$PILLS _? _? _? _? _? _? _? _? ~take|~swallow|~down|~neck them|the all|lot",
    ), vetoes=(
        someone_else,
        followed_by("for the week", "for tomorrow", "with food", "in the morning", "every", "daily", "each",
                    "for the morning", "for the trip",
                    "of reach", "of date", "of the way"),
        followed_within(8, *PRESCRIPTION_WORDS),
    )),
    # ---- stop 19: seen set 8's misses, as families
    # the calm of a decision taken, with the day it is for ("weirdly calm now, i know what im doing saturday")
    Rule("calm_after_deciding", SELF_HARM, patterns=(
        "~know what i 'm|m|am ~do|doing on? $TIME|tonight|saturday|sunday|friday|this|when|after|once",
    ), vetoes=(requires("calm", "calmer", "peaceful", "at peace", "relief", "relieved", "decided", "made up my mind",
                        "quiet in my head", "settled"),
               negated, anywhere("party", "date night", "plans with", "trip", "holiday", "gym", "lol", "haha",
                                 "wedding", "birthday", "dinner", "talk to him", "talk to her", "telling him", "telling her"))),
    # affairs put in order for someone to "sort things after"
    Rule("sort_things_after", SELF_HARM, patterns=(
        "so|then my|the? he|she|they|everyone|someone|$PARTNER|mum|mom|dad|sister|brother|family ~can|~could|will|'ll|ll _? "
        "~sort|~deal|~handle|~manage|~access out? with? things|everything|it|stuff|them all? after|afterwards",
    ), vetoes=(unless_boundary_after(frozenset({"i", "im", "when", "without"})),
               requires("password", "passwords", "pin", "pins", "logins", "accounts", "account", "my will", "a will", "insurance",
                        "bank", "affairs", "letters", "policy", "life insurance"),
               anywhere("holiday", "trip", "op", "operation", "surgery", "hospital stay", "work trip", "lol", "haha"))),
    # at the place of a method, not for its ordinary use ("im at the station and not here for a train")
    Rule("not_here_for_the_train", SELF_HARM, patterns=(
        "$NEG here|there to? ~catch|~get|~take|for a|the|my|any train|bus|tube|ferry|ride",
    ), vetoes=(anywhere("picking", "pick up", "meet", "meeting", "collect", "collecting", "waiting for my", "photos",
                        "photo", "spotting", "lol", "haha", "work", "job", "shift", "protest", "busking"),)),
    # wanting the partner to be the one who finds them
    Rule("the_one_who_finds_me", SELF_HARM, patterns=(
        "~be the one who|that|to ~find me",
        "~want|wanna|~hope him|her|them|my _? to ~find me so|when|after|like|first|dead|here",
    ), vetoes=(followed_by("attractive", "sexy", "interesting", "funny", "again", "online", "a", "an"),
               anywhere("hide and seek", "hide n seek", "lol", "haha", "surprise", "party", "treasure", "game",
                        "escape room", "lost", "getting lost", "birthday"))),
    # a goodbye that asks for no help ("pls dont call anyone, i just wanted to say bye")
    Rule("goodbye_without_help", SELF_HARM, patterns=(
        "$NEG ~call|~tell|~ring|~alert|~phone|~send the|an? anyone|anybody|someone|police|cops|ambulance|help",
        "$NEG ~try to ~stop me",
    ), vetoes=(requires("bye", "goodbye", "say bye", "farewell", "last message", "last time", "love you all",
                        "i m sorry", "i 'm sorry", "for good", "its time", "it s time", "over soon", "done"),
               anywhere("lol", "haha", "party", "surprise", "secret", "pregnant", "engagement", "about the affair",
                        "about us", "about this", "about the", "moving", "job", "leaving him", "leaving her"))),
    # a name or word cut into the skin
    Rule("carved_into_skin", SELF_HARM, patterns=(
        "~carve|~scratch|~etch|~cut|~slice _? _? _? _? into|in|on my|me arm|arms|wrist|wrists|leg|legs|skin|thigh|thighs|stomach|hand|hip|hips",
    ), vetoes=(recovered_history, anywhere("tattoo", "tree", "desk", "bench", "pumpkin", "wood", "table", "lol", "haha",
                                           "cake", "sticker", "henna", "pen", "marker", "plaster", "cast", "bracelet",
                                           "paper cut", "chopping", "knife slipped", "cooking"))),
    # ending it because nobody needs them ("after this im going to end it, nobody needs me around")
    Rule("end_it_nobody_needs_me", SELF_HARM, patterns=(
        "~go|gon|'m|m|am to|na end it|everything|myself|things",
        "i 'll|ll|will|ill end it|everything|myself|things",
    ), vetoes=(requires("nobody needs", "no one needs", "noone needs", "nobody would miss", "no one would miss",
                        "better off without me", "burden", "nobody cares", "no one cares", "nobody will miss",
                        "no one will miss", "no point", "ca nt go on", "ca n't go on"),
               followed_by("with", "between", "for us", "for good with"),
               anywhere("the relationship", "this relationship", "our relationship", "the marriage", "this marriage",
                        "our marriage", "lol", "haha", "dating"))),
    # staying under the water, wondered about ("i hold my breath under the bath water and wonder what if i stayed down")
    Rule("staying_under", SELF_HARM, patterns=(
        "~hold my breath under|in the? bath|water|bathwater",
        "~stay|stayed|~keep _? down|under the? water|bath|there _? _? _? ~drown",
    ), vetoes=(requires("what if", "stay", "stayed", "not come up", "never come up", "wonder", "wondering", "wondered", "longer", "drown",
                        "did nt come up", "did n't come up"),
               anywhere("swimming", "swim", "pool", "lol", "haha", "challenge", "record", "lesson", "snorkel",
                        "diving", "dive", "kids", "game", "competition", "yoga", "breathing exercise"))),
    # "stop existing" said as a plan, not an account closing
    Rule("stop_existing", SELF_HARM, patterns=(
        "~stop|~cease existing",
    ), vetoes=(negated, anywhere("account", "accounts", "company", "brand", "app", "shop", "band", "website", "store",
                                 "lol", "haha", "feelings", "the problem", "problems", "show", "series", "subscription",
                                 "species", "dinosaurs"))),
    # ------------------------------------------------------------------ abuse
    # stop 20: staring at the means with no reason to go on ("can't stop looking at the pills, what's the point")
    Rule("staring_at_the_means", SELF_HARM, patterns=(
        "~keep|~be|~sit|~stand ~look|~stare|looking|staring at the|my|those|these|his|her knives|pills|tablets|rope|blade|blades|razor|razors|gun",
    ), vetoes=(requires("point", "anymore", "any more", "tired of", "done with", "ca nt do", "ca n't do", "ca nt go on",
                        "ca n't go on", "enough", "end it", "nobody", "no one", "better off", "tomorrow", "no way out"),
               anywhere("sharpen", "sharpening", "knife set", "new set", "kitchen", "cooking", "recipe", "museum", "collection"))),
    Rule("slammed_against", ABUSE, patterns=(
        "$SUBJECT $AUX* ~slam|~shove|~ram me|us against|into|onto|down",
    ), vetoes=(negated,)),
    Rule("controlled_allowance", ABUSE, patterns=(
        "$SUBJECT $AUX* ~take|~keep|~hide|~hold my|our bank? ~card|bankcard|cards|wages|salary|benefits",
        "~give me _ quid|pounds|dollars|bucks|euros|rupees a|per|each week|day|month",
        "~give me £|€ _ a|per|each week|day|month",
    ), vetoes=(negated,)),
    Rule("permission_to_live", ABUSE, patterns=(
        "~have to ~ask him|her|them|for permission? before|for|if|to i? _? ~eat|~sleep|~shower|~wash|~pee",
        "~have to ~ask my $PARTNER permission? before|for|if|to i? _? ~eat|~sleep|~shower|~wash|~pee",
        "~have to ~ask him|her|them|for permission? before|for|if|to i? _? ~go out|outside",
    )),
)
