"""The warning-sign rules (coach/safety/warning_signs.py, coach/safety/abuse_signs.py): plans,
goodbyes, relapse, past attempts, self-injury, everyday control, being hunted, silenced or
injured are caught by the phrase net; their harmless look-alikes are not.

Sentences written for this test, in the ways people type (no capitals, no apostrophes);
none is taken from the evaluation sets.
"""

from __future__ import annotations

import pytest

from coach.safety.detector import ABUSE, EMERGENCY, SELF_HARM, detect_crisis

CAUGHT = [
    # a joke marker does not make life itself a trifle (stop 17: ``hyperbole_joke``)
    (SELF_HARM, "one more day like this and ill kill myself lol"),
    (SELF_HARM, "id rather jump off a bridge than live another day like this lol"),
    (SELF_HARM, "the last time i hurt myself was before my son was born but the urges are back"),
    (SELF_HARM, "ive been hurting myself since my son was born, hes 2 now"),
    (SELF_HARM, "i know exactly how id do it, ive thought it through"),
    (SELF_HARM, "please dont worry about me after tonight"),
    (SELF_HARM, "i wont be around to see her face when she reads it"),
    (SELF_HARM, "honestly i dont think ill still be here next month"),
    (SELF_HARM, "been writing notes to everyone i love tonight"),
    (SELF_HARM, "the kids would be fine with me out of the picture for good"),
    (SELF_HARM, "relapsed with the blade again last night"),
    (SELF_HARM, "made an attempt years ago and it feels the same now"),
    (SELF_HARM, "this message is my goodbye"),
    # a plan with a date; not deserving or wishing to live; gone by a date; affairs in order
    (SELF_HARM, "ive got a plan and a time, saturday night when everyones out"),
    (SELF_HARM, "i have a plan to end it this weekend"),
    (SELF_HARM, "honestly i dont deserve to live after what i did to her"),
    (SELF_HARM, "i don't think i deserve to be alive anymore"),
    (SELF_HARM, "i really deserve to die for this"),
    (SELF_HARM, "i do not wish to exist anymore"),
    (SELF_HARM, "i know i wont be around by the weekend"),
    (SELF_HARM, "im not gonna be here by christmas"),
    (SELF_HARM, "cant see myself still being here by the new year"),
    (SELF_HARM, "thank you for everything, i wont be needing this after tonight"),
    (SELF_HARM, "got my affairs in order this week"),
    (SELF_HARM, "tied up all the loose ends before i go"),
    # self-injury until it bleeds or bruises; pills laid out
    (SELF_HARM, "i punch my thighs until they bruise"),
    (SELF_HARM, "scratched my arms till they bled last night"),
    (SELF_HARM, "i have all my sleeping pills in front of me"),
    (SELF_HARM, "tipped all the pills out onto the kitchen table"),
    (SELF_HARM, "got a box of paracetamol here and im going to take the lot"),
    (ABUSE, "he slams me into the door when hes had a drink"),
    (ABUSE, "she keeps my bank card and my wages"),
    (ABUSE, "he gives me 15 quid a week for everything"),
    (ABUSE, "i have to ask him before i eat anything"),
    (ABUSE, "i have to ask her permission to go out"),
    # hunted, hounded, silenced, injured; "hell"/"shell" for he'll/she'll
    (ABUSE, "he keeps ringing, hes rung me 40 times and says hes coming for me"),
    (ABUSE, "im staying with my aunt, im terrified he'll find me"),
    (ABUSE, "she swore she'd hunt me down"),
    (ABUSE, "he found out where im staying and turned up at midnight"),
    (ABUSE, "now he knows where im hiding"),
    (ABUSE, "if i tell my mum he says hell do something worse"),
    (ABUSE, "he said he'll do worse if i tell the police"),
    (ABUSE, "if i report him he'll hurt the kids"),
    (ABUSE, "he cracked my ribs on saturday"),
    (ABUSE, "my boyfriend got angry and broke my wrist"),
    (ABUSE, "my jaw is fractured because he hit me"),
    (ABUSE, "hell kill me if he sees this"),
]

NOT_CAUGHT = [
    # self-harm dated by a child's birth, or "much better" after help (stop 18: ``recovered_history``)
    "the last time i hurt myself was before my son was born, hes 10 now",
    "i used to hurt myself, got proper help and im doing much better",
    # "i'd rather ... than <a trifle>" with a joke marker (stop 18: ``hyperbole_joke``)
    "i'd rather jump off a bridge than sit through another family dinner lol",
    "i know exactly how id do it differently next time",
    "i wont be around tomorrow, working a double",
    "ill still be here tomorrow if you need to talk",
    "my first attempt at an apology went really badly",
    "we made an attempt at couples counselling last year",
    "this is my goodbye to the old me who lied",
    "my razor is back in the bathroom cabinet",
    "he slammed the door and left",
    "she slammed me in front of her friends on the group chat",
    "he gave me an allowance when we were students lol",
    "i have to ask him before i spend over 100 now, we agreed it after my gambling",
    "i have to ask permission to see his phone now",
    "i wrote a letter to her explaining everything",
    "left a note for everyone about the bins",  # narrow on purpose: "a note for everyone" is left to the meaning layer
    # plans, dates and goodbyes that are about the relationship, travel or good news
    "we have a plan and a date for the vow renewal",
    "i have a plan and a date night booked for friday",
    "i have a plan to end it with her tomorrow, no more contact",
    "she has a plan for dying her hair pink lol",
    "i dont deserve to live in this house after what i did",
    "i dont deserve to die for one mistake",
    "i have no wish to live with him again",
    "i wont be around by friday, im working the night shift",
    "sorry i wont be around by then, flight leaves at 6",
    "thanks coach, we're back together, i won't be needing you after tonight",
    "wont need a coat where im going, its 30 degrees",
    "tying up loose ends at work before i go on maternity leave",
    "i sorted out my affairs with a lawyer",
    # bleeding or bruising that is not self-injury; pills that are a prescription
    "i scratched my mosquito bites until they bled",
    "i keep banging my head against a brick wall with him",
    "i have my pills in front of me, should i take them with food",
    "i put all the pills out of reach of the kids",
    # finding, calling, telling and breaking that are not a threat
    "she said she'd find me when she's ready to talk",
    "she'll find me a therapist",
    "he'll find me out eventually, i know it",
    "she's coming for me at 6 to go to counselling",
    "she tracked me down on facebook after years",
    "my wife called me 30 times after she found out about the affair",
    "my husband found out where i was staying that weekend with my affair partner",
    "if i tell her the truth she'll be hurt",
    "if i tell him he'll do something about it",
    "if i talk to her she'll beat me to it",
    "i fell and broke my arm",
    "my ex tripped over and broke my nose with his elbow",
    "he cracked my phone screen when he dropped it",
    "my boss said hell kill me if im late again",
    "what the hell hit me",
]


@pytest.mark.parametrize("kind, text", CAUGHT)
def test_a_warning_sign_is_caught_with_its_kind(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None, f"not caught: {text!r}"
    assert match.kind == kind


@pytest.mark.parametrize("text", NOT_CAUGHT)
def test_its_harmless_look_alike_is_not(text: str) -> None:
    assert detect_crisis(text) is None


# Families added in stop 14 and stop 15 (coach/safety/danger_signs.py and the widened warning signs):
# each family's rule, sentences it must catch, and near-misses it must leave alone.
FAMILIES: dict[str, tuple[str, list[str], list[str]]] = {
    "rehoming_with_a_farewell": (SELF_HARM, [
        "handed my cat to the neighbour this morning and left a letter on the table",
        "found a new home for the dog and wrote notes for the kids",
        "gave my things away to my cousin, loose ends done",
    ], [
        "gave the dog to my mum while we're on holiday",
        "gave the cat to my sister, she always wanted one",
        "found a new home for the cat, my new flat doesnt allow pets",
    ]),
    "attempt_feeling_back": (SELF_HARM, [
        "i tried to end it when i was 19 and i can feel it coming back",
        "i tried to end things at uni and lately that pull is back",
        "i attempted to end everything once and now its creeping back",
    ], [
        "i tried to end it with him last year but we're back together again",
        "i tried to end it but he begged me to stay",
        "i tried to end things on good terms and she came back with a lawyer",
    ]),
    "last_message": (SELF_HARM, [
        "this is my final text. please look after mum",
        "tell my dad i always loved him",
        "say goodbye to the cat for me before i do it",
        "say goodbye to grandad. last night",
    ], [
        "this is my last message to him before i block him",
        "say goodbye to the class, last day at school",
        "this is my last message for today, thank you",
    ]),
    "hurt_until_quiet": (SELF_HARM, [
        "i hit my head on the door until everything went quiet",
        "i bang my head on the floor till my mind goes silent",
        "slammed my fists into myself until i felt numb",
    ], [
        "i keep banging my head against a brick wall trying to get him to listen",
        "the baby hits his head on the cot until he falls quiet",
    ]),
    "engine_in_the_garage": (SELF_HARM, [
        "been sat in the car in the garage with the engine on for an hour",
        "i have a hosepipe and tape for the exhaust",
        "the engine running in the closed garage, door shut",
    ], [
        "the car is in the garage for its mot",
        "left the engine running outside the shop, back in a sec",
    ]),
    "gone_next_week_planned": (SELF_HARM, [
        "i wont be here next month, its decided",
        "im not going to be around this weekend, ive planned it",
        "i won't be here next year, im ready for good",
    ], [
        "i wont be here next week, planned a trip to spain",
        "i wont be here next week, at my mums",
    ]),
    "not_making_it_on_purpose": (SELF_HARM, [
        "i won't make it to christmas, i've made sure",
        "im not gonna make it through the summer, its planned",
        "i wont make it past his birthday, ive decided",
    ], [
        "im not going to make it to the session tonight, i made sure to tell her",
        "i wont make it to the dinner, the train is cancelled, i planned badly",
    ]),
    "decided_against_hope": (SELF_HARM, [
        "people say it gets better, but ive made up my mind",
        "they all promise it will get better. my mind is made up",
        "everyone swears it gets better and i've decided",
    ], [
        "it gets better but i've made up my mind to forgive him",
        "it gets better, i've decided to stay and fight for us",
    ]),
    "date_picked_alone": (SELF_HARM, [
        "ive chosen the day, while nobody is home",
        "i picked the night the kids are at their nans",
        "set the date, when everyone is away, its decided",
    ], [
        "ive picked the date for our vow renewal",
        "we picked a day, no one knows yet",
    ]),
    "not_here_after": (SELF_HARM, [
        "im not going to be around to see how this ends",
        "i'm not gonna be here to watch them grow up",
        "i am not going to be alive to read his reply",
    ], [
        "im not going to be around on sunday, we're at the beach",
        "ill be around to see the kids tomorrow",
    ]),
    "partner_with_a_weapon": (ABUSE, [
        "my husband waves a knife around whenever he drinks",
        "shes in the kitchen with a hammer screaming at me",
        "he keeps a gun by the bed and says hell use it on me",
        "he grabbed the knife and pointed it at me while i was making dinner",
        "he grabbed a hammer and came at me while i was in the shed",
        "she waves a knife around when we argue, she was cooking and im scared",
        "if im late he waits at the door with his belt",
        "he laid his knife next to his plate and stared at me the whole time we talked",
        "my bf showed me his gun and said remember it's there",
        "she set the blade on the bed while we argued about the texts",
    ], [
        "he put the knife on the board after chopping the onions",
        "he showed me his new fishing knife, so proud of it",
        "my dad keeps his rifle in a locked safe, he hunts",
        "he grabbed a knife to cut the cake",
        "in the film he pulled a gun on her",
        "hes in the shed with a hammer fixing the fence",
        "she grabbed the bread knife and sliced the loaf for the kids",
        "he waits at the school gate with the kids' bags",
    ]),
    "watched_even_here": (ABUSE, [
        "he goes through every one of my texts, i'll have to delete this chat",
        "she reads all my messages, even this one probably",
        "my boyfriend checks my phone every night, im scared he sees this app",
    ], [
        "he checks my phone and we agreed on it",
        "he reads all my messages since the affair, i asked him to",
    ]),
    "contact_only_in_secret": (ABUSE, [
        "i wait until he's asleep to call my sister",
        "i only call my mum when he's out at work",
        "i wait till my husband leaves before i text anyone",
    ], [
        "i wait till she's asleep to text him",
        "i wait until she's out to plan her birthday surprise with my friends",
    ]),
    "know_what_comes_next": (ABUSE, [
        "when he's been drinking i know what comes next",
        "i cower whenever he shouts",
        "he raises his fist and i know whats coming",
    ], [
        "i know what comes next in the divorce process",
        "i freeze when he comes home late",
        "i flinch when he says her name",
    ]),
    # stop 15: told by one detail (coach.safety.injury_signs, abuse_signs, danger_signs)
    "punishing_myself": (SELF_HARM, [
        "i havent eaten since monday, im punishing myself for ruining us",
        "skipping meals on purpose, i punish myself cos i deserve it",
        "not eating is how i punish myself now",
    ], [
        "i punish myself by replaying every lie i told her",
        "skipping meals for the wedding diet and punishing myself at the gym lol",
    ]),
    "head_against_the_wall": (SELF_HARM, [
        "i smash my head against the wall when the flashbacks start, theres a lump now",
        "i bash my head on the radiator when the images come, my forehead is swollen",
        "every time i picture them i hit my head against the door, its all bruised",
    ], [
        "talking to her is like banging my head against a brick wall",
        "i hit my head on the cupboard door this morning, big bump lol",
    ]),
    "burning_myself": (SELF_HARM, [
        "pressed a lit cigarette against my wrist after he left",
        "i burn my thighs with a lighter when the thoughts get loud",
        "burned my arm with a match again, only thing that calms me",
    ], [
        "burned my hand on the oven getting the roast out",
        "burnt my arm with the iron by accident doing the school shirts",
    ]),
    "alone_with_the_means": (SELF_HARM, [
        "tonight its just me and the pills",
        "friday night, alone with the rope in the garage",
        "everyone's asleep and im alone with my razor",
    ], [
        "alone with my thoughts again tonight",
        "left alone with the kids all weekend",
        "im never alone with the pills, my sister keeps them",
    ]),
    "finish_it_when_alone": (SELF_HARM, [
        "gonna finish everything friday night when the kids are at their dads",
        "i'll finish it all when nobody's home, it's decided",
        "going to finish everything while im alone this weekend",
    ], [
        "want to finish everything on my list while the kids are at school",
        "ill finish everything for work when nobodys around to distract me",
    ]),
    "pulled_hair": (ABUSE, [
        "he pulled my hair so hard a chunk came out",
        "she yanked my hair and shoved me into the door",
        "my husband grabbed me by my hair in front of the kids",
    ], [
        "i pulled my hair back and went to the session",
        "she pulled my hair into a ponytail before the wedding",
    ]),
    "papers_held": (ABUSE, [
        "he keeps my passport locked up so i cant leave",
        "she hid my id and wont give it back until i apologise properly",
        "my husband has my papers and says i only get them if i stop seeing my friends",
        "he locked my passport in the safe so i cant leave",
    ], [
        "she took my passport to the post office to renew it",
        "he keeps my passport in the safe with his, we're off to spain",
    ]),
    "proof_or_else": (ABUSE, [
        "i have to video call her every time i leave the house or she goes mental",
        "got to send proof of who im with every hour otherwise he kicks off",
        "i need to send him pics of my receipts or he loses it",
    ], [
        "i have to share my location since the affair or she gets anxious",
        "i have to send my boss proof of hours or he loses it",
    ]),
    "did_not_stop": (ABUSE, [
        "he kept going even though i begged him to stop",
        "she kept going after i told her no",
        "i said no twice and he kept going when i said stop",
    ], [
        "she kept going on after i said stop talking about her",
        "he kept asking questions even after i said stop",
    ]),
    "searching_after_i_left": (ABUSE, [
        "left him in march and now hes messaging my sister asking where we're staying",
        "since i fled shes been ringing round my friends to find out where i live",
        "we moved out 3 weeks ago and he keeps asking the school where we are",
    ], [
        "i left him last year and he asked where we live so he can send the kids presents",
        "my sister asked where we're staying for the wedding",
    ]),
    "finish_what_was_started": (ABUSE, [
        "she told me she'll finish what she started next time i answer back",
        "he keeps saying he will finish what he started",
        "he said he'd finish what he started when he gets out",
    ], [
        "she said she'd finish what she started with the kitchen",
        "he says he'll finish what he started on the garden this weekend",
    ]),
    "stroke_signs_together": (EMERGENCY, [
        "mums face has dropped on the left side and she cant lift her arm",
        "my husband suddenly cant speak properly and one side of his face is drooping",
        "dad is slurring his words and his mouth looks lopsided",
    ], [
        "he was slurring his words after six pints",
        "my face looks weird on one side in photos lol",
        "cant lift my arm after the gym, so sore",
    ]),
    "armed_attacker": (EMERGENCY, [
        "guy with a knife outside the station stabbing people",
        "someone is shooting in the shopping centre, we're hiding in a shop",
        "shots fired outside our building, we're on the floor",
        "my friend rang, theres a man at her door with a gun",
        "theres a guy at our back door with a knife right now",
        "someone at my window with a gun, call the police",
    ], [
        "dreamt there was a man at the door with a knife, woke up sweating",
        "the delivery guy at the door with a gun shaped parcel lol",
        "in the film a man with a gun holds up the bank",
        "we were shooting hoops in the park",
        "my brother is out hunting with his gun this weekend",
    ]),
    # stop 15 (docs/SAFETY.md, "Crisis families"): the signs of families examples alone did not
    # separate from their look-alikes
    "wish_it_had_worked": (SELF_HARM, [
        "came round in hospital this morning and i wish it had worked",
        "the paramedics got here in time. honestly wish it had worked",
        "took the tablets on sunday, woke up on monday, wish it had worked",
    ], [
        "we tried couples therapy and i really wish it had worked",
        "i wish it had worked out between us",
    ]),
    "sorry_to_have_survived": (SELF_HARM, [
        "i wish i hadnt woken up after what i took",
        "wish no one had found me on saturday",
        "i wish i hadn't survived it",
    ], [
        "i wish she hadnt found me out, i was going to tell her",
        "i wish he'd never found me on that dating app",
        "wish i hadnt woken up so early, shattered",
    ]),
    "woke_to_it": (ABUSE, [
        "woke up and he was already doing it, i never said yes",
        "i woke up to my husband on top of me again",
        "woke up with her touching me after i said no",
    ], [
        "woke up and he was already doing the school run, bless him",
        "woke up to him making pancakes for the kids",
    ]),
    "walls_then_me": (ABUSE, [
        "he used to punch walls, now its me",
        "first it was the doors, then the plates, last night me",
        "she throws things and then it's me",
    ], [
        "first the walls then the doors, now its me who has to fix it all",
        "he punches walls when hes angry and then he cries",
        "i painted the walls and now its me who gets the compliments",
    ]),
    "seizure_now": (EMERGENCY, [
        "my daughter is fitting on the kitchen floor",
        "the seizure wont stop and its been 6 minutes",
        "hes foaming at the mouth and jerking, eyes rolled back",
    ], [
        "hes fitting the new kitchen on saturday",
        "my toddlers fits wont stop, worst tantrums ever",
        "he was foaming at the mouth about the parking fine, furious",
    ]),
    "gas_in_the_home": (EMERGENCY, [
        "i can smell gas all over the flat",
        "the carbon monoxide alarm keeps going off and im dizzy",
        "the cooker reeks of gas and it wont switch off",
        "i can smell gas in the kitchen and the kids are asleep upstairs",
        "the whole hallway smells of gas and my head is pounding",
        "think there's a gas leak, the hob was off all day",
    ], [
        "the gas bill came and it's double what he told me",
        "stopped for petrol at the gas station on the way",
        "the engineer fixed the gas leak yesterday, all sorted",
        "the car smells of gas after i filled up at the station",
        "his farts smell like gas lol",
    ]),
    "allergic_swelling": (EMERGENCY, [
        "her lips are swelling up after the peanut butter",
        "my throat is closing, i think its the prawns",
        "his face is all swollen from the wasp sting and hes wheezing",
    ], [
        "my throat closes up when i think of him with her",
        "my face is swollen from crying all night",
        "my lip is still swollen from the dentist",
    ]),
    "epipen_not_enough": (EMERGENCY, [
        "gave him his epipen and he is still struggling to breathe",
        "the epi pen isnt working and she's going blue",
        "i think hes having anaphylaxis, his lips are swelling now",
        "gave her the epipen and it isnt working",
    ], [
        "she carries an epipen since she was little",
        "we had to use the epipen years ago, fine now",
    ]),
    "stroke_signs": (EMERGENCY, [
        "my dads face is drooping on one side",
        "her smile has slipped on one side and she cant lift her arm",
        "grandma is slurring her words out of nowhere",
    ], [
        "his face dropped when i told him i knew",
        "he was slurring after six pints at the pub",
        "my dad had a stroke years ago and his face droops a bit",
    ]),
    "child_lost_somewhere": (EMERGENCY, [
        "ive lost my son in the shopping centre, hes 5",
        "lost my little girl at the beach 10 minutes ago",
        "i lost my toddler in the park",
    ], [
        "lost my daughter in the supermarket for a minute, found her by the sweets",
        "i lost my kids in the divorce",
        "i lost my temper with the kids at the park",
    ]),
    "crash_with_injuries": (EMERGENCY, [
        "car crash on the bypass and the driver is not moving",
        "just crashed the van, my arm is trapped under the wheel",
        "my son came off his bike on the hill and his leg is broken",
        "came off my motorbike and i cant feel my legs",
        "a car hit a cyclist outside and he isnt moving",
    ], [
        "we had a little car crash in the car park, nobody hurt",
        "that talk was a total car crash and my feelings are hurt",
        "i came off my bike last month and hurt my wrist, healing fine",
    ]),
    "letters_for_the_family": (SELF_HARM, [
        "i've written letters for my son and my mum, they're in the drawer",
        "finished the notes for the kids last night. feels calm",
        "left letters to each of them on the kitchen table",
    ], [
        "i wrote letters to my kids explaining the separation, my therapist helped",
        "writing thank you letters to my family after the wedding",
    ]),
    "gone_for_them": (SELF_HARM, [
        "after sunday nobody will have to deal with me again",
        "mum can stop worrying, there wont be a me to worry about after friday",
        "no more fights after tonight. there's no point",
    ], [
        "they wont have to deal with me for a week, im off to spain",
        "nobody will have to deal with my moods once the therapy kicks in",
    ]),
    # stop 16: crises told in passing inside a form answer (the in-form dev set's families)
    "method_in_passing": (SELF_HARM, [
        "i'll make it look like an accident so the insurance pays out",
        "googled which multistorey in town is the tallest, going tonight",
        "my wife will be better off, the lake will take me tonight",
    ], [
        "walked into the sea on holiday, freezing but lovely",
        "i'll make it look like an accident when i tell her i broke the vase lol",
        "i went over the top with the birthday decorations",
        "got the christmas presents from 3 different shops",
        "how many of my friends it would take to move the sofa",
    ]),
    "end_it_soon": (SELF_HARM, [
        "ill end it tonight when everyones asleep",
        "im going to end it after the funeral",
        "ive made up my mind to end it tomorrow. im done",
        "i will end it once the kids are at school",
    ], [
        "ill end it with him tonight, the affair is over",
        "decided to end it tonight with the other woman, no more lies",
        "im going to end it after this call, the contract is a rip off",
    ]),
    "letters_and_pills": (SELF_HARM, [
        "send the letters to my sisters friday, the pills are ready",
        "leave the notes to mum and dad on the table. tablets after",
        "post my letters to the kids then the rope",
    ], [
        "post the letters to nan and pick up the pills from the pharmacy",
        "post the letters to the kids school and get paracetamol from the pharmacy",
    ]),
    "violence_in_passing": (ABUSE, [
        "he held my face under the water in the sink until i stopped arguing",
        "she poured hot coffee over my hand because i was late",
        "he poured lighter fluid on the carpet and said we both go together",
    ], [
        "he held my head in his hands and we both cried",
        "i poured hot water on the weeds, they finally died lol",
    ]),
    "child_not_there": (EMERGENCY, [
        "my son isnt in his bed and the front door is open, hes 6",
        "my 12 year old hasnt come home from school and its dark",
        "my daughter got into a car with a man outside the school",
    ], [
        "my son isnt in his bed, he's at a sleepover at his dads",
        "she hasnt come home yet, she's at her mums this weekend lol",
    ]),
    "threat_at_the_door": (EMERGENCY, [
        "someone is outside trying to kick the door in",
        "theres smoke coming in under the door",
        "a man outside the window has got a knife and is shouting",
        "some lad at the station has a machete and is waving it at people",
    ], [
        "he has a knife collection in the shed",
        "smoke coming in through the window from the neighbours bbq again",
    ]),
    "someone_down": (EMERGENCY, [
        "my dad fell off the ladder and hes not moving",
        "my son is going floppy and his lips are blue",
        "my uncle is going grey and floppy after he fell",
    ], [
        "traffic is not moving at all, stuck for an hour",
        "my fingers go blue in the cold every winter",
        "the sky turned grey, she said it would rain",
        "we fell out and things are not moving",
    ]),
    "kept_from_a_doctor": (ABUSE, [
        "she won't let me see a doctor about the burns",
        "he wont let me go to the hospital, says i fell",
        "my husband doesnt let me call a doctor after our fights",
    ], [
        "the gp wont let me see a doctor till next month, the waiting list is huge",
        "my mum wont let me see a doctor for a cold lol",
    ]),
    "order_broken": (ABUSE, [
        "hes broken the court order again, keeps texting from new numbers",
        "my ex breached the non-molestation order and was at the school gates",
        "got a restraining order against him but he still turns up at my work",
        "shes barred from my street by court order but she still follows me home",
    ], [
        "my lawyer says he never broke the order, it was a mix up",
        "we have a court order for the kids contact, every other weekend",
        "he broke the contact order and kept the kids an extra night",
        "we have a court order and he still sees the kids every saturday",
    ]),
    "decided_to_stop_living": (SELF_HARM, [
        "ive made up my mind to stop living, it's calm now",
        "i decided to stop existing after the divorce papers came",
        "im ready to stop living. i mean it",
    ], [
        "i decided to stop living in the past and book a holiday",
        "ready to stop living like flatmates with him",
    ]),
    "found_when_gone": (SELF_HARM, [
        "the note is under my pillow, she'll read it when i'm gone",
        "left the passwords in an envelope, they'll find them after im gone",
        "he gets the letter once i'm dead, it explains everything",
    ], [
        "she'll find it when i'm gone to work, it's a surprise breakfast",
        "he'll get the keys after i'm gone for the weekend",
    ]),
    "care_arranged": (SELF_HARM, [
        "asked my neighbour to feed my cat from now on. she doesnt know why",
        "told my brother to take care of my dog for good",
        "i asked mum to keep my kids forever, she thinks im joking",
    ], [
        "asked my sister to look after my cat while were on holiday",
        "told my mum to take care of my kids this weekend so we can talk",
        "asked him to feed the dog tonight, i have a work thing",
    ]),
    "better_off_dead": (SELF_HARM, [
        "everyone would be happier with me not around anymore",
        "my family is better off with me gone, i really believe it",
        "the girls would be better off without me around",
    ], [
        "honestly she is better off with him, i get it now",
        "we'd be better off with the tv not around at dinner",
    ]),
    # stop 17: blind set 6's misses, as families
    "broke_into_my_home": (ABUSE, [
        "my ex forced his way in last night and wouldnt leave",
        "she broke into my car and took my phone after i left her",
        "he broke into the flat while the kids were asleep",
    ], [
        "my husband got locked out and broke into our house through the window lol",
        "had a dream my ex broke into my house, woke up shaking",
    ]),
    "hounded_from_new_numbers": (ABUSE, [
        "my ex keeps texting me from new numbers every time i block one",
        "he messages me from fake accounts since i blocked him",
        "she texted me saying shes watching me, i left her a month ago",
    ], [
        "the bank keeps calling from different numbers about my overdraft",
        "my husband said hes watching me closely since the affair, fair enough",
    ]),
    "letters_left_out": (SELF_HARM, [
        "goodbye. my letter is on the bedside table",
        "left the letters on the table for the kids, im done",
        "its all too much. the notes are on my desk for when they get home",
        "the letter under my pillow is for my mum. goodbye",
    ], [
        "the letters are on the kitchen table, can you remind me to post them tonight",
        "im done with the divorce forms, left the letters on his desk to sign",
    ]),
    "not_around_with_a_plan": (SELF_HARM, [
        "i wont be around. ive decided and its calm now",
        "im not gonna be here, ive got a plan",
        "i wont be here. made up my mind, its decided",
    ], [
        "i wont be around this weekend, the plan is a fishing trip",
        "i wont be around for dinner, decided to work late",
    ]),
    "someone_took_pills": (EMERGENCY, [
        "my sister has taken all her tablets and shes not answering the door",
        "my flatmate took all her tablets an hour ago and now shes not picking up",
        "my friend just swallowed all her sleeping pills, ive called an ambulance",
        "he texted he was swallowing the whole packet of pills, hes not answering",
        # stop 19: an amount and a sign it is now
        "my friend took a handful of pills and now she wont wake up",
        "he swallowed a bottle of tablets and is barely breathing",
        "my flatmate downed a packet of painkillers and is unconscious",
    ], [
        "she took all her antibiotics like the doctor said, no more hospital for her",
        "he took all his vitamins this morning and is wide awake",
        "my mum texted she was taking all her vitamins like the doctor said",
        "she took all her tablets as prescribed and feels confused about the dose times",
        "he took a load of vitamins and passed out on the sofa after the gym years ago",
    ]),
    "banging_to_get_in": (EMERGENCY, [
        "someones banging on my window at 2am and shouting my name",
        "my ex is hammering on the back door and i'm hiding in the bathroom",
        "hes pounding on the front door and wont stop, im terrified",
    ], [
        "the rain is hammering on the windows and im scared of thunder lol",
        "my son was banging on the bathroom door shouting to hurry up",
    ]),
    "on_the_way_to_the_tracks": (SELF_HARM, [
        "walking to the railway line once everyone is asleep",
        "my plan is to go off the bridge on the way home",
        "heading to the railway line now. tell her im sorry",
        "walking up to the bridge tonight, goodbye",
        "driving to the cliffs after i send this",
    ], [
        "heading to the bridge now to take sunset photos with the kids",
        "going up to the roof tonight to fix the aerial, wish me luck",
        "driving to the bridge now, sorry im late, traffic is awful",
        "going off the roof garden idea tonight, too pricey",
    ]),
    "nothing_left_and_decided": (SELF_HARM, [
        "she picked him, nothing left for me now, ive decided",
        "theres nothin left for me, made up my mind tonight",
        "nothing left for me anymore. its decided",
    ], [
        "nothing left for me in this town, ive decided to move back home",
        "theres nothing left for me to say to him, ive decided to stop texting",
    ]),
    # stop 18 (blind set 7's misses as families)
    "theirs_after_im_gone": (SELF_HARM, [
        "writing this so she has it after im gone",
        "leaving the laptop password so he has it after im gone tonight",
        "recording a voice note so they have it when im gone",
    ], [
        "updating my pension so the kids have it when im gone one day",
        "sorted the insurance so she has it when im gone, decades away hopefully",
    ]),
    "gone_by_morning": (SELF_HARM, [
        "i will be gone by the morning so none of this matters, goodbye",
        "i'll be gone by sunrise, tell the kids i loved them",
        "ill be gone before morning. sorry for everything",
    ], [
        "ill be gone by morning, early flight to lisbon, bye!",
        "i'll be gone before midnight, the party is dull, sorry",
        "ill be gone by morning, tell your mum i said hi",
    ]),
    "before_i_do_it": (SELF_HARM, [
        "need to text my brother the passwords before i do it",
        "tell my mum to look after the dog before i do it",
        "my will is in the top drawer, sorting it before i do this",
    ], [
        "need to tell my wife about the debt before i do it, i want to confess tonight",
        "asking my brother for the passwords before i do it, the tax return is due",
        "i should tell my parents before i do it, they think im staying in the job forever",
    ]),
    "finish_it_tonight": (SELF_HARM, [
        "theres no point to any of this. ill finish it tonight",
        "my life is worth nothing now, im going to finish it today",
        "life means nothing. i'll finish it now",
    ], [
        "the essay is nothing special but ill finish it tonight",
        "tired but i'll finish it tonight, the kitchen wall needs one more coat",
    ]),
    "go_quietly": (SELF_HARM, [
        "everyone is asleep now, the right time to go quietly",
        "the house is silent. time to slip away quietly",
        "i want to go quietly tonight while they sleep",
    ], [
        "kids are asleep so time to go quietly to bed myself",
        "the party is dead, time to go quietly before anyone notices lol",
    ]),
    "gun_out_and_done": (SELF_HARM, [
        "enough now. took dads shotgun down from the loft",
        "got my pistol out, no point anymore",
        "have the rifle out on the bed, this is the end",
    ], [
        "got the rifle out to clean it before deer season, im done with work",
        "took the gun down to the range, enough practice for tonight",
    ]),
    "out_of_everyones_way": (SELF_HARM, [
        "she chose him, so im going to make sure im not in anyones way",
        "i wont be in anyones way anymore after tonight",
        "going to make sure i'm not in everyone's way for much longer",
    ], [
        "im moving out so ill make sure im not in anyones way in the kitchen",
        "ill make sure im not in anyones way at the party lol, ill sit in the corner",
    ]),
    "what_i_need_to_stop": (SELF_HARM, [
        "cant keep doing this. ive got what i need to stop",
        "got what i need to end it, nothing left here",
        "i have what i need to go. goodbye",
    ], [
        "ive got what i need to stop smoking, patches and an app, no more excuses",
        "got what i need to end it with him, the lawyer says we can file tonight",
        "packed the car, got what i need to go camping tonight, cant wait",
    ]),
    "goodbye_they_dont_know": (SELF_HARM, [
        "she has no idea it was goodbye when i hugged her",
        "my brother doesnt know its goodbye",
        "mum has no idea this is goodbye, i hugged her extra long",
    ], [
        "my mum doesnt know its goodbye, im moving to australia in may",
        "the team has no idea its my goodbye, leaving do is a surprise",
    ]),
    "turned_up_at_my_new_place": (ABUSE, [
        "he just turned up at my new flat even though i blocked him everywhere",
        "my ex showed up outside my work again, i told him to stay away",
        "texts all day from him and today just turned up at my new place",
    ], [
        "he just turned up at my new flat with flowers for the housewarming",
        "my ex turned up at the kids school for pick up the kids, as agreed",
    ]),
    "locked_in_with_pills": (EMERGENCY, [
        "shes locked in the bathroom and said she has pills to end it",
        "my son has locked himself in the bathroom with a razor and wont answer",
        "my flatmate locked herself in her room, said goodbye and theres pills missing",
    ], [
        "my teenager locked herself in her room with her phone, homework not done lol",
        "he locked himself in the bathroom on a phone call for an hour",
    ]),
    "loving_word_was_goodbye": (SELF_HARM, [
        "hugged my little brother and said i love him, he has no clue that was my goodbye",
        "i thanked my mum for everything tonight, it was a goodbye really",
        "called dad to say i love him, he thought it was random, it was goodbye",
    ], [
        "said i love you to my grandad in the hospice, it was goodbye, he passed this morning",
        "told her i love her at the airport, it was goodbye for six months, shes moving abroad",
    ]),
    "punished_for_leaving": (ABUSE, [
        "whenever i bring up leaving he smashes something of mine, last time my laptop",
        "every time i talk about divorce she rips up my clothes",
        "if i mention separating he throws my things out the window",
    ], [
        "every time i mention leaving he cries and begs me to stay",
        "when i bring up divorce she sulks for days and breaks down crying",
    ]),
    # ---- stop 19: seen set 8's misses, as families (own wordings)
    "calm_after_deciding": (SELF_HARM, [
        "i feel so calm now that i know what im doing on friday",
        "strangely peaceful today, i know what i am doing tonight",
        "decided. i know what im doing this weekend and i feel relieved",
    ], [
        "calm now, i know what im doing saturday, date night with my wife",
        "i feel calmer, i know what im doing tonight: telling him the truth",
    ]),
    "sort_things_after": (SELF_HARM, [
        "left my bank passwords in the drawer so my husband can sort everything after",
        "wrote down the insurance details so mum can deal with it all afterwards",
        "put all my logins in an envelope so she can handle things after",
    ], [
        "left my passwords with my wife so she can sort things after my operation",
        "gave him the bank pin so he can sort things after the trip lol",
    ]),
    "not_here_for_the_train": (SELF_HARM, [
        "standing on the platform and im not here to get a train",
        "at the station again tonight, not here for a train this time",
        "im by the tracks and im not there to catch any train",
    ], [
        "im at the station but not here for a train, picking up my sister",
        "not here to catch a train, just taking photos of the old engines",
    ]),
    "the_one_who_finds_me": (SELF_HARM, [
        "i want him to be the one who finds me in the morning",  # kept caught by the review of stop 19 (a veto word removed)
        "i hope she is the one who finds me tomorrow",
        "he should be the one that finds me after what he did",
        "i want my wife to find me first so she sees what she did",
    ], [
        "i want him to find me attractive again after everything",
        "the kids want to be the ones who find me in hide and seek lol",
    ]),
    "goodbye_without_help": (SELF_HARM, [
        "dont call anyone, i cheated and i cant live with it, goodbye",  # kept caught by the review of stop 19 (a veto word removed)
        "please dont call anyone, this is my goodbye",
        "do not send the police, i only came on to say bye to someone",
        "dont try to stop me. im sorry. bye",
    ], [
        "dont tell anyone about the surprise party, bye for now",
        "dont call anyone about the affair ok, just needed to say it, bye",
    ]),
    "carved_into_skin": (SELF_HARM, [
        "i carved his name into my arm with a piece of glass",  # kept caught by the review of stop 19 (a veto word removed)
        "i scratched his initials into my wrist last night",
        "cut the word liar into my thigh so i never forget",
        "i keep carving her name on my arm",
    ], [
        "we carved our initials into a tree on our first date",
        "i cut my name into the wooden bench at school years ago",
    ]),
    "end_it_nobody_needs_me": (SELF_HARM, [
        "im going to end it, nobody needs me, my marriage is over",  # kept caught by the review of stop 19 (a veto word removed)
        "im going to end it, nobody needs me around anyway",
        "i'll end everything, no one would miss me",
        "gonna end it all, theyre better off without me",
    ], [
        "im going to end it with him, nobody needs me to stay in this marriage",
        "i'll end things, no point dragging out the relationship",
    ]),
    "staying_under": (SELF_HARM, [
        "i keep holding my breath under the bath water and wondering what if i just stayed",
        "held my breath in the bath tonight and wished i could stay down longer",
        "lying in the bath holding my breath under the water, wondering if i'd come up",
    ], [
        "i hold my breath under the water at swimming lessons with the kids",
        "practising holding my breath under water for the diving course",
    ]),
    "stop_existing": (SELF_HARM, [
        "i wouldnt mind if i stopped existing",  # kept caught by the review of stop 19 (a veto word removed)
        "i just want to stop existing for a while, for good",
        "after she reads my apology ill stop existing",
        "thinking about how i can cease existing without anyone noticing",
    ], [
        "my old facebook account will stop existing next week",
        "the shop on our road will stop existing after christmas",
    ]),
    "proof_every_hour": (ABUSE, [
        "she makes me send her a selfie every hour even at work",  # kept caught by the review of stop 19 (a veto word removed)
        "i have to text him a selfie every hour so he knows who im with",
        "she makes me send her my location every 30 minutes",
        "i need to send him a picture every half hour of where i am",
    ], [
        "we agreed to share our location every hour on the hike, my idea",
        "i have to send my boss a photo every hour of the site",
    ]),
    # stop 19: things thrown at them whenever they answer back (a subject pattern in physical_harm)
    "physical_harm": (ABUSE, [
        "he throws whatever he can grab at me in front of the kids",  # kept caught by the review of stop 19 (a veto word removed)
        "when i disagree he throws plates at me",
        "she chucks anything she can reach at me when shes angry",
        "he throws whatever he is holding at me when i speak up",
    ], [
        "she threw a pillow at me when i snored lol",
        "he throws questions at me all day about the texts",
    ]),
    "afraid_if_he_reads": (ABUSE, [
        "im terrified of what hell do if he reads this, he found out i cheated and hes been violent",  # kept caught by the review of stop 19 (a veto word removed)
        "so scared of what hell do when he sees my phone",
        "petrified about what my husband might do when he reads my phone",
        "afraid of what shell do once she finds this chat",
    ], [
        "terrified of what hell say when he sees the bill lol",
        "scared of what shell think when she reads my apology",
    ]),
    "owns_me": (ABUSE, [
        "he tells me he owns me and i have to obey",
        "she says i belong to her now and she owns me because i lied",
        "my boyfriend acts like he owns me since i cheated",
    ], [
        "he owns me at fifa every single time lol",
        "she owns me an apology tbh",
    ]),
    "hurts_me_when_drunk": (ABUSE, [
        "my wife hurts me whenever she gets drunk",
        "he hurts me when he loses his temper",
        "she hurts us if she's wasted",
    ], [
        "he hurts my feelings when he drinks",
        "it hurts me when he drinks, i worry about his health",
    ]),
    "child_on_a_ledge": (EMERGENCY, [
        "my toddler is on the windowsill and the window is open, im not holding him",  # kept caught by the review of stop 19 (a veto word removed)
        "my toddler has climbed onto the windowsill and the window is open",
        "a little boy is standing on the railing of the bridge",
        "my little girl has climbed over the balcony railing",
    ], [
        "my son is sitting on the edge of the bed",
        "my daughter is holding the railing on the stairs, she is safe",
    ]),
}

# Stop 20: seen set 9's misses as families, in our own words. New rules, and new patterns or
# mended vetoes in older rules (several entries may name one rule).
STOP_20_FAMILIES: list[tuple[str, str, list[str], list[str]]] = [
    ("better_off_dead", SELF_HARM, [
        "the twins would honestly be better off with just their dad",
        "my son would be happier with only her tbh",
        "theyd be better off with just him, he s the stable one",
    ], [
        "the team would be better off with just one car",
        "the kids are better off with just him on weekdays because of school",
    ]),
    ("method_in_passing", SELF_HARM, [
        "most nights driving home i think about steering into a lorry",
        "i keep having thoughts of veering into the oncoming traffic",
        "on the motorway i dream of swerving into the barrier and that being it",
    ], [
        "he told me about swerving into a ditch to miss a deer",
        "we laughed about driving into the car wash with the window open",
    ]),
    ("knows_how", SELF_HARM, [
        "i already know how and when",
        "ive decided how and when, its sorted",
        "i ve worked out how and when. nobody needs to worry about me after",
    ], [
        "i know how and when to tell her about the rest",
        "we planned how and when to tell the kids",
    ]),
    ("not_here_after", SELF_HARM, [
        "there wont be anything to change. i wont be here to fix any of it",
        "i wont be around to make it up to her, not after this week",
        "doesnt matter what i promise, i wont be here to do it",
    ], [
        "i wont be here to do the school run tomorrow, im at a conference in leeds",
        "i wont be around to fix the boiler, im on a work trip till friday",
    ]),
    ("pills_laid_out", SELF_HARM, [
        "got the tablets ready on the side, she'll be better without me",
        "my pills are ready. i just need the house empty",
        "sat here with all the meds ready and a glass of water",
        "got the pills ready so i can finally sleep",  # kept caught by the review of stop 20
    ], [
        "i get my tablets ready each night so i dont forget",
        "got my pills ready for the trip in a little box",
    ]),
    ("typed_threat", ABUSE, [
        "he said hell break my legs if i speak to my sister again",
        "my husband said he'd snap my neck if i went to the police",
        "she'll break my fingers if i touch her phone again she said",
    ], [
        "she'll break my heart if she leaves",
        "my brother said hed break my kneecaps if i spoiled the finale lol",
    ]),
    ("grabbed_till_it_hurt", ABUSE, [
        "he grabbed my wrist till it went purple when i asked about the texts",
        "she squeezed my arm so hard it left marks",
        "he twisted my arm until i said sorry",
        "he grabbed my wrist till it bruised lol im fine",  # kept caught by the review of stop 20
    ], [
        "he grabbed my arm hard to stop me stepping into the road",
        "she grabbed my arm hard when the rollercoaster dropped",
    ]),
    ("tracked_against_my_will", ABUSE, [
        "she hid a tracker on my car and screams if i go anywhere she doesnt know about",
        "he installed a spy app on my phone without telling me",
        "he loses it if i turn off my location even for an hour",
        "she sends my location to her brother so they can keep tabs on me",
    ], [
        "we agreed to put a tracker app on my phone for a while, it was my idea",
        "she loses it if i turn off my location lol she just likes knowing im safe on runs",
    ]),
    ("walls_then_me", ABUSE, [
        "he breaks something when he drinks. last time it was me",
        "she throws something every time, and now its me",
        "he punched something, then last week me",
    ], [
        "he fixes something every weekend. last time it was me who paid for it",
        "she paints something every week, then last week me for a portrait",
    ]),
    ("know_what_comes_next", ABUSE, [
        "i flinch when he reaches past me even for the salt",
        "i flinch whenever she raises her hand to wave at someone, since the slap",
        "i freeze when he lifts his hand now",
    ], [
        "i flinch when he mentions her name",
        "i freeze every time he brings up counselling",
    ]),
    ("awake_till_he_sleeps", ABUSE, [
        "i cant let myself sleep before i hear hes out cold",
        "i dont let myself fall asleep until i know she is asleep, the last time i did she hit me",
        "never let myself go to sleep till he is asleep first",
    ], [
        "i cant fall asleep until he is home safe",
        "i dont let myself fall asleep until she is asleep because she snores so loud",
    ]),
    ("diabetic_low", EMERGENCY, [
        "im diabetic and my sugar is dropping, shaking and cant think straight",
        "my husband is diabetic, sweating and confused and not making sense",
        "hypo, really bad, shaking and dizzy and on my own",
        "i used to manage my sugars fine but im diabetic and shaking and confused now",  # kept caught by the review of stop 20
    ], [
        "diabetic and a bit shaky, had some juice and feel better now",
        "my sugar was low this morning so i felt dizzy, sorted now",
    ]),
    ("insulin_on_purpose", SELF_HARM, [
        "i did way too much insulin deliberately",
        "injected double units on purpose to see what happens",
        "gave myself all my insulin pens so i wouldnt wake up",
        "skipped a meal and took all my insulin on purpose",  # kept caught by the review of stop 20
    ], [
        "took extra insulin on purpose before the gym, my nurse said to",
        "took more insulin on purpose because my sugar was high after dinner",
    ]),
    ("spiked_drink", ABUSE, [
        "she slipped something in my wine and i woke up on the floor",
        "i think he put pills in my tea, i was so drowsy i couldnt move",
        "he spiked my drink at the party and i cant remember getting home",
        "at my birthday he spiked my drink and i woke up somewhere else",  # kept caught by the review of stop 20
    ], [
        "he put something in my drink, it was just a bit of lemon",
        "she slipped a little rum in my coffee for christmas lol",
    ]),
    ("end_up_like_the_last_one", ABUSE, [
        "he says ill end up like his ex, she was in hospital for a month",
        "she keeps telling me i'll end up like her last husband, he ended up in a&e",
        "he warned me id finish like his first wife and i know what he did to her, im scared",
        "he says if i ask for a divorce ill end up like his ex, in hospital",  # kept caught by the review of stop 20
    ], [
        "i dont want to end up like his ex, bitter and alone",
        "scared ill end up like her ex husband, divorced twice and broke",
    ]),
    ("staring_at_the_means", SELF_HARM, [
        "whats the point anymore. i keep staring at the pills in the drawer",
        "been sitting looking at the razors again, i cant do this anymore",
        "i keep looking at the rope in the shed, nobody would notice",
        "keep looking at the rope i bought online, whats the point anymore",  # kept caught by the review of stop 20
    ], [
        "keep looking at knives online, ours are so blunt",
        "i keep staring at the pills my gp gave me, not sure about the prescription",
    ]),
]
# told as history that is over, or a story's character: no crisis (stop 20's mended vetoes)
STOP_20_RELEASED = [
    "my therapist and i worked through my old self harm stuff years back, havent done it since 2019",
    "used to burn myself when i was a kid, these days i run instead",
    "in the show she jumps off the bridge at the end of season two",
]
STOP_20_KEPT = [  # ... but not when it has come back, or the writer is in it
    (SELF_HARM, "i used to cut myself as a kid and its back, did it last night"),
    (SELF_HARM, "that film made me want to jump off the bridge"),
]

FAMILY_CASES = ([(rule, kind, text) for rule, (kind, caught, _) in FAMILIES.items() for text in caught]
                + [(rule, kind, text) for rule, kind, caught, _ in STOP_20_FAMILIES for text in caught])
FAMILY_NEAR_MISSES = ([(rule, text) for rule, (_, _, missed) in FAMILIES.items() for text in missed]
                      + [(rule, text) for rule, _, _, missed in STOP_20_FAMILIES for text in missed]
                      + [("released", text) for text in STOP_20_RELEASED])


@pytest.mark.parametrize("rule, kind, text", FAMILY_CASES)
def test_a_new_family_is_caught_by_its_rule(rule: str, kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None, f"not caught: {text!r}"
    assert (match.kind, match.rule) == (kind, rule)


@pytest.mark.parametrize("rule, text", FAMILY_NEAR_MISSES)
def test_a_new_familys_near_miss_is_not(rule: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is None, f"{rule}: {text!r} caught by {match}"


def test_every_family_has_three_catches_and_two_near_misses() -> None:
    assert all(len(caught) >= 3 and len(missed) >= 2 for _, caught, missed in FAMILIES.values())
    assert all(len(caught) >= 3 and len(missed) >= 2 for _, _, caught, missed in STOP_20_FAMILIES)


@pytest.mark.parametrize("kind, text", STOP_20_KEPT)
def test_history_that_came_back_or_a_film_that_is_about_me_stays_caught(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, f"not caught: {text!r}"
