"""Crisis rules for a means at hand, a night chosen, or danger at the door, told in passing.

Seen set 19's misses (stop 30), and one of seen set 17's, as families in our own words. People say a gun is under their
chin or held to their head; that they are not coming back from a drive with a revolver or a boat
trip without the life jacket; that tonight is the night, with thanks for the help; that someone
knows where the passwords are "just in case" but not what case; that they sit on a balcony rail or
near the roof's edge; that they are "done living"; that a goodbye is scheduled to post; that they
read up on ways and picked one; that the only thing stopping them jumping is gone; that they have
saved enough of a drug and only need to pick the night; that a poison is "not for the rats"; that
the pills are working and the room spins; that they will take the handbrake off by the water or
drive off an overpass. A partner bangs on the door of the room they hide in, threatens acid,
stands in the garden looking in, reminds them where the gun is, pinned them down, sat on their
chest, dragged them by the hair, took the child and won't say where, locked them in with the
children, comes in with a knife when drinking; "he did it again tonight" beside bruises; a
"beating" they are leaving after. Someone else is bleeding and not answering, went off a boat
and can't be seen, hit their head and keeps asking the same thing, or grabbed their chest and
went grey. Same notation and engine as ``coach.safety.rules``, run by ``coach.safety.detector``;
each pattern narrow, with vetoes for the everyday readings (an ice pack held to the head, a
holiday nobody comes back from, a proposal tonight, a roofer at work, living with parents, a
retirement goodbye, bungee jumping, savings for a deposit, weedkiller for the lawn, painkillers
working on a bad back, a kids' pillow fight, a sports team's beating, a partner not answering
texts).
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, requires
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import STORY_WORDS, about_a_character, someone_else
from coach.safety.words import PLAY

_GUN = ("gun", "guns", "rifle", "pistol", "revolver", "shotgun", "handgun", "firearm", "glock")
_GUNS = "|".join(_GUN)
_WATER = ("canal", "river", "lake", "water", "harbour", "harbor", "quay", "sea", "pier", "dock", "reservoir", "cliff",
          "edge")
_SPORT = ("team", "match", "game", "football", "rugby", "cricket", "hockey", "final", "cup", "league", "chess", "score",
          "scoreline", "odds", "poker", "cards", "exam", "polls", "election", "stocks", "market")

AT_HAND_SIGN_RULES: tuple[Rule, ...] = (
    # a gun under the chin or at the head ("keep putting the rifle under my chin")
    Rule("gun_to_my_head", SELF_HARM, patterns=(
        "~put|putting|~keep|~hold|holding|~press|pressing it|gun|rifle|pistol|revolver|shotgun|barrel under|to|against my chin|temple|head",
        "~put|putting|~hold|holding|~press|pressing the|my|his|dads|dad|s? old? gun|rifle|pistol|revolver|shotgun|barrel under|to|against my chin|temple|head",
    ), vetoes=(requires(*_GUN, "barrel"), anywhere("ice", "range", "cleaning", "toy", "water gun", "nerf", "glue gun", "nail gun",
                                         "heat gun", "thermometer", *PLAY, *STORY_WORDS), about_a_character)),
    # not coming back, with the means named ("with dads revolver and im not coming back")
    Rule("not_coming_back_with_means", SELF_HARM, patterns=(
        "i m|am|'m|will not|never coming|come back|home",
        "i m|am|'m|will not|never coming|come back in|out",
        "i wo|ai nt|n't come|coming back",
    ), vetoes=(requires(*_GUN, "lifejacket", "life jacket", "life vest", "pills", "rope", "tablets", "bridge", "cliff"),
               followed_by("to", "until", "till", "til", "unless", "here", "there"),
               anywhere("holiday", "vacation", "trip", "job", "office", "to work", "to this app", "to him", "to her",
                        "to you", "to the house", *PLAY, *STORY_WORDS))),
    Rule("dont_want_to_come_back", SELF_HARM, patterns=(
        "do|did nt|n't|not want to come back from this|it|there",
    ), vetoes=(anywhere("holiday", "vacation", "trip", "beach", "island", "retreat", "festival", "abroad", "work",
                        "office", "job", "city", *PLAY, *STORY_WORDS),)),
    # tonight is the night, with a goodbye ("tonights the night. thanks for trying with me")
    Rule("tonight_is_the_night", SELF_HARM, patterns=(
        "tonights|tonight the night",
        "tonight ~be|s|'s the night",
    ), vetoes=(requires("thanks for", "thank you for", "thank u for", "goodbye", "bye", "for everything",
                        "trying with me", "sorry for", "forgive me", "love you all", "take care"),
               anywhere("tell", "talk", "ask", "propose", "proposal", "date", "dinner", "party", "confess", "show",
                        "game", "match", "concert", "gig", "premiere", "movie", "film", "sign", "papers", "meet", "meets",
                        "parents", "wish me luck", *PLAY, *STORY_WORDS))),
    # someone told where things are "just in case", not what case ("she doesnt know what case. i do")
    Rule("knows_what_case", SELF_HARM, patterns=(
        "does|do|did nt|n't|not know what case",
        "no idea what case",
    ), vetoes=(requires("just in case", "in case"), anywhere("court", "lawyer", "phone case", "cases", "suitcase", *PLAY))),
    # on a balcony rail or near a roof's edge ("sitting on the balcony rail now 14th floor")
    Rule("on_the_rail", SELF_HARM, patterns=(
        "~sit|sitting|sat|~stand|standing|stood|up on the|my|a balcony|bridge rail|railing|railings|ledge|barrier|parapet",
        "on|up the|my|our roof _? _? _? near|at|on|by the edge",
        "on the|my roof near|at|on|by the edge",
    ), vetoes=(anywhere("smoke", "smoking", "cigarette", "vape", "view", "sunset", "sunrise", "photo", "selfie", "painting",
                        "fixing", "gutter", "gutters", "roofer", "builder", "scaffold", "drinks", "party", "bbq", "coffee",
                        "pigeons", "aerial", "satellite", "harness", "ladder", "phone signal", "waiting for", "bus",
                        *PLAY, *STORY_WORDS),
               about_a_character)),
    # done living ("ive decided im done living")
    Rule("done_living", SELF_HARM, patterns=(
        "i m|am|'m done|finished living|existing",
        "i m|am|'m done with living|existing|life",
    ), vetoes=(followed_by("with", "in", "at", "like", "out", "here", "there", "together", "under", "as", "for", "on",
                           "admin", "insurance", "the", "a", "my", "his", "her"),
               anywhere(*PLAY, *STORY_WORDS))),
    # a goodbye written and scheduled ("wrote my goodbye in my notes app, scheduled to post")
    Rule("goodbye_scheduled", SELF_HARM, patterns=(
        "~write|~type|~finish|~record|~leave my goodbye|goodbyes",
        "~set up my goodbye|goodbyes",
        "my goodbye ~be|s|'s|is scheduled|queued|set|timed",
    ), vetoes=(requires("scheduled", "schedule", "queued", "timed", "midnight", "when i m gone", "after i m gone",
                        "when i 'm gone", "post", "tonight", "notes app", "in the morning"),
               anywhere("speech", "card", "leaving do", "retirement", "team", "colleagues", "class", "students", "farewell party",
                        "her goodbye", "his goodbye", "to the other", "to her", "to him", "affair partner", "account",
                        "facebook", "couple", *PLAY))),
    # read up on ways and picked one ("been reading up on ways all night and ive picked one")
    Rule("picked_a_way", SELF_HARM, patterns=(
        "~read|reading|~look|looking up? on|at|into ways|methods",
    ), vetoes=(followed_by("to", "of", "that", "we", "you", "couples", "people", "for us", "for couples", "for me to",
                           "for him", "for her", "in", "how", "other", "others"),
               requires("picked", "chosen", "chose", "decided", "pick one", "choose one", "settled on"),
               anywhere("emdr", "therapy", "therapist", "counselling", "counseling", "technique", "approach", "course",
                        "app", *PLAY, *STORY_WORDS))),
    # the only thing stopping them jumping is gone ("the only thing stopping me jumping was the dog")
    Rule("only_thing_stopping_me", SELF_HARM, patterns=(
        "only thing|one|reason stopping|keeping|holding me from? jumping|~jump|going",
        "only thing|one|reason stopping|keeping|holding me from? doing|ending|~do|~end it",
        "only thing|one|reason that? ~stop|~keep me from? jumping|~jump",
        "only thing|one|reason that? ~stop|~keep me from? doing|ending|~do|~end it",
    ), vetoes=(anywhere("bungee", "parachute", "skydive", "sky dive", "plane", "pool", "queue", "quitting", "quit",
                        "leaving him", "leaving her", "job", "ship", "train", "lake in summer", "i mean", "telling", "tell",
                        *PLAY, *STORY_WORDS),)),
    # enough of a drug saved, a night to choose ("i have enough now. i just need to pick the night")
    Rule("enough_saved_up", SELF_HARM, patterns=(
        "i ~have|ve|'ve|got enough now|saved|stashed|stockpiled",
        "~pick|picking|~choose|choosing|~set the night|day|date",
    ), vetoes=(requires("morphine", "pills", "tablets", "insulin", "oxy", "codeine", "tramadol", "sleeping", "fentanyl",
                        "heroin", "pocketing", "stockpiling", "stash"),
               anywhere("money", "cash", "deposit", "savings", "holiday", "annual leave", "rent", "points", "wedding",
                        "party", "date night", "anniversary", "dinner", "movie", "concert", "prescribed", "pharmacy",
                        "to tell", "to talk", "vow", "renewal", "gp", "review", "doctor", *PLAY, *STORY_WORDS))),
    # a poison "not for the rats" ("bought rat poison today and its not for the rats")
    Rule("poison_not_for_pests", SELF_HARM, patterns=(
        "~be|s|'s|its|it nt|n't|not for the|my? rats|mice|weeds|garden|slugs|pests|bugs|lawn|roaches|cockroaches|ants",
        "not for the|my? rats|mice|weeds|slugs|pests|roaches|cockroaches",
    ), vetoes=(requires("poison", "weedkiller", "pesticide", "bleach", "antifreeze", "rat killer", "paraquat"),
               anywhere("pet safe", "dog", "cat", "wasps", "wasp", "nest", *PLAY, *STORY_WORDS))),
    # an overdose starting to work ("the pills are already working i think, the room is spinning")
    Rule("pills_taking_hold", SELF_HARM, patterns=(
        "the|my|all|those? pills|tablets|meds ~be|are|s|'re already? working",
        "the|my|all|those? pills|tablets|meds ~be|are|s|'re already? kicking in",
    ), vetoes=(requires("spinning", "fading", "drifting", "going dark", "going black", "numb", "goodbye", "bye",
                        "sorry", "all of them", "took them all", "whole", "blurry"),
               anywhere("back", "pain", "better", "headache", "migraine", "anxiety", "doctor", "gp", "dose", "sleep better",
                        "antidepressants", "sertraline", "hay fever", "seasick", "seasickness", "travel sickness",
                        "stopped spinning", *PLAY, *STORY_WORDS))),
    # a car let roll into water ("thinking of just taking the handbrake off and letting it roll in")
    Rule("handbrake_off_by_water", SELF_HARM, patterns=(
        "~take|taking the handbrake|brake off",
        "~let|letting it roll|go in|into|off",
        "~let|letting the car|van roll|go in|into|off",
    ), vetoes=(requires(*_WATER), anywhere("hill start", "driving test", "lesson", "tow", "mechanic", "garage", "forgot",
                                          "forgetting",
                                          *PLAY, *STORY_WORDS), someone_else)),
    # driving off a height on purpose ("tonight im driving the rig off the overpass")
    Rule("drive_off_a_height", SELF_HARM, patterns=(
        "~drive|driving _? _? off the|a overpass|bridge|cliff|pier|quay|viaduct|flyover",
        "~drive|driving _? _? into the|a canal|river|lake|sea|harbour|reservoir|quarry",
    ), vetoes=(anywhere("ramp", "exit", "junction", "by accident", "nearly", "almost", "dream", "ferry", "lol", "haha",
                        "satnav", "sat nav", "gps", "roadworks", "traffic", *STORY_WORDS), about_a_character)),
    # a whole strip of pills swallowed ("swallowed a hole strip of my sleeping pills")
    Rule("whole_strip_swallowed", SELF_HARM, patterns=(
        "~swallow|~take|took|~down|~neck a|the whole|hole|entire|full strip|strips|sheet|blister|card",
    ), vetoes=(requires("pills", "tablets", "paracetamol", "meds", "sleeping", "ibuprofen", "tramadol", "codeine",
                        "capsules", "painkillers", "antidepressants", "diazepam", "zopiclone", "swallowed", "downed",
                        "necked"),
               anywhere("vitamins", "prescribed", "doctor said", "antibiotics", "course of", "lol", "haha", "by mistake",
                        "gum", "chewing gum", *STORY_WORDS), someone_else)),
    # cutting as the only relief ("why does it only stop hurting when i cut")
    Rule("cut_to_stop_hurting", SELF_HARM, patterns=(
        "stop|stops hurting when|once|if|after i cut|~cut",
        "better|calm|calmer|numb|quiet|quieter|~ease|easier|bearable|~help when|once|if|after i cut|~cut",
        "only|just when|once|if|after i cut|~cut",
    ), vetoes=(followed_by("back", "out", "down", "off", "him", "her", "them", "contact", "ties", "the", "my hair", "corners",
                           "carbs", "sugar", "loose", "in", "it out", "class", "classes", "work", "school", "a", "some", "up",
                           "through", "across", "myself off", "things", "people", "everyone", "you"),
               anywhere("hair", "onion", "lol", "haha", "diet", "grass", "lawn", "hedge", "wood", *STORY_WORDS))),
    # the whole supply, tonight (seen 17, after stop 30's retrain: "mi a go drink them all tonight")
    Rule("all_of_them_tonight", SELF_HARM, patterns=(
        "~drink|~take|~swallow|~down|~neck them|dem|em|'em all|every tonight|now|rn",
        "~drink|~take|~swallow|~down|~neck all of them|dem|em tonight|now|rn",
    ), vetoes=(requires("tablets", "pills", "meds", "paracetamol", "sleeping", "painkillers", "capsules", "dem"),
               anywhere("vitamins", "prescribed", "antibiotics", "course", "doctor said", "shots", "shot", "beers",
                        "lol", "haha", *STORY_WORDS), someone_else)),
    # a drug bought beyond need, on purpose ("scored tonight. bought way more than i need on purpose")
    Rule("more_than_i_need_on_purpose", SELF_HARM, patterns=(
        "more than i ~need|needed on purpose",
        "way|far|much more than i ~need|needed _? _? on purpose",
    ), vetoes=(requires("scored", "gear", "heroin", "pills", "dose", "fentanyl", "smack", "oxy", "using", "clean",
                        "relapse", "relapsed", "coke", "meth", "tablets", "crack", "dealer", "script", "chemist",
                        "chemists", "pharmacies"),
               anywhere("shopping", "groceries", "clothes", "shoes", "food", "paint", "wool", "yarn", "books", *PLAY))),
    # a partner at the door of the room they hide in ("locked in the bathroom, hes banging on the door")
    Rule("banging_at_my_door", ABUSE, patterns=(
        "~bang|banging|~kick|kicking|~pound|pounding|~hammer|hammering on|at the|my door|window",
        "~kick|kicking|~bang|banging the door|doors",
    ), vetoes=(requires("locked in", "hiding", "hide", "break it down", "screaming my", "scared", "terrified", "kill",
                        "let him in", "let her in", "where i m staying", "hurt me", "break in"),
               anywhere("neighbour", "neighbours", "neighbor", "police banging", "police knocking", "delivery", "postman",
                        "parcel", "kids banging", "kids are banging", "son banging", "daughter banging", "son kicks",
                        "daughter kicks", "kids kick", "tantrum", "ipad", "toddler", "party",
                        "music", "dog", "wind", "storm", "drunk guy", "stranger", *PLAY, *STORY_WORDS))),
    # acid threatened ("threatened to throw acid on my face")
    Rule("acid_threat", ABUSE, patterns=(
        "~throw|throwing|~pour acid on|at|in my? face|me",
        "acid on|in my face",
    ), vetoes=(anywhere("news", "article", "documentary", "hyaluronic", "salicylic", "glycolic", "skincare", "serum",
                        "peel", "lol", "haha", *STORY_WORDS), about_a_character)),
    # watched through the window ("he was in my back garden looking in the window")
    Rule("watching_through_my_window", ABUSE, patterns=(
        "in my|our|the back|front? garden|yard|drive|driveway looking|staring|watching|peering in|through the|my window|windows",
        "~follow|following me for weeks|days|months",
    ), vetoes=(anywhere("fox", "cat", "dog", "deer", "birds", "kids playing", "kids in the garden", "lol", "haha",
                        "instagram", "online",
                        "twitter", "tiktok", "socials", "insta", *STORY_WORDS),)),
    # reminded where the gun is ("reminds me where it is every time we argue")
    Rule("reminds_me_where_the_gun_is", ABUSE, patterns=(
        "~remind|~tell|~show me where the|his|her gun|guns|rifle|shotgun|pistol|knife|axe|machete",
        "~remind me where it ~be|is|s",
    ), vetoes=(requires(*_GUN, "knife", "axe", "machete"),
               anywhere("burglar", "burglars", "intruder", "break in", "hunting", "safe code", "lol", "haha", "roast",
                        "cook", "cooks", "cooking", "carve", "carving", *STORY_WORDS))),
    # pinned, sat on, dragged, shoved ("pinned me to the floor for 2 hours")
    Rule("held_down_by_force", ABUSE, patterns=(
        "~pin me down|to|against the? floor|wall|bed|ground|sofa|couch",
        "~drag me _? _? _? _? by my hair",
        "~pull|~drag me out|across|down _? _? _? by my hair",
        "~sit|sat on my chest|throat|neck till|until|so",
        "~shove|~push|~throw me into|against the|a radiator|wall|door|wardrobe|table|stairs|cupboard|fridge|mirror",
    ), vetoes=(anywhere("wrestling", "wrestle", "jiu jitsu", "bjj", "judo", "karate", "tickle", "tickling", "pillow fight",
                        "play fight", "play fighting", "playfight", "playfighting", "kids pinned", "kids sat", "cat sat",
                        "dog sat", "dog pinned", "dog jumped", "toddler", "lol", "haha", "crowd",
                        "dancing", "mosh", *STORY_WORDS), about_a_character)),
    # a child taken, whereabouts withheld ("took my son from nursery and wont say where they are")
    Rule("child_taken_and_hidden", ABUSE, patterns=(
        "wo|will nt|n't|not ~say|~tell me? where they|he|she|the|my ~be|are|s|is|~take|went|kids|son|daughter|baby",
    ), vetoes=(requires("took my", "taken my", "nursery", "from school", "snatched", "took the kids", "took the baby",
                        "took our"),
               anywhere("surprise", "party", "birthday", "holiday planned", "restaurant", "lol", "haha", *STORY_WORDS))),
    # locked in with the children ("has locked me and the children in the house")
    Rule("locked_in_with_the_kids", ABUSE, patterns=(
        "~lock me and the|my|our kids|children|baby|son|daughter|boys|girls in|inside",
    ), vetoes=(anywhere("accident", "accidentally", "by mistake", "keys inside", "locked out", "lol", "haha", "game",
                        *STORY_WORDS),)),
    # comes in with a knife when drinking ("she comes in with a knife when shes been drinking")
    Rule("comes_at_me_armed", ABUSE, patterns=(
        "he|she|they|$PARTNER ~come|comes|came|~walk in|at|after me? with a|an|the|his|her knife|blade|machete|hammer|bat|axe",
    ), vetoes=(requires("drinking", "drunk", "lock", "locked", "scared", "afraid", "terrified", "hide", "hiding", "threat",
                        "kill", "hurt", "rage", "screaming", "shouting", "every night", "when he s", "when she s"),
               anywhere("cake", "bread", "onion", "onions", "butter", "toast", "cooking", "chef", "dinner", "lol",
                        "haha", *STORY_WORDS), about_a_character)),
    # "he did it again tonight" beside bruises ("the bruises i cant. he did it again tonight")
    Rule("did_it_again_with_bruises", ABUSE, patterns=(
        "he|she|they did|done|~do it again tonight|today|earlier",
        "he|she|they did|done|~do it again last|this night|morning",
    ), vetoes=(requires("bruise", "bruises", "bruised", "black eye", "marks on", "punched", "slapped", "split lip"),
               anywhere("gym", "football", "rugby", "fell", "bumped", "tackle", "ego", "lol", "haha", *STORY_WORDS))),
    # a beating they are leaving after ("after last weeks beating i cant stay")
    Rule("after_the_beating", ABUSE, patterns=(
        "after|since|from last weeks|nights|week|night|'s|s? beating|beatings",
        "after|since|from the|his|her|that beating|beatings",
    ), vetoes=(anywhere(*_SPORT, "heat", "sun", "drum", "carpet", "rug", "heart beating", "egg", "eggs", *PLAY, *STORY_WORDS),
               about_a_character)),
    # someone hurt and not answering ("hes bleeding from his head and not answering me")
    Rule("hurt_and_not_answering", EMERGENCY, patterns=(
        "not|nt|n't answering|responding|waking|moving|talking",
    ), vetoes=(requires("bleeding", "blood", "crash", "crashed", "fell down", "fell off", "fell over", "fell from",
                        "fell and", "had a fall", "hit his head", "hit her head", "collapsed",
                        "on the floor", "overdose", "unconscious"),
               followed_by("my calls", "my call", "my texts", "my whatsapp", "my messages", "his phone", "her phone",
                           "the phone", "the door", "calls", "texts", "messages", "whatsapp", "emails"),
               anywhere("fell asleep", "fell out", "sulking", "ignoring", "lol", "haha", "silent treatment", *STORY_WORDS))),
    # someone off a boat and out of sight ("wave knocked my brother off the boat, i cant see him")
    Rule("gone_overboard", EMERGENCY, patterns=(
        "~knock|~wash|~fall|fell|~sweep|~throw _? _? off|from the|a boat|deck|pier|rocks|jetty|ferry",
        "~fall|fell|~go|went|~wash overboard",
    ), vetoes=(requires("ca nt see", "can not see", "ca n't see", "gone under", "went under", "not surfaced",
                        "in the water", "getting dark", "ca nt find", "can not find", "disappeared",
                        "not come up", "nt come up", "n't come up"),
               anywhere("my phone fell", "phone went", "keys", "sunglasses", "hat", "lol", "haha", "years ago", *STORY_WORDS))),
    # a head injury and confusion ("hit his head, was out for a minute, keeps asking the same question")
    Rule("head_injury_confused", EMERGENCY, patterns=(
        "~hit|~bang|~smack|~crack his|her|their head",
    ), vetoes=(requires("out for", "knocked out", "passed out", "unconscious", "keeps asking", "confused",
                        "same question", "being sick", "vomiting", "throwing up", "wo nt wake", "wo n't wake",
                        "not making sense", "slurring", "ca nt remember", "ca n't remember"),
               anywhere("lol", "haha", "doctor said", "all fine", "fine now", "years ago", *STORY_WORDS))),
    # grabbed the chest and went grey ("grabbed his chest, went grey and slid off the chair")
    Rule("clutched_chest_went_grey", EMERGENCY, patterns=(
        "~grab|~clutch|clutching|holding|~hold his|her|their chest",
        "~be|s|'s|is? barely breathing",
        "breathing but barely",
    ), vetoes=(anywhere("laugh", "laughing", "lol", "haha", "drama", "dramatic", "pretending", "joke", "joking", "gym",
                        "yoga", "panic attack", "years ago", "walked in on", "in bed", *STORY_WORDS),
               followed_by("since", "through", "at work", "with stress"))),
    # the last words, from a bridge ("writing this from the car on the bridge, the last thing ill write")
    Rule("last_thing_i_write", SELF_HARM, patterns=(
        "last thing ill|will ever? write|send|type",
        "last thing i ll|'ll|will ever? write|send|type",
    ), vetoes=(followed_by("about", "on", "to", "before", "for", "in", "until", "till", "today", "tonight", "him", "her",
                           "them", "is", "was", "a", "the"),
               anywhere("essay", "report", "thesis", "email to", "blog", "promise", "lol", "haha", *STORY_WORDS))),
)
