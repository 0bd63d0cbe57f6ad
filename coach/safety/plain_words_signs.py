"""Crisis rules for dangers told in plain everyday words, with no crisis word at all.

Seen set 15's misses (stop 26), as families in our own words: a partner who came at them with
a knife; a cord or belt tied to the banister or round the neck; how many floors up would be
enough; no longer a problem for anyone after a date; shut out on the balcony in the cold; a
partner who hurts them when he finds what they hide; someone choking who cannot cough; a carbon monoxide alarm with sleepy, aching people; the house next door on
fire; a stranger following them who is still behind them. Same notation and engine as
``coach.safety.rules``, run by ``coach.safety.detector`` with them; each pattern narrow, with
vetoes for the everyday readings (a scarf round the neck, a dog's lead on a railing, locked out
without keys, a test of the alarm, a bonfire next door, followers online). Stop 27 added five from
seen sets 9, 10, 12 and 16: not expecting to make it to morning, wages taken and money doled
out, intimate photos shared to shame, nothing left to stay for, the express awaited at the
platform (not a meeting missed, not an agreed budget, not a delayed commute). Stop 28 added eight
from seen sets 8 and 17: looking down from a bridge or balcony, "if i stop replying it's because i went
through with it", out of everyone's way tonight, a belt taken to them, a threat in Jamaican
patois, a goodbye arranged "before i jump" (not a view, a flat move, karate, a bungee jump), not
coming up from the bath, calls every few minutes with trouble at home for a missed one.
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, requires, unless_boundary_after
from coach.safety.history_veto import recovered_history
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from coach.safety.vetoes import STORY_WORDS
from coach.safety.words import PLAY

_WEAPON = "knife|knives|blade|hammer|bat|gun|machete|axe|screwdriver|scissors|cleaver|crowbar|poker"
_OVER = ("years ago", "yrs ago", "last year", "fine now", "ok now", "okay now", "all fine", "put out", "is out",
         "false alarm", "turned out")


PLAIN_WORDS_SIGN_RULES: tuple[Rule, ...] = (
    # a partner who came at them with a weapon ("she came at me with the bread knife")
    Rule("came_at_me_with_a_weapon", ABUSE, patterns=(
        f"$THREAT_SUBJECT $AUX* ~come|came|coming|~go|went|going|~run|ran|~fly|flew at|for me|us with a|the|his|her|my? "
        f"kitchen|big|bread|carving|steak? {_WEAPON}",
    ), vetoes=(anywhere("nerf", "water gun", "water pistol", "toy", "foam", "pillow fight", "game", *PLAY),)),
    # a cord tied ready, or round the neck ("tied the flex to the loft hatch")
    Rule("ligature_ready", SELF_HARM, patterns=(
        "~tie|tied|~knot|knotted|~fix|fixed the|a|my|his|dads|her? _? rope|cord|belt|cable|flex|sheet|sheets|wire to|round|"
        "around|over|from|onto the|a|our|my? banister|bannister|banisters|beam|rafter|rafters|loft|hatch|railing|railings|"
        "pipe|stairs|staircase|branch",
        "~rope|~cord|~belt|~cable|flex|~sheet|~wire $AUX* tied|knotted|fixed to|round|around|over|from|onto the|a|our|my? "
        "banister|bannister|banisters|beam|rafter|rafters|loft|hatch|railing|railings|pipe|stairs|staircase|branch",
        "~belt|~rope|~cord|~cable|~flex|~wire|noose $AUX* round|around|on my neck",
    ), vetoes=(anywhere("swing", "hammock", "washing", "clothesline", "dog", "puppy", "boat", "decorations", "lights",
                        "bunting", "balloons", "tent", "gym", "climbing", "plant", "plants", "tomatoes", "kids",
                        "toddler", "baby gate", "costume", "halloween", "necklace", "lanyard", *STORY_WORDS, *PLAY),
               recovered_history)),
    # how far up would be enough to die ("how many storeys up is enough onto concrete")
    Rule("height_enough_to_die", SELF_HARM, patterns=(
        "how many floors|storeys|stories|metres|meters|feet|ft|levels",
        "how high up? ~be|is|does|do|would|'s|s enough|it",
        "how high|tall does|do|would|is|'s|s|has a|the|an? _? $DEATH_PLACE|drop|fall|floor",
    ), vetoes=(requires("enough to die", "to die", "survive", "to not survive", "land on", "concrete", "fatal", "kill me",
                        "be dead", "not for a story", "not for a book", "die from"),
               anywhere("ladder", "scaffold", "scaffolding", "bungee", "parachute", "skydive", "skydiving", "paraglide",
                        "building regs", "planning", "insurance quote", "climb", "climbing", "hike", "hiking", "dive",
                        "diving", "pool", "plane", "flight", "phone", "drone", "cat", "dog", "kid", "toddler", "baby",
                        "egg", "project", "physics", "homework", *PLAY))),
    # no longer a problem for anyone after a date ("i wont be anyones problem after friday")
    Rule("not_a_problem_after", SELF_HARM, patterns=(
        "wo|will nt|n't|not be a|any? problem|burden|bother|nuisance|weight for|to|on anyone|anybody|everyone|you|them|"
        "any1|people after|by|from|past|come|beyond",
        "wo|will nt|n't|not be anyones|anybodys|anyone|everyones|your problem|burden after|by|from|past|come|beyond",
    ), vetoes=(anywhere("move out", "moving out", "my own place", "new job", "get a job", "pay you back", "paid back",
                        "rent", "loan", "once i get", "once i start", "when i get", "when i start", "car is fixed",
                        "surgery", "recovered", "back on my feet", "sorted out", *PLAY),)),
    # shut outside by the partner ("been locked out in the garden in the snow for an hour while he watches tv")
    Rule("locked_outside", ABUSE, patterns=(
        "locked me|us out on|in the|a? balcony|garden|yard|porch|cold|snow|rain|street",
        "locked out on|in the|a? balcony|garden|yard|porch|cold|snow|rain|freezing",
    ), vetoes=(requires("he", "she", "he s", "she s", "my husband", "my wife", "my partner", "my bf", "my gf",
                        "my boyfriend", "my girlfriend", "my fiance", "they"),
               anywhere("myself", "keys", "key", "locksmith", "forgot", "the cat", "the dog", "kids locked",
                        "by accident", "accidentally", "long time ago", "ages ago", "out of my life", "used to",
                        *_OVER, *PLAY))),
    # hurt for what they hide ("he goes through my phone and hurts me when he finds anything")
    Rule("hurts_me_when_found", ABUSE, patterns=(
        "he|she|they|$PARTNER|and ~hurt|hurts me when|if|whenever|every he|she|they|it ~find|finds|found|~catch|~see|sees",
    ), vetoes=(requires("check", "checks", "checking", "goes through", "go through", "scared", "afraid", "terrified",
                        "bad", "bruise", "bruises", "delete", "deleting", "hide", "hiding", "so he does nt",
                        "so she does nt", "so he does n't", "so she does n't"),
               anywhere("my feelings", "feelings", "emotionally", "hurt my pride", *PLAY))),
    # someone choking who cannot cough or breathe ("my dad is choking on a bone and cant cough")
    Rule("choking_now", EMERGENCY, patterns=(
        "~choke|choking on a|his|her|their|the|some|something|food|piece|bone|sweet|grape|toy",
        "$OTHER $AUX* going|turning|gone|turned purple|blue|grey|gray",
    ), vetoes=(requires("ca nt cough", "ca n't cough", "can not cough", "ca nt breathe", "ca n't breathe",
                        "can not breathe", "not breathing", "purple", "blue", "ca nt speak", "ca n't speak",
                        "ca nt talk", "ca n't talk", "no sound"),
               anywhere("laughing", "laugh", "my words", "his words", "her words", "tears", "with rage", "with anger",
                        "the cold", "paint", "hair", "dye", "team", "nearly choked", "almost choked", *_OVER,
                        *STORY_WORDS, *PLAY))),
    # a carbon monoxide alarm with people drowsy or aching ("co alarm going off and we all feel sick and sleepy")
    Rule("co_alarm_with_symptoms", EMERGENCY, patterns=(
        "co|monoxide alarm|alarms|detector|detectors",
    ), vetoes=(requires("headache", "headaches", "dizzy", "drowsy", "nodding off", "sleepy", "being sick", "vomiting",
                        "throwing up", "passed out", "wo nt wake", "wo n't wake", "confused", "collapsed", "faint",
                        "feel sick", "feeling sick"),
               anywhere("battery", "batteries", "test", "testing", "fixed", "sorted", "engineer", *_OVER, *PLAY))),
    # the house next door on fire ("the flat next door is on fire and theres someone inside")
    Rule("fire_next_door", EMERGENCY, patterns=(
        "next door ~be|'s|s|is|are on? fire|alight|ablaze|burning",
        "neighbours|neighbour|neighbors|neighbor 's|s? house|flat|place|home|garage|shed|roof ~be|'s|s|is on? fire|"
        "alight|ablaze",
    ), vetoes=(anywhere("bonfire", "bbq", "barbecue", "fireworks", "firepit", "fire pit", "music", "party", "karaoke",
                        "last night", "yesterday", "last week", *_OVER, *STORY_WORDS, *PLAY),)),
    # a stranger following them, still behind them ("a van has followed me from the station and is still behind me")
    Rule("followed_by_a_stranger_now", EMERGENCY, patterns=(
        "~follow|followed|following me|us",
    ), vetoes=(requires("a man", "a guy", "some guy", "some man", "this guy", "this man", "a bloke", "some bloke",
                        "a woman", "this woman", "a stranger", "someone", "somebody", "a car", "a van",
                        "never seen", "do nt know", "do n't know"),
               requires("still", "right behind", "behind me", "right now", "keeps following", "keep following"),
               anywhere("insta", "instagram", "twitter", "tiktok", "online", "social media", "followers",
                        "follow back", "unfollow", "game", "dog", "cat", "puppy", "toddler", "was following",
                        "used to", *_OVER, *STORY_WORDS, *PLAY))),
    # stop 27 (seen sets 8, 9, 12 and 16): not expecting to see the morning, wages taken and money
    # doled out, intimate photos sent to humiliate, nothing left to stay for, the express awaited
    Rule("not_make_it_to_morning", SELF_HARM, patterns=(
        "i $AUX* $NEG ~make it to|through|till|until|past the? morning|tomorrow|sunrise|daylight|night",
        "$NEG think|reckon i? 'll|ll|ill|will|can|'d|d ~make it to|through|till|until|past the? morning|tomorrow|"
        "sunrise|daylight|night",
        "i 'm|m|am not|never going|gon to|na ~make it to|through|till|until|past the? morning|tomorrow|sunrise|daylight|"
        "night",
        "i $AUX* $NEG ~make it through tonight",
        "$NEG think|reckon i? 'll|ll|ill|will|can|'d|d ~make it through tonight",
    ), vetoes=(followed_by("meeting", "shift", "class", "lecture", "appointment", "session", "service", "school",
                           "run", "flight", "train", "bus", "briefing", "'s", "s", "dinner", "drinks", "date", "gig",
                           "match", "practice", "rehearsal", "thing", "without"),
               anywhere("work", "shift", "deadline", "party", "traffic", "awake", "tired", "coffee", "essay", "exam",
                        "kids", "baby", "teething", "flight", "train", "bus", "snow", "storm", *PLAY))),
    Rule("wages_taken_money_doled_out", ABUSE, patterns=(
        "~have|~make me? to? ~ask|~beg him|her|them for money|cash",
        "~have|~make me? to? ~ask|~beg him|her|them for permission to ~spend|~buy",
    ), vetoes=(requires("every penny", "all my wages", "my wages", "my pay", "my salary", "my money", "my card",
                        "my bank card", "his account", "her account", "takes my", "took my", "tampons", "food",
                        "pads", "nappies", "bus fare"),
               anywhere("agreed", "our idea", "my idea", "my choice", "we decided", "i offered", "gambling", "gambled",
                        "betting", "bet", "pocket money", "allowance", "teenager", "kids", *PLAY))),
    Rule("intimate_photos_shared", ABUSE, patterns=(
        "~send|~share|~post|~leak|~show|~spread|sending|sharing|posting|showing intimate|nude|naked|private|explicit|"
        "sexual photos|pictures|pics|videos|images|vids of me",
    ), vetoes=(anywhere("i sent", "i shared", "i posted", "i showed", "i was sending", "i was sharing", "years ago",
                        "to me", "asked me", *STORY_WORDS, *PLAY),)),
    Rule("nothing_left_to_stay_for", SELF_HARM, patterns=(
        "what|whats|nothing|nothin 's|s|is? even? left to ~stay|~stick|~be around|here? for",
    ), vetoes=(anywhere("marriage", "relationship", "town", "city", "country", "job", "area", "village",
                        "in this", "with him", "with her", "with them", "together", "party", "pub", "club", "film",
                        *PLAY),)),
    Rule("awaiting_the_express", SELF_HARM, patterns=(
        "the|an express|fast train? to? ~come|~pass|~go|~fly through|past",
    ), vetoes=(requires("platform", "tracks", "track", "station", "the line"),
               anywhere("late", "delayed", "cancelled", "commute", "home", "see you", "meet", "meeting", "missed",
                        "work", "waiting for my", *PLAY))),
    # stop 28 (seen set 17): looking down from a height, silence that will mean it is done, out of
    # everyone's way tonight, a belt taken to them, a threat in patois, a goodbye arranged before they jump
    Rule("looking_down_from_a_height", SELF_HARM, patterns=(
        "looking|staring|peering|~look|~stare down at|into the|a? water|river|drop|road|"
        "street|ground|traffic|rocks|sea|tracks|concrete",
        "thinking|think just|only one step|jump",
        "just|only one step and|off|over|forward",
    ), vetoes=(requires("bridge", "footbridge", "ledge", "edge", "roof", "rooftop", "balcony", "cliff", "cliffs",
                        "floor", "storey", "parapet", "railing", "railings", "multistorey", "car park", "tower",
                        "overpass", "flyover"),
               followed_by("at", "ahead", "closer", "further", "forward in"),
               anywhere("view", "views", "sunset", "sunrise", "photo", "photos", "pics", "holiday", "tour", "fishing",
                        "ducks", "swans", "dolphins", "boats", "fireworks", "hike", "climb", "climbing", "abseil",
                        "bungee", "diving", "swim", "swimming", "height", "heights", "vertigo", "dinner", "lunch",
                        "breakfast", "walked", "stroll", "date night", *_OVER,
                        *STORY_WORDS, *PLAY))),
    Rule("silence_will_mean_it_is_done", SELF_HARM, patterns=(
        "if i ~stop replying|answering|responding|texting|messaging|writing",
        "if you do|did? $NEG ~hear from me",
        "if you ~stop hearing from me",
    ), vetoes=(requires("through with it", "done it", "did it"),
               anywhere("phone died", "battery", "signal", "wifi", "asleep", "busy", "at work", "flight", "plane",
                        "the divorce", "the surgery", "the operation", *PLAY))),
    Rule("out_of_everyones_way_soon", SELF_HARM, patterns=(
        "out of everyone|everyones|everybody|everybodys|everyone's 's|s? way",
    ), vetoes=(requires("tonight", "for good", "forever", "permanently", "by morning", "by tomorrow", "what i need",
                        "for ever", "soon"),
               anywhere("move", "moving", "flat", "room", "sofa", "couch", "office", "shed", "garden", "walk", "go out",
                        "going out", "mums", "hotel", "gym", "pub", "trip", "stay with", "staying with", "kitchen",
                        *PLAY))),
    Rule("belt_taken_to_them", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* ~get|~take|~pull|~bring|~grab the|his|her|a belt out",
        "$THREAT_SUBJECT $AUX* ~take|~pull|~whip the|his|her|a belt off and ~hit|~beat|~whip|~lash|~thrash|~come",
        "$THREAT_SUBJECT $AUX* ~hit|~beat|~whip|~lash|~thrash|~hurt me|us|my _? _? with the|his|her|a belt",
    ), vetoes=(anywhere("when i was", "as a kid", "as kids", "growing up", "childhood", "school", "used to", "trousers",
                        "jeans", "pants", "undress", "undressed", "shower", "seatbelt", "seat belt", "tool belt",
                        "black belt", "brown belt", "karate", "judo", *_OVER, *STORY_WORDS, *PLAY),
               recovered_history)),
    Rule("threat_in_patois", ABUSE, patterns=(
        "him|she|im|shi a|ago go? ~chop|~kill|~murder|~lick|~box mi|me",
    ), vetoes=(anywhere(*STORY_WORDS, *PLAY),)),
    Rule("goodbye_before_i_jump", SELF_HARM, patterns=(
        "before|then|after|and i ~jump",
    ), vetoes=(unless_boundary_after(frozenset()),
               requires("goodbye", "bye", "say sorry", "hug", "letter", "note", "kiss", "love you", "last time"),
               anywhere("bungee", "skydive", "skydiving", "parachute", "plane", "pool", "lake", "swim", "dive",
                        "trampoline", "hurdle", "hurdles", "rope", "queue", "call", "meeting", *PLAY))),
    # stop 28 (seen sets 8 and 17 on the retrained model): not coming up from the water, calls
    # every few minutes with trouble at home for a missed one
    Rule("not_coming_up", SELF_HARM, patterns=(
        "i $AUX* $NEG ~want|wanted to come back? up",
        "i $AUX* not|never|nt|n't coming|come back? up",
        "to|and not|never come back? up",
    ), vetoes=(unless_boundary_after(frozenset()),
               requires("bath", "bathtub", "tub", "water", "under", "pool", "sea", "lake", "river", "surface"),
               anywhere("snorkel", "snorkelling", "diving", "scuba", "swimming lesson", "stairs", "upstairs", "loft",
                        "attic", "visit", *STORY_WORDS, *PLAY))),
    Rule("calls_constantly_or_else", ABUSE, patterns=(
        "~call|~ring|~text|~phone|~facetime me? every _? min|mins|minutes|hour",
    ), vetoes=(requires("if i miss", "if i do nt", "if i do n't", "if i ca nt", "if i ca n't", "if i am late",
                        "if i 'm late", "if i m late"),
               requires("hell", "trouble", "kicks off", "pay for it", "goes mad", "scared", "afraid", "punish",
                        "punishes", "hurts me", "hits me"),
               anywhere(*PLAY))),
)
