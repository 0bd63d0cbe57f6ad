"""Crisis rules for a plan already made, danger inside the home, and an emergency unfolding.

Seen set 20's misses (stop 31) as families in our own words. People say the letters are written
"for after" and they have made up their mind; that the old cutting came back tonight, deeper; that
"the thoughts are back"; that they bought tablets in several shops so nobody would ask; that the
savings are set up for someone and they feel strangely calm; that a poison is bought and they will
drink it; that they took a whole box; that nobody will find them too early; that the obituary is
written and the date picked; that they know how much it would take; that they gave the tools away
and are "not moving anywhere"; that if they don't reply, it worked; that they checked the path to
the same spot; that there is no coming back as they head for the top of a car park; that the
safety is off; that the rope is tied to the tree; that charcoal is lit with the window taped; that
they drove fast on purpose hoping to crash; that they won't need the coaching after a date. A
partner locked the door and took the key, found them at the last motel, stands outside with a
crowbar, broke their fingers as a warning, stands over them with a tool at night, threatens the
baby, fetches the belt; a reminder holds a shelter number and a time to be gone by. Someone is
fitting on the floor, still inside a burning house, can't feel their legs after a fall, on a
window ledge, hit their head and is not making sense, or caught in a machine.
Same notation and engine as ``coach.safety.rules``, run by ``coach.safety.detector``; each pattern
narrow, with vetoes for the everyday readings (love letters, a haircut, hay fever tablets, a will
drawn up at forty, a eulogy for a grandparent, a game's save, a fitting room, a bonfire, a
tantrum, a baler broken down, "I'm not going anywhere" as a promise).
"""

from __future__ import annotations

from spacy.tokens import Span

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, requires
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import STORY_WORDS, about_a_character, someone_else
from coach.safety.words import A_PARENT_CROSS, PLAY

_PILLS = ("pills", "tablets", "paracetamol", "meds", "medication", "antidepressants", "painkillers", "insulin",
          "sleeping", "oxy", "oxycodone", "codeine", "tramadol", "morphine", "capsules", "diazepam")
_MEANS = (*_PILLS, "rope", "gun", "rifle", "bridge", "cliff", "car park", "tracks", "train", "poison", "weedkiller",
          "weed killer", "charcoal", "blade", "razor", "knife", "jump", "river", "roof", "ledge")
_WEAPONS = ("crowbar", "bat", "knife", "hammer", "axe", "machete", "gun", "golf club", "screwdriver", "scissors",
            "iron", "bottle", "spanner", "wrench", "pipe", "blade", "shotgun", "rifle", "pistol")
_WEAPON = "|".join(w for w in _WEAPONS if " " not in w)
_CHILD = ("toddler", "baby", "kid", "kids", "child", "children", "little one", "son", "daughter", "year old", "yr old", "yo",
          "boy", "girl", "twins", "grandson", "granddaughter")
_AT_THE_DOOR_ARMED = (
    f"outside|at|in the|my|our front|back? house|door|flat|window|gate|garden _? _? with a|an|his|her|the baseball|cricket?"
    f" {_WEAPON}",
    f"~stand|standing|stood over me with a|an|his|her {_WEAPON}",
)
_NOT_THE_PARTNER = ("someone", "somebody", "a man", "a guy", "some guy", "some man", "this guy", "this man", "a woman", "stranger", "intruder", "burglar", "her ex",
                    "his ex", "ex s", "the guy", "the man", "the woman", "neighbour", "neighbor", "his wife", "guy",
                    "her husband", "new boyfriend", "new girlfriend", "new partner", "her boyfriend", "his girlfriend", "affair partner", "a bloke", "some bloke")
# a tool in its everyday use, a sport, a dream: released only when no word of threat or fear sits
# beside it ("in the garden with an axe chopping logs", not "... with an axe screaming hes going to kill me")
_AT_WORK_OR_PLAY = anywhere("fixing", "repair", "repairing", "builder", "plumber", "gardener", "bbq", "playing cricket",
                            "at cricket", "from cricket", "to cricket", "cricket practice", "cricket match", "the cricket",
                            "nets", "playing baseball", "baseball game", "baseball practice", "softball", "rounders",
                            "dream", "dreamt", "dreamed", "nightmare", "chopping", "logs", "firewood", "hedge",
                            *PLAY, *STORY_WORDS)
_THREAT_BESIDE = anywhere("kill", "scream", "screaming", "shouting", "yelling", "threaten", "threatening", "threatened",
                          "scared", "afraid", "terrified", "hurt", "banging", "locked", "hiding", "help", "police", "999",
                          "911", "drunk")
_A_BOTTLE_OF = followed_by("of wine", "of beer", "of champagne", "of prosecco", "of water", "of milk", "of juice")


def _armed_for_work(span: Span) -> bool:
    """Drop a tool or a bottle at the door in its everyday use (a gift of wine, chopping logs,
    cricket practice), unless a word of threat or fear sits in the message."""
    return (_AT_WORK_OR_PLAY(span) or _A_BOTTLE_OF(span)) and not _THREAT_BESIDE(span)
_AFTER_AN_EVENT = followed_by("the", "we", "school", "dinner", "work", "christmas", "the wedding", "our", "my", "his",
                              "her", "this", "that", "next", "lunch", "tea", "exams", "surgery", "the holidays")
_FAREWELL = anywhere("sorry", "goodbye", "forgive", "love them", "gone", "tonight", "for after", "bye", "tired", "anymore",
                     "pills", "the end", "last")
_FLEEING = anywhere("shelter", "refuge", "bag", "bags", "packed", "escape", "safe", "scared", "afraid", "terrified", "hurt",
                    "hits", "kill", "police", "get away", "hotline", "for good", "me and the kids", "the kids and i")
_HOBBY = ("costume", "party", "halloween", "cosplay", "fancy dress", "lol", "haha", *PLAY, *STORY_WORDS)

PLAN_MADE_SIGN_RULES: tuple[Rule, ...] = (
    # letters written "for after" ("wrote her a letter for after", "letters for the kids are in the car")
    Rule("letters_for_after", SELF_HARM, patterns=(
        "~letter|~note|~letters|~notes for after",
        "~letter|~letters|~note|~notes for the|my kids|children|boys|girls|family ~be|are|s in|on|under",
    ), vetoes=(lambda span: span[-1].lower_ == "after" and _AFTER_AN_EVENT(span),
               lambda span: span[-1].lower_ in ("in", "on", "under") and not _FAREWELL(span),
               anywhere("santa", "tooth fairy", "love letter", "love letters", "school", "teacher", "birthday", "lunchbox",
                        "time capsule", "therapist", "therapy", "counsellor", "exercise", "apology letter", "fridge",
                        "chores", *_HOBBY))),
    # a mind made up at the place ("parked at the top of the quarry road and ive made up my mind")
    Rule("mind_made_up_at_the_place", SELF_HARM, patterns=(
        "~have|ve|'ve made up my mind",
        "~have|ve|'ve made my mind up",
        "my? mind|minds ~be|is|s|'s? made up",
    ), vetoes=(requires("parked", "top of", "bridge", "quarry", "cliff", "car park", "tracks", "letters", "goodbye",
                        "tonight", "pills", "rope", "edge", "for after"),
               anywhere("leaving him", "leaving her", "leave him", "leave her", "divorce", "stay", "staying", "job",
                        "house", "move", "moving", "tell him", "tell her", "forgive", "marriage", "relationship",
                        "telling him", "telling her", "telling his", "his boss", "gym", "bridge club", *_HOBBY))),
    # old cutting back ("3 years clean from cutting and tonight i did it again", "has me cutting again")
    Rule("old_cutting_back", SELF_HARM, patterns=(
        "me cutting|~self-harm|~selfharm again",
        "clean|free from cutting|~self-harm|~selfharm _? _? _? _? _? _? did it again",
    ), vetoes=(followed_by("the", "back", "down", "costs", "carbs", "sugar", "hours", "ties", "contact", "him", "her",
                           "them", "his", "out"),
               anywhere("hair", "fringe", "coupons", "budget", "lawn", "grass", "hedge", "wood", "onion", "film",
                        "video", "editing", "fabric", "carbs", "sugar", "diet", "keto", "caffeine", *_HOBBY))),
    # the thoughts are back ("the thoughts r back. the not waking up ones")
    Rule("the_thoughts_are_back", SELF_HARM, patterns=(
        "not waking|wake up ones|thoughts",
        "the|those thoughts ~be|are|r|s|~have back|returned",
    ), vetoes=(requires("not waking", "not wake", "nt want to wake", "bridge", "dying", "dead", "die", "end it", "ending it", "over the side",
                        "kill myself", "not being here", "the edge", "pills", "jump"),
               anywhere("intrusive thoughts about", "about the affair", "about her", "about him", "jealous", "dead tired",
                        "die of", "dying to", "him dying", "her dying", *_HOBBY))),
    # looking over the side on the way ("every morning i slow down on the bridge and look over the side")
    Rule("looking_over_the_side", SELF_HARM, patterns=(
        "~look|looking over the side|edge|railing|rail",
    ), vetoes=(requires("bridge", "balcony", "car park", "roof", "cliff", "overpass"),
               anywhere("view", "ship", "boat", "ferry", "cruise", "photo", "sunset", "whales", "dolphins", "kids",
                        "fireworks", "parade", "his car is", "where i parked", *_HOBBY), about_a_character)),
    # tablets bought in several shops ("bought paracetamol in three different shops so nobody would ask")
    Rule("bought_in_several_shops", SELF_HARM, patterns=(
        "in|from|at three|four|3|4|several|different|two|2 different? shops|chemists|pharmacies|stores|places",
        "so nobody|noone would|'d|d|will ask|notice|question",
        "so no one would|'d|d|will ask|notice|question",
    ), vetoes=(requires(*_PILLS), anywhere("prices", "cheaper", "deal", "offer", "shortage", "out of stock", "hay fever",
                                           "allergy", "vitamins", "flu", "poorly", "temperature",
                                           *_HOBBY), someone_else)),
    # affairs settled, strangely calm ("set it up so Farzana gets everything in the savings")
    Rule("affairs_settled", SELF_HARM, patterns=(
        "~set it up so _ ~get|gets everything",
        "weirdly|strangely|oddly|eerily|really|so calm about it",
        "weirdly|strangely|oddly|eerily calm now",
    ), vetoes=(requires("gets everything", "savings", "cancelled my", "canceled my", "papers on the table", "my will",
                        "left the", "gave away", "given away", "letters"),
               anywhere("talk", "talked", "conversation", "therapy", "told him", "told her", "divorce", "separation",
                        "move out", "moving out", "mediator", "mediation", "splitting", "split up", "solicitor said", "sensible",
                        "new baby", *_HOBBY))),
    # if something happens to me, tonight ("if something happens to me ... i mean it. tonight")
    Rule("if_something_happens_tonight", SELF_HARM, patterns=(
        "if something|anything ~happen|happens to me",
        "in case something|anything ~happen|happens to me",
    ), vetoes=(requires("tonight", "i mean it", "weird one", "soon", "make sure"),
               anywhere("surgery", "operation", "flight", "flying", "trip", "travel", "travelling", "hike", "hiking",
                        "abroad", "work", "deployment", "deployed", "climb", "pregnant", "birth", "labour", "he did it",
                        "she did it", "it was him", "it was her", "he says", "she says", "he said", "she said",
                        "hurts me", "hurt me", *_HOBBY))),
    # this is goodbye, with thanks ("this is goodbye. thanks for trying, none of what happens tonight is your fault")
    Rule("this_is_goodbye", SELF_HARM, patterns=(
        "this ~be|is|s|'s goodbye",
    ), vetoes=(requires("tonight", "thanks for trying", "thank you for trying", "not your fault", "for everything",
                        "forgive me", "love you all", "sorry for"),
               anywhere("to him", "to her", "to us", "marriage", "relationship", "job", "house", "city", "flat", "app",
                        "bot", "group", "team", "moving", "move", "leaving him", "leaving her", "talk tomorrow",
                        "speak tomorrow", "new chapter", "old me", "keys back", "landlord", *_HOBBY),
               followed_by("for tonight", "for now", "for today", "for the night"))),
    # a treatment stopped on purpose ("stopped my insulin on purpose 4 days ago")
    Rule("treatment_stopped_on_purpose", SELF_HARM, patterns=(
        "~stop|stopped|~quit|quit|~skip|skipping taking? my|the? insulin|dialysis|heart|blood|meds|medication|tablets _? on purpose",
        "~stop|stopped|~quit|quit|~skip|skipping taking? my|the? insulin|dialysis|heart|blood|meds|medication|tablets _? deliberately",
    ), vetoes=(requires("insulin", "dialysis", "heart", "blood", "want it to be over", "do nt care", "die", "dying",
                        "over with"),
               anywhere("doctor", "gp", "side effects", "told me to", "weaning", "taper", "tapering", *_HOBBY))),
    # on the railway ("its 3am and im sitting on the tracks")
    Rule("on_the_tracks", SELF_HARM, patterns=(
        "~sit|sitting|sat|~lie|lying|laying|~stand|standing|stood on the tracks|track|rails|railway|line",
    ), vetoes=(requires("train", "trains", "station", "railway", "tracks", "rails", "first train", "level crossing"),
               anywhere("model", "toy", "running track", "race track", "athletics", "on track", "music", "song",
                        "platform", "photo", *_HOBBY), about_a_character)),
    # a poison bought to drink ("today i buy rat poison, i will drink it when the children are sleeping")
    Rule("poison_bought_to_drink", SELF_HARM, patterns=(
        "i will|ll|'ll|m|am drink|swallow it",
        "~buy|bought|~get|got _? weed|rat killer|poison",
        "~buy|bought|~get|got _? weedkiller|paraquat|antifreeze",
    ), vetoes=(requires("poison", "weedkiller", "weed killer", "paraquat", "antifreeze", "bleach", "rat killer"),
               requires("drink it", "swallow it", "hid it", "hidden it", "under my bed", "endure", "for me", "tonight"),
               anywhere("lawn", "garden", "patio", "driveway", "weeds on", "mice in", "rats in", "the barn", "shed roof",
                        "pets", "for the car", "car would nt", "car wo nt", "windscreen", "radiator", "engine", "coolant",
                        "top up", "for the loft", "out of reach", "ca nt reach", *_HOBBY), someone_else)),
    # a saved supply, only the night to choose ("i have enough now. i just need to decide which night")
    Rule("which_night", SELF_HARM, patterns=(
        "~decide|deciding|~pick|picking|~choose|choosing which night|day|evening",
    ), vetoes=(requires(*_PILLS), requires("enough now", "have enough", "saving", "saved", "stockpiling", "stash"),
               anywhere("date night", "dinner", "movie", "party", "visit", "book", "booking", "prescribed", "pharmacy",
                        "money", "holiday", *_HOBBY))),
    # a whole box taken ("took the whole new box of my antidepressants")
    Rule("whole_box_taken", SELF_HARM, patterns=(
        "~take|took|taken|~swallow|swallowed the|a|an whole|entire|full new? box|packet|pack|bottle|tub|pot",
    ), vetoes=(requires(*_PILLS), anywhere("vitamins", "mints", "chocolates", "biscuits", "sweets", "to the bin",
                                           "back to", "to the chemist", "returned", "dog", "cat", "away from",
                                           "off him", "off her", "hid", *_HOBBY), someone_else,
               anywhere("on holiday", "to the pharmacy", "in case", "first aid"))),
    # found too early ("hes away 9 days so nobody will find me too early")
    Rule("not_found_in_time", SELF_HARM, patterns=(
        "~find me too early|soon",
        "~find me in time",
        "~find me for days|weeks",
        "~find me until|till|til it|its s|'s|is? too? late|over",
    ), vetoes=(anywhere("hide and seek", "hiding spot", "cabin", "retreat", "holiday", "escape room", "lol", "haha",
                        "chocolate", "biscuits", "snacks", "minutes of peace", "5 minutes of", "five minutes of",
                        *STORY_WORDS),
               about_a_character)),
    # an obituary or eulogy of their own ("wrote my own obituary tonight and picked the date")
    Rule("own_obituary", SELF_HARM, patterns=(
        "~write|wrote|written|writing|~finish my own? obituary|obit|eulogy",
        "~pick|picked|~choose|chosen|chose|~set the|a date|day",
    ), vetoes=(requires("my own", "my obituary", "my obit", "my eulogy", "own funeral", "my funeral"),
               anywhere("therapy", "exercise", "course", "class", "workshop", "homework", "counsellor", "grandad",
                        "grandma", "nan", "dad", "mum", "father", "mother", "wedding", "party", "renewal", "mums", "dads",
                        "nans", "grandads", "grandpa", "granny", "uncle", "auntie", "his eulogy", "her eulogy",
                        "his funeral", "her funeral", *STORY_WORDS))),
    # knowing the dose ("i know exactly how much insulin it would take")
    Rule("know_how_much_it_would_take", SELF_HARM, patterns=(
        "~know|knew exactly how much|many _? it would|'d|d take",
    ), vetoes=(requires(*_PILLS), anywhere("bake", "recipe", "paint", "fuel", "petrol", "money", "cost", "pay", "dog",
                                           "cat", "vet", "patient", "patients", "dose for", "to cover", "sugar", "sugars",
                                           "carbs", "correction", *_HOBBY))),
    # things given away, "not moving anywhere" ("gave my tools and the truck keys to my nephew")
    Rule("gave_it_all_away", SELF_HARM, patterns=(
        "i m|am|'m not moving|going anywhere",
        "~give|gave|given my tools|keys|guitar|truck|watch|car _? _? _? _? to my",
    ), vetoes=(requires("gave my", "given my", "gave away", "given away", "told him i m moving", "told her i m moving"),
               requires("not moving anywhere", "not going anywhere", "wo nt need", "for good"),
               anywhere("staying", "stay", "with you", "together", "promise", "for him", "for her", "selling",
                        "sold", "moving house", "new job", "for a while", "working from home", *_HOBBY))),
    # if no reply, it worked ("if I dont reply tomorrow its bc it worked this time")
    Rule("it_worked_this_time", SELF_HARM, patterns=(
        "bc|because|cause|cos|coz it worked this time",
        "if i do|did nt|n't|not reply|answer|respond|wake _? _? tomorrow|later|again",
        "if i do|did nt|n't|not reply|answer|respond _? _? bc|because|cause|cos|coz it worked",
    ), vetoes=(requires("it worked", "gone", "dead", "you know why", "goodbye", "pills", "this time"),
               anywhere("diet", "recipe", "trick", "apology", "therapy", "talk", "phone", "battery", "signal", "shift",
                        "work", "gone to bed", "gone out", "early night", "night out", "wifi",
                        *_HOBBY))),
    # the path to the same spot checked ("planning it the same way, same spot by the river")
    Rule("same_spot_checked", SELF_HARM, patterns=(
        "~plan|planning|planned it the same way",
        "same spot|place by|at|on|near the river|bridge|weir|cliff|tracks|quarry|railway",
        "~check the path|way|route|gate|fence ~be|is|s still open|clear",
    ), vetoes=(requires("planning", "plan", "same spot", "same place", "weir", "where i was", "2019", "last time"),
               anywhere("picnic", "proposal", "propose", "anniversary", "date", "wedding", "fishing", "swim", "walk the dog",
                        "birthday", *_HOBBY))),
    # no coming back, on the way up ("theres no coming back from it. im going up to the top of the car park")
    Rule("no_coming_back_going_up", SELF_HARM, patterns=(
        "~go|going|~head|heading|~drive|driving up to the top of the|a _? car|multi|multistorey|parking|tower|building",
        "no coming back from it|this",
    ), vetoes=(requires("top of the", "car park", "roof", "bridge", "cliff", "tracks", "pills", "parking garage"),
               requires("no coming back", "no way back", "ca nt go on", "goodbye", "end it", "done"),
               anywhere("view", "photo", "sunset", "parked", "ticket", "shopping", "leak", "ceiling", "roofer", "gutter",
                        "lift is broken", "lift s broken", "elevator", *_HOBBY))),
    # a weapon's safety off ("Tonight I took the safety off")
    Rule("safety_off", SELF_HARM, patterns=(
        "~take|took|taken|~flick|flicked|~click the|its|my safety off|catch",
        "my service|duty weapon|pistol|gun|revolver out _? on|by",
        "my|dads|the service|duty? weapon|pistol|gun|revolver|rifle|shotgun ~be|is|s out _? on|by",
    ), vetoes=(anywhere("range", "hunting", "hunt", "cleaning", "clean it", "training", "lesson", "lock box", "locked",
                        "gate", "stairgate", "mower", "lawnmower", "chainsaw", "pram", "buggy", "car seat", "lighter",
                        *_HOBBY), about_a_character)),
    # a rope tied ("tonight i tie the rope on the mango tree")
    Rule("rope_tied", SELF_HARM, patterns=(
        "~tie|tied|tying|~hang|hung the|a rope on|to|around|round|from the|a _? tree|beam|banister|rafter|hook|branch",
    ), vetoes=(anywhere("swing", "tyre", "tire", "hammock", "washing", "clothes", "dog", "boat", "tent", "camping", "kids",
                        "tree house", "treehouse", "climbing", "pinata", "bird feeder", "lights", "fence", "storm", "trailer",
                        "tarp", "stump", "tow", "horse", *_HOBBY), someone_else)),
    # a gun beside them, the thought not stopping ("rifle ... on the bed next to me. cant stop thinking about doing it")
    Rule("gun_out_thinking_of_it", SELF_HARM, patterns=(
        "ca|can|could nt|not|n't stop thinking about doing|ending it|that",
    ), vetoes=(requires("rifle", "gun", "shotgun", "pistol", "revolver", "pills", "rope", "bridge", "on the bed",
                        "next to me"),
               anywhere("hunting", "hunt", "range", "cleaning", "season", "deer season", "burglar", "intruder", "revenge",
                        "telling his", "telling her", "school gate", "leaving him",
                        *_HOBBY))),
    # charcoal and a taped window ("got the charcoal bbq in the bathroom and taped up the window")
    Rule("charcoal_indoors", SELF_HARM, patterns=(
        "charcoal|bbq|barbecue|grill|disposable in the bathroom|bedroom|car|tent|room",
        "~tape|taped|taping up? the window|windows|vents|gaps|door",
    ), vetoes=(requires("charcoal", "bbq", "barbecue", "grill", "exhaust", "hose", "gas"),
               anywhere("paint", "painting", "decorating", "storm", "hurricane", "draught", "draft", "cold", "broken",
                        "crack", "cleaning", "stored", "storage", *_HOBBY))),
    # a crash hoped for ("drove at 120 on the motorway on purpose hoping id crash")
    Rule("hoping_to_crash", SELF_HARM, patterns=(
        "hoping|hoped|wanting|wanted|wished i 'd|d|would crash",
        "hoping|hoped|wanting|wanted|wished id crash",
        "~drive|drove|driving into|at _? _? on purpose",
    ), vetoes=(requires("crash", "hit a", "off the road", "wall", "tree", "lorry", "truck", "barrier", "bridge", "pillar",
                        "oncoming", "river", "lamppost"),
               followed_by("at my", "at his", "at her", "at a", "at mums", "at our", "on the sofa", "on the couch", "out"),
               anywhere("game", "mario", "kart", "simulator", "server", "computer", "laptop", "app", "go kart", "bumper",
                        "hit the gym", "hit the shops", "hit the road", "hit the hay", "hit the sack", *_HOBBY))),
    # no coaching needed after a date ("wont need the coaching after the 14th")
    Rule("no_need_after_the_date", SELF_HARM, patterns=(
        "wo|will nt|n't|not need _? coaching|app|bot|reminders|this|these|you after|anymore|much",
        "wo|will nt|n't|not be needing _? coaching|app|bot|reminders|this|these|you after|anymore|much",
    ), vetoes=(requires("my will", "the will", "letters", "goodbye", "gone", "after the", "finish the"),
               anywhere("better", "fixed", "great", "doing well", "divorce", "split", "therapy", "counsellor", "therapist",
                        "counselling",
                        "back", "holiday", "trip", "returns", "moving", "cancel", "subscription", *_HOBBY))),
    # a partner who locked them in and took the key ("the front door is deadlocked and he took the key")
    Rule("locked_in_key_taken", ABUSE, patterns=(
        "he|she|they ~take|took|taken|~hide|hid|~have|has the|my key|keys",
        "ca|can nt|not|n't get out of the flat|house|apartment|room|bedroom|bathroom|home",
        "my phone and|& passport",
    ), vetoes=(requires("locked", "deadlocked", "deadlock", "ca nt get out", "can not get out", "passport", "trapped",
                        "wo nt let me"),
               anywhere("car keys", "drunk", "drink driving", "lease", "contract", "mortgage", "rent", "agreement", "rut",
                        "bed", "my head", "holiday", "airport", "renew", "visa", "application", "embassy",
                        "locked myself out", *_HOBBY), about_a_character)),
    # hiding, found again ("in a motel with the kids under a made up name. he found us at the last one")
    Rule("found_us_again", ABUSE, patterns=(
        "under a made up name",
        "under a fake|false|different|new name",
        "he|she|they ~find|found|tracked us again",
        "he|she|they ~find|found|tracked us at the last",
    ), vetoes=(requires("motel", "hotel", "shelter", "refuge", "hiding", "found us", "tracking", "the kids"),
               anywhere("surprise", "instagram", "account", "username", "pen name", "dating app", "booking", "hide and seek",
                        *_HOBBY), followed_by("minute", "moment", "second"))),
    # a weapon at the house ("hes outside the house right now with a crowbar")
    Rule("outside_with_a_weapon", ABUSE, patterns=_AT_THE_DOOR_ARMED, vetoes=(
        anywhere(*_NOT_THE_PARTNER), _armed_for_work, about_a_character)),
    # the same, someone else: an ex's new partner, a stranger ("her ex is outside our house with a bat")
    Rule("someone_at_the_door_armed", EMERGENCY, patterns=_AT_THE_DOOR_ARMED, vetoes=(
        requires(*_NOT_THE_PARTNER), _armed_for_work, about_a_character)),
    # bones broken as a warning ("he broke two of my fingers and said it was a warning")
    Rule("broke_my_bones", ABUSE, patterns=(
        "he|she|they ~break|broke|broken|snapped two|three|2|3? of? my finger|fingers|arm|wrist|nose|ribs|rib|jaw|hand",
        "said|says it was|s|'s a warning",
    ), vetoes=(requires("broke", "broken", "snapped", "hit", "hurt", "belt", "fingers", "wages"),
               anywhere("football", "rugby", "skiing", "accident", "fell", "fall", "door", "slammed it on", "game",
                        "doctor", "gp", "physio", "nurse", "dentist", "warning sign", "broke my heart",
                        *_HOBBY), about_a_character)),
    # the baby threatened ("he said next time ... he will drown the baby in the bath")
    Rule("threat_to_the_baby", ABUSE, patterns=(
        "he|she|they _? will|ll|'ll|would|d|'d drown|hurt|kill|smother|suffocate|strangle|burn|shake the|our|my baby|kids|child|children|son|daughter",
        "~threaten|threatened|threatening to drown|hurt|kill|smother|suffocate|strangle|burn|shake the|our|my baby|kids|child|children|son|daughter",
    ), vetoes=(followed_by("with kindness", "with sugar", "with sweets", "with love", "with cuteness", "with hugs",
                           "feelings", "s feelings", "by leaving", "by telling", "by moving", "if he left", "if she left",
                           "if he leaves", "if she leaves", "if we split"),
               anywhere("lol", "haha", "joke", "joking", "tidy", "homework", "mess", "muddy", *_HOBBY), about_a_character)),
    # the belt fetched, afraid to walk in ("if im 5 min late ... he gets the belt. tonight im late and im scared to walk in")
    Rule("belt_and_afraid_to_go_in", ABUSE, patterns=(
        "he|she|they ~get|gets|got|~take|takes|took the|his|her belt|strap|buckle",
        "scared|afraid|terrified|frightened to walk|go in|inside|home",
        "scared|afraid|terrified|frightened to walk|go through the door",
    ), vetoes=(requires("belt", "strap", "late", "he ll", "she ll", "hits", "angry", "he s home", "beat"),
               anywhere("exam", "interview", "party", "meeting", "class", "office", "gym", "trousers", "jeans", "dentist",
                        *A_PARENT_CROSS, "late for work", "late to work", "into work", "boss", "manager", "teacher", *_HOBBY),
               about_a_character)),
    # a reminder to flee ("shelter number is in my work bag. he gets home at 6 so i have to be gone by 5")
    Rule("gone_before_he_gets_home", ABUSE, patterns=(
        "~have|need|got to be gone|out _? _? before|by",
        "shelter|refuge number|address|hotline",
    ), vetoes=(requires("he gets home", "she gets home", "before he", "before she", "shelter", "refuge"),
               lambda span: span[0].lower_ not in ("shelter", "refuge") and not _FLEEING(span),
               anywhere("dog shelter", "animal shelter", "bus shelter", "volunteer", "volunteering", "donate", "surprise",
                        "party", "cake", "viewing", "view the", "estate agent", "landlord", "his night", "her night",
                        "his weekend", "her weekend", "handover", *_HOBBY))),
    # someone fitting ("my mother in law is fitting on the floor, shaking all over")
    Rule("fitting_on_the_floor", EMERGENCY, patterns=(
        "~be|is|s|'s fitting|seizing|convulsing",
    ), vetoes=(requires("floor", "shaking", "minutes", "ambulance", "not responding", "seizure", "convulsing", "seizing"),
               anywhere("fitting room", "kitchen fitting", "dress", "suit", "fitting the", "fitting a", "tantrum",
                        "about the", "engine", "mechanic", "gearbox", "my back", *_HOBBY),
               followed_by("up"))),
    # still inside a fire ("house is on fire ... my grandad is still upstairs", "the twins are still in there")
    Rule("still_inside_the_fire", EMERGENCY, patterns=(
        "~be|is|s|are|'s|'re still upstairs|inside",
        "~be|is|s|are|'s|'re still in there|here",
        "~be|is|s|are|'s|'re still in the house|room|flat|building|bedroom|kitchen",
        "fire alarm ~be|s|'s|just? ~go|went|going off",
    ), vetoes=(requires("fire", "smoke", "smoking", "flames", "burning", "sparking"),
               anywhere("bonfire", "fire drill", "drill", "toast", "burnt toast", "candle", "cooking", "test", "false alarm",
                        "years ago", "as a kid", "when i was", "smoking in", "smoking a", "cigarette", "vape", "face burning",
                        "burning with", "ears burning", "burning up", "battery is dying",
                        "low battery", "beeping", "chirping", "steam", *_HOBBY))),
    # no feeling after a fall ("she says she cant feel her legs")
    Rule("cant_feel_legs", EMERGENCY, patterns=(
        "ca|can|could nt|not|n't feel her|his|my|their legs|arms|feet|body",
    ), vetoes=(requires("fell", "slipped", "fall", "crash", "down the", "hit", "slope", "stairs", "ladder", "roof"),
               anywhere("after the run", "gym", "leg day", "squats", "workout", "lol", "haha", "pins and needles",
                        "asleep", "cold", "marathon", "fell out from under", "whole world", "fell for", *_HOBBY))),
    # a small child at a window ledge ("my 2 yr old climbed out the window onto the ledge, 3rd floor")
    Rule("child_on_the_ledge", EMERGENCY, patterns=(
        "out|onto|on the|a window|ledge|windowsill|sill|balcony|roof",
    ), vetoes=(requires(*_CHILD), requires("floor", "floors", "fall", "scared", "high", "storey", "storeys", "story", "edge"),
               requires("climbed", "climbing", "out the window", "onto the ledge", "on the ledge", "on the roof", "window ledge"),
               anywhere("cat", "dog", "toy", "ball", "kite", "plant", "plants", "photo", "years ago", "lol", "haha",
                        "ground floor", "bungalow", "sneak", "sneaking", "snuck", *_HOBBY))),
    # a head hit, confusion or blood ("fell in the bath and hit her head on the tap. Shes not making any sense")
    Rule("head_hit_not_making_sense", EMERGENCY, patterns=(
        "~be|is|s|'s not|nt|n't making any? sense",
        "~hit|hit|~bang|banged|~smack|smacked her|his|my|their head _? _? _? _? _? _? blood|bleeding",
    ), vetoes=(requires("hit her head", "hit his head", "banged her head", "banged his head", "fell", "fall", "blood",
                        "stroke", "slurring"),
               anywhere("argument", "excuse", "story", "texts", "messages", "lie", "lies", "explanation", "fell behind",
                        "fell for", "homework", "budget", "bills", *_HOBBY))),
    # caught in a machine ("got his arm caught in the baler")
    Rule("caught_in_a_machine", EMERGENCY, patterns=(
        "~get|got|~be|is|s|'s|~have|has his|her|my|their arm|hand|leg|foot|fingers|sleeve caught|stuck|trapped in the|a baler|machine|auger|tractor|conveyor|grinder|mincer|press|combine",
        "his|her|my|their arm|hand|leg|foot|fingers|sleeve ~be|is|s|'s|got caught|stuck|trapped in the|a baler|machine|auger|tractor|conveyor|grinder|mincer|press|combine",
    ), vetoes=(anywhere("years ago", "last year", "healed", "scar", "coffee", "vending", "arcade", "claw", "cash machine",
                        *_HOBBY),)),
)
