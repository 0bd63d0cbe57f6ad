"""The safety net's words: the word lists its patterns name (``$NAME``) and its vetoes' word sets.

Data only; the crisis rules are in ``coach.safety.rules``, the vetoes in ``coach.safety.vetoes``.
"""

from __future__ import annotations

from coach.nlp.pipeline import PARTNER_TERMS

PARTNER_WORDS = [term for term in PARTNER_TERMS if " " not in term] + ["ex"]

WORD_LISTS: dict[str, list[str]] = {
    # people who may threaten or hurt the user
    "PARTNER": PARTNER_WORDS,
    "THREAT_SUBJECT": ["he", "she", "they", *PARTNER_WORDS],
    "SUBJECT": [
        "he", "she", "they", *PARTNER_WORDS,
        "dad", "father", "stepdad", "mom", "mum", "mother", "stepmom", "stepmum",
    ],
    # words that may sit between a subject and its verb ("he has always hit me")
    "AUX": [
        "'s", "s", "'d", "d", "'ll", "ll", "'m", "m", "am", "'re", "re", "'ve", "ve", "has", "have", "had", "is", "was", "were", "are",
        "be", "been", "just", "also", "again", "always", "even", "still", "sometimes", "often",
        "usually", "literally", "actually", "once", "then", "finally", "ever", "never", "not",
        "n't", "nt", "keeps", "keep", "kept", "started", "starts", "start", "began", "begins",
        "to", "will", "would", "wo", "ca", "can", "could", "did", "does", "do", "gets", "got",
        "get", "getting", "really", "already", "constantly", "repeatedly", "na", "and",
        "drunk", "angry", "mad", "high", "so", "suddenly",
    ],
    # words that turn "he ... me" into a threat or an attempt ("he'll", "tried to")
    "MODAL": [
        "will", "'ll", "ll", "would", "'d", "d", "going", "gon", "gonna", "wants", "want",
        "wanted", "tried", "tries", "try", "trying", "attempted", "almost", "nearly", "swore",
        "swears", "said", "says", "promised", "threatens", "threatened", "threatening", "could",
        "might", "may",
    ],
    "VIOLENT": [
        "hit", "punch", "slap", "kick", "choke", "strangle", "shove", "push", "smack", "bite",
        "headbutt", "headbutted", "throttle", "attack", "assault", "burn", "stab", "shoot",
        "smother", "suffocate", "whip", "beat", "batter", "bash", "thump", "elbow", "scratch",
        "strike", "molest", "grope", "rape", "cut", "shake",
    ],
    "THREAT_VERB": [
        "kill", "murder", "hurt", "harm", "strangle", "choke", "shoot", "stab", "hit", "beat",
        "rape", "burn", "drown", "smother",
    ],
    "CHILD": ["kid", "child", "baby", "son", "daughter", "kiddo", "kiddos", "children"],
    "PEOPLE": [
        "friend", "family", "mom", "mum", "mother", "dad", "father", "parent", "sister",
        "brother", "anyone", "anybody", "people", "relative", "colleague", "coworker",
        "grandma", "grandmother", "granny",
    ],
    "FEAR": ["afraid", "scared", "scare", "terrified", "terrify", "frightened", "frighten",
             "petrified"],
    "NEG": ["n't", "not", "nt", "never", "longer"],
    "MYSELF": ["myself", "meself", "myslef", "mysefl", "mysef", "myselfe", "mself", "maself",
               "myelf", "mysf"],
    "SELF_HARM_VERB": [
        "kill", "kil", "kiil", "kll", "murder", "hurt", "harm", "cut", "hang", "shoot", "stab",
        "burn", "drown", "poison", "starve", "hit", "strangle", "suffocate", "off", "punch",
        "slap", "choke", "unalive", "end",
    ],
    "PILLS": [
        "pill", "tablet", "meds", "medication", "medicine", "painkiller", "paracetamol",
        "tylenol", "advil", "ibuprofen", "aspirin", "xanax", "oxy", "benzo", "sleeping",
    ],
    "QUANTITY": ["bunch", "handful", "bottle", "box", "pack", "packet", "lot", "load", "ton",
                 "strip", "stash"],
    "BODY_PART": ["wrist", "arm", "thigh", "leg", "skin", "stomach", "wrists", "arms"],
    "DEATH_PLACE": [
        "bridge", "roof", "building", "balcony", "cliff", "tower", "window", "overpass",
        "ledge", "rooftop", "highway", "motorway", "tracks",
    ],
    "VEHICLE": ["train", "bus", "car", "truck", "lorry", "tram", "subway", "traffic"],
    "DIE": ["die", "dying", "died", "dies", "dead"],
    # anyone other than the person writing (someone else's emergency)
    "OTHER": [
        "he", "she", "they", *PARTNER_WORDS, "dad", "father", "mom", "mum", "mother", "son",
        "daughter", "kid", "child", "baby", "toddler", "brother", "sister", "friend", "flatmate",
        "roommate", "neighbour", "neighbor", "someone", "somebody", "grandma", "grandpa", "nan",
        "grandad", "granddad", "granny", "nana", "grandmother", "grandfather", "uncle", "aunt", "auntie",
    ],
    "HAZARD": [
        "bleach", "pill", "pills", "tablet", "tablets", "battery", "batteries", "poison",
        "medicine", "meds", "detergent", "capsule", "capsules", "chemicals", "cleaner", "pod", "pods",
    ],
    "STRANGER": ["someone", "somebody", "stranger", "man", "guy", "person", "men", "guys", "car", "van"],
    # "he'll" and "she'll" typed without the apostrophe: one token, subject and "will" at once
    "WILL_SUBJECT": ["hell", "shell"],
    # the deadlines in "i won't be here by the weekend"
    "TIME": [
        "tonight", "tomorrow", "then", "morning", "weekend", "week", "month", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "xmas", "birthday",
        "new", "end", "summer", "spring", "autumn", "winter", "midnight", "payday",
    ],
    "INJURED_PART": [
        "rib", "ribs", "nose", "arm", "jaw", "wrist", "finger", "tooth", "teeth", "leg",
        "collarbone", "cheekbone", "lip", "skull", "eye", "socket", "hand", "ankle", "shoulder",
    ],
}

NEGATORS = frozenset({"not", "n't", "nt", "never", "no"})
NEGATION_OVERRIDES = ("anymore", "any more", "again", "this time", "until", "before", "yet", "since")
FIGURATIVE_WITH_OBJECTS = frozenset({
    "attention", "love", "affection", "kindness", "gifts", "flowers", "texts", "messages",
    "questions", "compliments", "apologies", "news", "guilt", "bill", "bills", "fine",
    "lawsuit", "papers", "silence", "truth", "reality", "fact", "facts", "words", "sarcasm",
    "realization", "realisation", "memories", "flashbacks", "feelings", "emotions", "sadness",
    "grief", "anxiety", "doubt", "doubts", "wave",
})
# Words that may directly follow "I can't go on" / "started cutting" for it to still be about
# the person themselves rather than "go on holiday" / "cutting ties".
CONTINUATION_BOUNDARY = frozenset({
    "anymore", "any", "living", "much", "no", "without", "and", "but", "so", "lol", "tbh",
    "i", "honestly", "alone", "either", "again", "myself", "lately", "since", "when",
    "because", "tonight", "today", "last", "every", "everyday", "after", "more", "badly",
    "anyway", "now", "right",
})
FEAR_BOUNDARY = frozenset({
    "and", "when", "but", "because", "so", "sometimes", "now", "lately", "too", "tonight",
    "today", "right", "at", "all", "since", "after", "if", "every", "most", "more", "or",
    "honestly", "tbh", "already", "again", "though", "anymore",
})
# Things you can "live" or "go on" that are not life itself ("live with him", "go on about").
LIVING_ARRANGEMENTS = (
    "with", "in", "here", "there", "together", "like", "near", "under", "a", "at", "apart",
    "separately", "alone", "this", "that", "for", "about", "to", "on",
)
# "she'll kill me when she sees the bill": the idiom's verbs, the everyday slips that make it
# a figure of speech, and the triggers that keep it a threat ("if i leave", "if i tell anyone").
IDIOM_THREAT_VERBS = frozenset({"kill", "murder"})
MUNDANE_SLIPS = frozenset({
    "forget", "forgot", "forgotten", "late", "spend", "spent", "bill", "bills", "mess", "state",
    "dinner", "anniversary", "birthday", "book", "booked", "burn", "burnt", "lose", "lost",
    "miss", "missed", "scratch", "dent", "dented", "eat", "ate", "parking", "ticket", "receipt",
    "shopping", "dishes", "washing", "laundry", "cake", "wine", "chocolate", "vase",
    "price", "cost", "oversleep", "overslept", "bin", "bins", "present", "gift", "reservation",
    "haircut", "tattoo", "carpet", "sofa", "couch", "plant", "plants", "garden", "milk",
    "hoover", "fridge", "football", "golf", "quiz", "paint", "bought", "buy", "order",
    "ordered", "delivery", "amazon", "credit", "overdraft",
})
DANGER_TRIGGERS = frozenset({
    "tell", "told", "talk", "talking", "speak", "report", "police", "cops", "anyone", "anybody",
    "divorce", "lawyer", "court", "refuge", "shelter", "friend", "friends", "family", "text",
    "texting", "where", "hide", "hiding", "run", "escape", "hit", "beat", "hurt", "punch",
    "slap", "choke", "strangle", "kick", "bruise", "knife", "gun", "weapon", "broke", "break",
    "last", "mean", "means", "meant", "serious", "seriously", "joking",
})
LEAVING_OBJECTS = frozenset({"him", "her", "them", "me", "home", "for", "again"})
# Things thrown in play ("she threw a cushion at me laughing"), never a danger in themselves.
SOFT_THINGS = frozenset({
    "cushion", "pillow", "sock", "towel", "teddy", "napkin", "popcorn", "grape", "snowball",
    "balloon", "confetti", "tissue", "marshmallow", "sweet", "crisp", "jumper", "blanket",
    "duvet", "beanbag", "paper", "leaf", "leaves", "petal", "feather", "glove", "slipper",
    "peanut", "soft", "stuffed", "plushie", "toy", "hoodie", "sweater", "scarf", "hat", "shirt", "tshirt",
})
# Words that say "not here by then" means travel or work, not death. Only unambiguous ones:
# "tell my mum", "my parents will find it" or "my work" must never veto a goodbye.
AWAY_WORDS = frozenset({
    "holiday", "holidays", "trip", "shift", "shifts", "flight", "plane", "abroad", "travelling",
    "traveling", "conference", "moving", "hotel", "airport", "camping", "festival", "cruise",
    "wedding", "working", "gym", "business", "visiting", "staying", "spain", "france", "sun",
    "sunny", "beach", "weather", "degrees", "boat", "ferry",
})
# Words that may follow "he'll find me" / "he's coming for me" for it to stay a threat
# ("...wherever i go", "...and drag me back"), not "he'll find me a lawyer" / "...at 8".
FIND_BOUNDARY = frozenset({
    "and", "wherever", "anywhere", "whatever", "no", "eventually", "soon", "tonight", "i",
    "he", "she", "now", "down", "again", "here", "there",
    "too", "somehow", "cos", "because", "one", "someday", "sooner", "lol",
})
# Words near a pill count that make it a prescription being sorted, not an overdose.
PRESCRIPTION_WORDS = frozenset({
    "organiser", "organizer", "dosette", "pharmacist", "pharmacy", "gp", "doctor", "prescribed",
    "prescription", "dose", "dosage", "headache", "migraine", "period", "hayfever", "allergy",
    "flu", "sort", "sorting", "expired", "chemist", "food",
})
# Words near "tying up loose ends before i go" that make it a job or a trip.
# a move of house, not the bare word: "move" also sits in "i can't move on" (stop 22)
MOVING_HOUSE = ("move house", "moves house", "moving house", "moved house", "move out", "moves out", "moving out",
                "moved out", "move in", "moving in")
WORK_WORDS = ("work", "office", "job", "project", "maternity", "paternity", "holiday", "handover", "notice")
# Words in a message about many calls that make it someone hunting the writer, not an upset partner.
FLIGHT_WORDS = ("find", "finds", "scared", "hiding", "hide", "left him", "left her", "left home",
                "escaped", "fled", "afraid", "terrified", "coming", "outside", "threatening", "threat",
                "kill", "hurt", "refuge", "police")
# Phrases that say a goodbye to the coach is good news ("we're back together").
GOOD_NEWS = ("back together", "worked it out", "worked things out", "sorted things out", "in a good place",
             "doing well", "doing great", "doing better", "fixed things", "reconciled", "forgave me",
             "forgiven me")
# People whose "she's going to kill me" is an idiom, not a partner's threat ("my mum will murder me").
NOT_A_PARTNER = (
    "mum", "mom", "mam", "mother", "dad", "father", "boss", "teacher", "nan", "gran", "grandma",
    "sister", "brother", "mate", "bestie", "friend", "coach", "manager", "therapist",
)
# What makes a threat by such a person the idiom: being found out, a joke.
FOUND_OUT = ("finds out", "find out", "found out", "sees", "see", "hears", "knows", "lol", "haha", "lmao", "😂")
# Stories, screens and reading: a self-harm word about a character, not the writer.
FICTION = ("character", "characters", "book", "novel", "film", "movie", "show", "series", "episode",
           "documentary", "podcast", "article", "storyline", "plot", "season")
# Paperwork that explains someone else holding a passport ("took my passport to renew it").
PAPERWORK = ("renew", "renewal", "renewing", "safekeeping", "safe keeping", "post office", "photocopy",
             "photocopied", "visa office")
# a goodbye letter to a marriage, not to a life (a counsellor's exercise)
FAREWELL_TO_US = ("to the marriage", "to my marriage", "to our marriage", "to the relationship", "to our relationship",
                  "to the old us", "to the old", "to us", "therapy homework", "counsellor suggested", "therapist suggested",
                  "counselor suggested", "not to send", "never send",
                  # stop 19: a goodbye letter to the partner that ends the relationship
                  "leaving him", "leaving her", "leaving my husband", "leaving my wife", "leaving the marriage")
# "overdosed on coffee": too much of something harmless, not a drug
TREATS = ("coffee", "caffeine", "espresso", "sugar", "chocolate", "cake", "carbs", "netflix", "tv", "love",
          "drama", "sunshine", "energy", "red", "vitamin", "vitamins", "cheese", "memes", "reality", "podcasts")
# a scare told as over and managed ("he collapsed last spring ... its well managed now"): stop 31
WELL_SINCE = ("well managed", "managed now", "fine now", "ok now", "okay now", "better now", "all fine now",
              "fully recovered", "false alarm", "all clear", "all managed", "well controlled")
# stop 31, older rules' false alarms found by the helpers' reviews: a gun in a video game, a thermometer
# "gun" or a tattoo blade (weapon); "done with life admin" (dont_want_to_live); a dream had
# (lethal_plan, partner_with_a_weapon); a parent who will be cross (fear_for_safety)
# Each list is narrow on purpose: a console or a tattoo named beside a real threat must not release it.
ARMED_IN_PLAY = ("call of duty", "fortnite", "video game", "in the game", "paintball", "airsoft", "nerf", "water gun",
                 "thermometer", "glue gun", "nail gun", "heat gun")
LIFE_AS_A_THING = ("admin", "insurance", "drawing", "coach", "coaching", "lessons", "hacks", "advice")
A_DREAM_HAD = ("had a dream", "had a nightmare", "bad dream", "in my dream", "in the dream", "in my nightmare")
# a wish or a plan beside the dream keeps it caught ("had a dream i drove off the bridge, i wish it was real")
DREAM_WISHED = ("wish", "want to", "wanted to", "real", "tonight", "going to", "gon na", "plan", "planning")
A_PARENT_CROSS = tuple(f"my {who} will be {mood}" for who in ("mum", "mom", "parents")
                       for mood in ("angry", "mad", "cross", "upset", "furious", "annoyed"))
# a joke, a laugh or a screen: the everyday setting that releases a danger word
PLAY = ("lol", "lmao", "haha", "hahaha", "jk", "joking", "kidding", "😂", "🤣", "💀", "film", "movie")
