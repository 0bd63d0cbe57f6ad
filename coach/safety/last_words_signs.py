"""Crisis rules for goodbyes said sideways, and danger brought to the door by someone else.

Seen set 13's misses (stop 24), as families in our own words. People leave a letter "for them to
find after", move their savings to someone who "will need it soon", ask the coach to "tell my
mum sorry", call a gift "the last thing I'll ever give", say they don't plan on being "around to
see" it, that everyone would be "lighter without me", look up the trains to the cliffs, keep a
bridge as "plan b"; they say a partner will send someone round to "sort me out", that he is back
and they are hiding in the shed, that he said he would "end me", or that a man turned up at
work with a crowbar. Same notation and engine as ``coach.safety.rules``, run by
``coach.safety.detector`` with them; each pattern narrow, with vetoes for the everyday readings
(a surprise present, a will after a wedding, a day out on the coast, a handyman with a hammer).
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, followed_within, preceded_within, requires
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import about_a_character, someone_else
from coach.safety.words import PLAY

_PLAY = (*PLAY, "game", "book")
# "ending it" with someone or something: a relationship or a contract, not a life
_ENDED_WITH = ("with", "between", "for", "after", "before", "properly", "officially")
_ENDING_US = ("relationship", "engagement", "affair", "marriage", "contract", "lease", "job", "friendship", "break up",
              "breaking up", "leave him", "leave her", "leaving him", "leaving her")
_FAMILY = "mum|mom|mam|mummy|mother|dad|father|kids|children|son|daughter|sister|brother|family|nan|gran|parents"
_WEAPON = "crowbar|machete|knife|gun|shotgun|rifle|axe|hammer|bat|blade|cleaver"

LAST_WORDS_SIGN_RULES: tuple[Rule, ...] = (
    # a letter left to be found afterwards ("put it in the glovebox where shell find it after")
    Rule("found_after", SELF_HARM, patterns=("~find|~read it|them|this after|afterwards",
                                             "~find|~read the|my letter|letters|note|notes after|afterwards"),
         vetoes=(followed_by("work", "school", "dinner", "lunch", "breakfast", "tea", "the", "her", "his", "our",
                             "christmas", "class", "church", "practice", "training", "a", "she", "he", "we", "you"),
                 anywhere("gift", "present", "surprise", "birthday", "anniversary", "treasure hunt", "easter egg",
                          *_PLAY))),
    # money moved to someone who "will need it soon", a will rewritten with it
    Rule("need_it_soon", SELF_HARM, patterns=(
        "$AUX* going|gon to|na ~need it|them|that soon",
        "'ll|ll|will ~need it|them|that soon",
    ), vetoes=(requires("my will", "the will", "savings", "pin", "pins", "passwords", "life insurance", "account"),
               anywhere("mortgage", "deposit", "new baby", "pregnant", "uni", "university", "car loan", "rent",
                        "holiday", "wedding"))),
    # going away for good, told across a pause ("id disappear. maybe i should, properly, for good")
    Rule("disappear_for_good", SELF_HARM, patterns=("~disappear|~vanish",), vetoes=(
        requires("for good", "forever", "permanently", "properly"), someone_else, about_a_character,
        anywhere("social media", "instagram", "facebook", "the app", "phone", "holiday", "weekend", "trip", "abroad",
                 "for a bit", "for a while", "for a few", "for a week", "for the day", "for the night", "off grid",
                 "magic", "magician", "trick", *_PLAY))),
    # a goodbye the other person reads as ordinary ("she thinks i mean texting")
    Rule("hidden_meaning", SELF_HARM, patterns=("~think|~assume|~believe i ~mean|meant",), vetoes=(
        requires("ever again", "never again", "hear from me", "for good", "goodbye"),)),
    # a sorry to be passed on ("please just tell my mum sorry")
    Rule("sorry_passed_on", SELF_HARM, patterns=(
        f"just? ~tell my|our {_FAMILY} i|im? 'm|m? sorry|sry",
        f"~say sorry to my|our {_FAMILY} for me",
    ), vetoes=(followed_by("for", "about", "that", "if", "when", "because", "cause", "but", "and", "tomorrow",
                           "later", "tonight", "at"),
               anywhere("late", "missed", "forgot", "party", "dinner", "birthday", "lunch", *_PLAY))),
    # the last thing ever given ("its the last thing ill ever give her")
    Rule("last_thing_ever", SELF_HARM, patterns=(
        "last thing i|ill|im 'll|ll|will? ever ~give|~leave|~send|~write",
        "last thing i|ill|im 'll|ll|will? ever ~get to ~give|~say|~send|~write",
    ), vetoes=(followed_within(4, "again", "is", "was", "would"),)),
    # not planning to be around to see it ("dont plan on being around to see if you read it")
    Rule("not_around_to_see", SELF_HARM, patterns=(
        "nt|n't|not|never ~plan|~intend|~expect|going on|to ~be around|here to see",
    ), vetoes=(followed_within(5, "match", "game", "show", "play", "concert", "party", "because", "cause", "working",
                               "work", "away", "abroad", "holiday", "trip"),)),
    # everyone better off, in other words ("everyone would be lighter without me")
    Rule("lighter_without_me", SELF_HARM, patterns=(
        "everyone|everybody|they|she|he|people|family|kids|children|parents|mum|dad $MODAL|'d|d be "
        "lighter|freer|happier|calmer|easier|better off? without me",
    ), vetoes=(followed_by("there", "at", "on", "for", "this", "around", "today", "tonight", "tomorrow"),
               anywhere("party", "meeting", "team", "trip", "wedding", "holiday", *_PLAY))),
    # the way to a drop looked up ("looking at train times to the coast and the cliffs there")
    Rule("route_to_a_drop", SELF_HARM, patterns=(
        "train|bus|ferry? times|timetable|timetables|route|directions %word* cliff|cliffs|bridge|viaduct|tracks",
    ), vetoes=(anywhere("walk", "hike", "hiking", "picnic", "day trip", "day out", "holiday", "date", "together",
                        "with the kids", "we", "us", "our", "views", "view", "photos", "sunset", *_PLAY),)),
    # a drop kept as the fallback ("theres always the bridge. thats my plan b")
    Rule("drop_as_plan_b", SELF_HARM, patterns=(
        "there|theres 's|s|is? always the|a bridge|cliff|cliffs|tracks|pills|tablets|rope|railway|noose|viaduct",
    ), vetoes=(followed_by("route", "way", "road", "walk", "path", "to", "over", "back", "option", "bar"),
               anywhere("traffic", "drive", "driving", "dental", "dentist", "bridge loan", "card game", *_PLAY))),
    # ending it, with no one named to end it with ("cant do this anymore. im ending it"); methods looked up; a voice
    # that says to (stop 24: seen crises the retrained classifier stopped asking about)
    Rule("ending_it_now", SELF_HARM, patterns=("im|i 'm|m? ~end it",), vetoes=(
        requires("do this anymore", "do this any more", "take it anymore", "take this anymore", "tonight", "goodbye",
                 "for good", "had enough"),
        followed_by(*_ENDED_WITH, "today", "tonight with"),
        anywhere(*_ENDING_US, "chat", "call", "the app", "subscription", "divorce papers", "tell him", "tell her",
                 "telling him", "telling her", "dump", "dumping", "face to face", "over text"))),
    # thoughts of ending it that keep coming (stop 27: "the thoughts about ending it are back, worse than 2019")
    Rule("thoughts_of_ending_it_back", SELF_HARM, patterns=(
        "thought|thoughts|~urge about|of ~end|ending it|everything|myself",
    ), vetoes=(
        requires("back", "again", "worse", "stronger", "louder", "every day", "every night", "all the time",
                 "constantly", "keep coming", "wo nt stop", "wo n't stop"),
        followed_by(*_ENDED_WITH),
        anywhere(*_ENDING_US, "divorce", "counselling", "therapy", *_PLAY))),
    # no more fighting it, with a time or means (stop 27: "no point fighting it anymore, its tonight")
    Rule("done_fighting_it", SELF_HARM, patterns=(
        "no point|use ~fight|~resist it|this anymore|now", "~stop|done ~fight|~resist it|this",
        "tired|~tire of ~fight|~resist it|this",
    ), vetoes=(
        requires("its tonight", "it s tonight", "it 's tonight", "tonight is the night", "goodbye", "pills", "tablets",
                 "rope", "bridge", "end it", "say bye", "ready to go", "let go of everything"),
        anywhere("tell her", "tell him", "telling", "confess", "talk", "counselling", "divorce", "argue", "arguing",
                 "row", "marriage", "relationship", "craving", "drink", "drinking", "smoke", "smoking", "cold", "flu",
                 *_PLAY))),
    # a last message drafted to someone (stop 27: "keep writing and deleting a last text to marco")
    Rule("last_message_drafted", SELF_HARM, patterns=(
        "~write|~draft|~type|~delete|~send|~rewrite a|my last|final text|message|note|letter to",
    ), vetoes=(followed_by("of the day", "before bed", "before i sleep", "before work", "from work", "about"),
               anywhere("group chat", "boss", "landlord", "work", "meeting", "shift", "order", "delivery", "night",
                        "sleep well", "goodnight", "ex", "block", "blocking", "the affair", "affair partner",
                        "other woman", "other man", "ending it with", "end it with", "solicitor", "lawyer", "bank",
                        "school", "apology", *_PLAY))),
    Rule("methods_researched", SELF_HARM, patterns=("~research|~google|googling|googled methods",
                                                    "~research|~google|googling|googled ways to ~die"), vetoes=(
        anywhere("study", "uni", "dissertation", "thesis", "essay", "paper", "cooking", "baking", "recipe", "teaching",
                 "parenting", "training", "revision", "exam", "budget", "saving", "therapy", "couples"),)),
    Rule("voice_says_to", SELF_HARM, patterns=(
        "voice|voices in my head %word* die|jump|kill",
        "voice|voices in my head %word* end it",
        # stop 28: a voice anywhere that tells them to ("the voice telling me to end it is back")
        "~voice _? _? _? _? _? ~tell|~say|~whisper|~urge me|i? to end it|everything|myself|my",
        "~voice _? _? _? _? _? ~tell|~say|~whisper|~urge me|i? to kill|hurt|cut|harm|end $MYSELF",
        "~voice _? _? _? _? _? ~tell|~say|~whisper|~urge me|i? to jump|die|drown|crash|swerve",
    ), vetoes=(anywhere("film", "movie", "book", "song", "lyrics", "lol", "haha", "end it with", "end things with",
                        "leave him", "leave her", "the relationship", "the marriage", "sat nav", "satnav", "gps",
                        "alexa", "siri", "coach", "trainer", "instructor", "teacher"),)),
    # a drop timed for before the house wakes ("tomorrow i go to the car park roof, 7am, before anyone is up")
    Rule("before_anyone_wakes", SELF_HARM, patterns=("before anyone|anybody|everyone|everybody is|s|'s? ~wake|up|~get|awake",),
         vetoes=(requires("roof", "bridge", "cliff", "cliffs", "tracks", "pills", "tablets", "rope", "edge", "river",
                          "platform", "gun", "goodbye", "note", "letter"),
                 anywhere("sunrise", "photos", "photo", "fishing", "surprise", "present", "breakfast",
                          "shift", "flight", "airport", "train to work", "gym", "fix", "fixing", "repair", "aerial",
                          "gutters", "tiles", *_PLAY))),
    # someone sent round to hurt them ("shell get her ex round to sort me out")
    Rule("sent_round", ABUSE, patterns=(
        "~get|~send|~bring her|his|their ex|mates|brother|brothers|friends|cousin|cousins|dad|boys|lads|mate "
        "round|over|after me? to ~sort|~do|~teach|~batter|~deal with? me|us",
    ), vetoes=(anywhere("computer", "laptop", "wifi", "boiler", "tax", "paperwork", "garden", "fence", "plumbing",
                        "shelves", "flat pack", "driving", *_PLAY),)),
    # hiding from someone who is back ("hes back. hiding in the shed")
    Rule("hiding_from_him", ABUSE, patterns=(
        "hiding|~hide in|under|behind the|a|our|my shed|wardrobe|cupboard|bathroom|loft|garage|attic|closet|bed",
        "hiding|~hide from him|her|them|$PARTNER",
    ), vetoes=(requires("s back", "'s back", "is back", "came back", "come back", "comes back", "from him", "from her",
                        "from them", "banging", "smashing", "outside", "drunk", "raging", "looking for me", "coming"),
               followed_by("that", "what", "how", "where", "why", "when", "the fact", "the truth", "the money",
                           "the debt", "the debts", "the messages", "the texts", "the bills", "my", "our", "all", "any",
                           "everything", "things", "stuff"),  # stop 27: "i hid from her that i lost our savings"
               preceded_within(4, "money", "debt", "debts", "messages", "texts", "bills", "spending", "loan", "account",
                               "truth", "things", "stuff", "app"),  # stop 29: "the money i hid from him"
               anywhere("hide and seek", "hide n seek", "birthday", "surprise", "present", "presents", "cake",
                        "spider", "wasp", "mouse", "hiding from the rain", *_PLAY))),
    # a threat to "end" them ("he said hed end me if i came back")
    Rule("end_me_threat", ABUSE, patterns=(
        "he|she|they $MODAL|'d|d|'ll|ll $AUX* ~end me|us",
        "hed|shed|theyd|hell|shell ~end me|us",
        "he|she|they $AUX* going|gon to|na ~end me|us",
    ), vetoes=(requires("if i", "if we", "when i", "said", "says", "told me", "threatened", "swore", "screamed"),
               anywhere("workout", "gym", "jokes", *_PLAY))),  # "kids", "shift" sit around real threats too
    # someone armed at the door or at work ("turned up at my work with a crowbar")
    Rule("armed_arrival", EMERGENCY, patterns=(
        f"~turn|~show|~roll up %word* with a|an|his|her|the? {_WEAPON}",
        f"~come round|over %word* with a|an|his|her|the? {_WEAPON}",
    ), vetoes=(anywhere("fancy dress", "costume", "halloween", "party", "cricket", "rounders", "softball",
                        "toolbox", "tools", "fix", "fixing", "repair", "diy", "shelves", "fence", "birthday",
                        "carving", "cake", *_PLAY),)),
)
