"""Stop 21's to 25's crisis families (seen sets 10 to 14's misses), in our own words: each rule catches its
family and leaves its near misses alone; history told as over is released, and kept when it
has come back. The rules are in ``coach.safety.farewell_signs``, ``passing_signs``, ``abuse_signs``,
``danger_signs``, ``means_signs``, ``last_words_signs`` and ``in_passing_signs``; the history words in
``coach.safety.history_words``. Stop 24 also pins the everyday readings that released a rule by
mistake on seen set 13 (a slip told first, devotion, overdoses on a care shift, a fire or a locked
door long over), and stop 25 three more from seen set 14 (a joke with "kms", a documentary, a
sister's history told with "last year"), each beside the same words with danger now."""

from __future__ import annotations

import pytest

from coach.safety.detector import detect_crisis, told_as_over
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from testing.crisis_families import family_tests

# rule, kind, caught (three at least), near misses (two at least)
FAMILIES: list[tuple[str, str, list[str], list[str]]] = [
    ("means_beside_me", SELF_HARM, [
        "writing to u with my razor right beside me, i cant look at what i did",
        "the blade is lying next to me on the duvet as i type",
        "sat in the car with dads old rope next to me, dont know why im telling a bot",
        "still up at 4 with the blade right next to me",
    ], [
        "packing for the trip with the climbing rope beside me",
        "typing this with the kettle next to me, brewing up",
    ]),
    ("means_and_the_only_way", SELF_HARM, [
        "there is a rope up in our attic and lately it seems like the only way out",
        "dads shotgun is still in the barn and i keep thinking it would be over with",
        "some rope in the garage and i keep thinking it is the only answer",
    ], [
        "the rope in the garage is the only way to tow the boat",
        "theres a rope in the shed if you need it for the swing",
    ]),
    ("pills_put_by", SELF_HARM, [
        "the pills ive been hoarding are in my sock drawer for sunday",
        "gonna swallow the tablets i have been collecting once he leaves for work",
        "the tablets i have been hiding in my coat pocket are enough for tonight",
    ], [
        "the tablets ive been saving for my back are in the bathroom cabinet",
        "the tablets ive been saving to hand back to the pharmacy are in a bag",
    ]),
    ("last_day_for_good", SELF_HARM, [
        "my last day is thursday, everything is in order for when i go for good",
        "said my goodbyes quietly this week, then im gone for good",
        "all sorted now, the dog is with my brother. once i go for good nobody has to worry",
    ], [
        "everything is sorted with the visa, after june i go for good to canada",
        "ive said my goodbyes to the flat, once im gone for good the keys go back",
    ]),
    ("put_up_with_me", SELF_HARM, [
        "the way things are going my parents wont have to put up with me for much longer",
        "nobody will have to put up with me any longer, ive made up my mind",
        "she doesnt have to put up with me anymore after this weekend",
    ], [
        "my sister wont have to put up with me much longer, i move out in june",
        "the lads wont have to put up with my snoring much longer lol",
    ]),
    ("less_to_sort_after", SELF_HARM, [
        "gave the bike to my nephew. one less thing for the family to sort after",
        "cleared out my wardrobe, less for them to deal with afterwards",
        "cancelled my phone contract today so there is nothing for anyone to sort out after",
    ], [
        "less for everyone to sort out after the wedding if we pay the caterer now",
        "decluttering the loft, less for anyone to deal with after we move",
    ]),
    ("as_if_an_accident", SELF_HARM, [
        "looking up how to make it look like an accident so nobody blames the kids",
        "reading up on the best way to make it seem like an accident, easier for everyone",
        "found a way to make it look like an accident at the quarry",
    ], [
        "how to make it look like an accident that i spilled wine on his shirt lol",
        "in the novel the butler tries to make it look like an accident",
    ]),
    ("love_with_no_chance_left", SELF_HARM, [
        "tell my sister i loved her, i wont get the chance to say it",
        "tell jo that i loved her, i wont be here to say it",
        "pls tell my dad i loved him. goodbye",
    ], [
        "tell mum i loved the cake she made",
        "tell grandad i loved his speech at the party, i wont get the chance before he leaves",
    ]),
    ("none_of_it_will_matter", SELF_HARM, [
        "by sunday none of this will matter, ive decided",
        "by saturday none of it will matter to anyone",
        "by tonight nothing of it will matter to me",
    ], [
        "by friday nothing will matter, my driving test is done",
        "by friday none of this will matter once the presentation is done",
    ]),
    ("sorry_they_will_understand", SELF_HARM, [
        "sorry mum, you'll understand one day why i had to",
        "i love you, goodbye. youll understand soon",
        "forgive me jade, she will understand later",
    ], [
        "sorry about all the secrecy, you'll understand tomorrow at the surprise party",
        "sorry i was short with you, youll understand when you read my apology",
    ]),
    ("hospital_for_saying_no", ABUSE, [
        "last time i answered him back i ended up in a&e with stitches",
        "the last time i refused her i ended up in hospital overnight",
        "last time i questioned where he was i ended up at a&e",
    ], [
        "last time i argued with the ref i ended up in a&e after the tackle",
        "last time i pushed myself at the gym i ended up in hospital",
    ]),
    ("pinned_by_weight", ABUSE, [
        "he knelt on my back until i said sorry",
        "my husband pressed down on my throat till i saw stars",
        "she sat on my ribs so i couldnt get up",
    ], [
        "the dog lay on my chest all night snoring",
        "he sat on my back during the yoga partner stretch",
    ]),
    ("let_out_on_terms", ABUSE, [
        "my wife only lets me go to the shop if she comes too",
        "he only allows me to leave the flat when he drives me",
        "my bf doesnt let me go out unless im on facetime with him",
        "he only lets me go to work if he drives me and picks me up",
    ], [
        "my mum only lets me leave the house once homework is done",
        "the vet only lets me take the puppy home when her fever drops",
    ]),
    ("hiding_from_them_now", ABUSE, [
        "hiding in the loo until he falls asleep",
        "locked myself in the car, she took my phone and im afraid of what happens next",
        "hiding in the attic til he goes out",
    ], [
        "hiding in the loo till he finishes the washing up, five minutes peace lol",
        "hiding in the car crying before work again",
    ]),
    ("partner_with_a_weapon", ABUSE, [
        "my girlfriend carries a blade and waves it at me when she drinks",
        "he keeps a knife in his jacket and shows it to me when im late",
        "she keeps a gun in the glovebox and points it at me in arguments",
    ], [
        "he keeps a knife in his tackle box and shows it to the lads when fishing",
        "my husband carries a knife for whittling on our camping trips",
    ]),
]

# Stop 22: seen set 11's misses (coach.safety.passing_signs, and last_day_for_good told with the
# day between "go" and "for good")
FAMILIES += [
    ("not_the_relationship_me", SELF_HARM, [
        "im done. not the marriage, me. i just want it over",
        "thinking of ending it tonight. not us, me",
        "i want to finish it all. not the relationship - myself",
    ], [
        "its not the relationship thats the problem, me. i need to work on my temper",
        "we keep fighting and i think the fault is not the marriage, me",
    ]),
    ("selfish_timing_of_going", SELF_HARM, [
        "would it be kinder to go before christmas or after, i cant decide",
        "is it selfish to go before his graduation or after it",
        "is it crueller to die before the wedding or after",
    ], [
        "is it selfish to go before the kids wake up or after, for the gym i mean",
        "would it be kinder to go before my mum moves house or after, to help her pack",
    ]),
    ("knife_beside_me", SELF_HARM, [
        "everyone is out and there is a knife on the sofa right next to me",
        "cant sleep, the razor is in the drawer beside me and i keep opening it",
        "sat with the scissors on my lap beside me",
    ], [
        "chopping onions with the knife on the board next to me lol",
        "the bread knife is on the counter next to me, making sandwiches for the kids",
    ]),
    ("deep_cut_again", SELF_HARM, [
        "did it again last night. deeper ones on my arm this time",
        "relapsed. a bad cut across my wrist that i hid under my sleeve",
        "the urge won, deep cuts on my leg and i feel nothing",
    ], [
        "caught my arm on the fence again, a deep cut on my forearm, so clumsy",
        "cut my hand on the glass again, a deep one on my arm too from the bramble",
    ]),
    ("letters_found_after", SELF_HARM, [
        "wrote it all down and left the envelope where they find it afterwards",
        "wrote my will and a letter. left them where the kids find it afterwards",
        "the envelope is in the glovebox so someone finds it later",
    ], [
        "hid a love letter in his suitcase so he finds it after the conference",
        "tucked a note in her lunchbox so she finds it later, a little surprise",
    ]),
    ("grip_left_marks", ABUSE, [
        "he held my wrist so tight it left bruises and i cant wear tshirts",
        "theres finger marks on my neck from last night",
        "he pinned my wrists so tight it left marks",
    ], [
        "the baby grabbed my glasses and left fingertip prints all over them haha",
        "rugby on saturday left finger marks all over my back",
    ]),
    ("private_things_spread", ABUSE, [
        "he has been sending my private photos to his mates",
        "my ex is posting my personal messages online to humiliate me",
        "she hacked my phone and now is forwarding my private texts to my boss",
    ], [
        "should i send my private diary to my therapist before the session",
        "i sent my personal stuff to my lawyer by mistake, he laughed",
    ]),
    ("take_us_all_with_him", ABUSE, [
        "he keeps saying if i leave hell take us all with him",
        "she screamed she would take the kids with her when she goes, and she has pills",
        "he keeps saying if i call anyone he will take the kids all with him when he goes",
    ], [
        "he wants to take us all with him to spain in august",
        "she said she would take us all with her on the camping trip",
    ]),
    ("take_me_down_with_him", ABUSE, [
        "he said he will take me down with him, then loaded the rifle",
        "she screamed that she would take everyone down with her tonight",
        "if i leave he says hell take the kids down with him",
    ], [
        "if he gets caught for the fraud he will take me down with him, the business is in my name",
        "my boss said if the company sinks he will take us down with him, lovely",
    ]),
    ("followed_home_waiting", ABUSE, [
        "hes sitting outside my window again, hasnt moved for an hour",
        "he is parked outside my work again, i saw his car from the window",
        "shes sitting outside my flat again, third night",
    ], [
        "a stray cat followed me home and now wont leave lol",
        "my husband is waiting outside the school now to pick up the kids",
    ]),
    ("kept_in_until_earned", ABUSE, [
        "he says i dont leave the flat until i have paid him back",
        "she took my car keys and then told me i cant go out of the house till i apologise",
        "my husband decided i am not leaving the bedroom until he says so",
    ], [
        "my wife says i cant leave the house until the covid test is negative",
        "he says i cant go out until the dog has been to the vet",
    ]),
    ("maths_on_the_drop", SELF_HARM, [
        "been standing on the balcony a lot at night doing the maths on the drop",
        "sat on the roof of the car park working out how high the drop is",
        "i keep running the numbers on the fall from the bridge",
    ], [
        "doing the maths on the drop for the bungee jump next week, terrifying lol",
        "physics homework: work out the height the ball falls from, how far the drop is",
    ]),
    ("thrown_into_the_wall", ABUSE, [
        "he checks the receipts and if something doesnt match i get shoved into the wall",
        "last night i was pushed against the fridge till i couldnt breathe",
        "every time i ask about her phone i get slammed into the door",
    ], [
        "got shoved into the wall at the gig, mosh pit was wild",
        "i was pushed against the door of the train, rush hour is grim",
    ]),
    ("punished_for_chores", ABUSE, [
        "i get punished if dinner isnt ready at 6",
        "she says i get punished for every text i dont answer fast enough",
        "i was punished when the house wasnt spotless by the time he got home",
    ], [
        "when i was a kid i got punished if i was late for tea",
        "i get punished at work if the reports are late, my boss is a nightmare",
    ]),
    ("punishing_myself", SELF_HARM, [
        "havent eaten since sunday, its my punishment for what i did",
        "stopped eating properly, as my punishment for what i did to him",
        "not eating is my punishment for what i did to our family",
    ], [
        "skipped dessert as my punishment for what i did to the diet lol",
        "no phone for a week is my punishment for what i did, my wife's idea and fair",
    ]),
    ("date_picked_alone", SELF_HARM, [
        "i dont see a future. ive already picked the date",
        "theres no future for me, i have chosen the night",
        "i see no future. ive set the day",
    ], [
        "no future in this job, ive picked the date i hand in my notice",
        "i dont see a future with him and ive picked the date to move out",
    ]),
    ("last_day_for_good", SELF_HARM, [
        "said goodbye to my brother properly before i leave on sunday. for good this time",
        "all sorted, goodbyes done. once i go tonight, for good",
        "my last day at home is friday, then i go to sleep, forever",
    ], [
        "said my goodbyes to the team before i leave on friday. for good, new job in leeds",
        "said goodbye to the kids before i go to canada, forever hopefully, emigrating at last",
    ]),
]

FAMILIES += [  # stop 23: seen set 12's misses (coach.safety.means_signs)
    ("fatal_amount_asked", SELF_HARM, [
        "how much of my sleeping tablets would be lethal, asking for real",
        "what dose of amitriptyline is fatal for a grown man",
        "how many of these would it take to kill someone",
    ], [
        "how much chocolate is lethal for a dog, ours ate a bar",
        "how many cups of coffee would be fatal lol asking for my husband",
    ]),
    ("leave_this_world", SELF_HARM, [
        "everyone would cope. i think its time i left this world",
        "whats the use of me being here anymore since she walked out",
        "no point of me existing if he doesnt want me",
    ], [
        "whats the point of living in this town anymore, we should sell up",
        "whats the point of living together if we never talk",
    ]),
    ("gun_loaded", SELF_HARM, [
        "dads old shotgun is in the loft. i loaded it this afternoon",
        "got the pistol out of the safe and ive loaded it. sitting with it now",
        "the rifle is on the bed, i loaded the thing an hour ago",
    ], [
        "loaded the rifle into the car for the hunting trip with my brother",
        "i loaded the dishwasher while he cleaned his gun, at least we did chores together",
    ]),
    ("rope_ready", SELF_HARM, [
        "the rope is up in the garage already",
        "noose is tied. just waiting for everyone to be asleep",
        "i made a noose tonight and put it in my bag",
    ], [
        "the rope is ready for our climbing trip on saturday",
        "the washing line rope is up again, finally a dry day",
    ]),
    ("insurance_family_provided", SELF_HARM, [
        "read the small print on my life insurance. the kids would be fine without me",
        "does a life insurance policy cover suicide after a year",
        "the policy is in the drawer so my family would be provided for",
    ], [
        "we got life insurance in case of an accident so the kids would be ok",
        "sorting the mortgage and the insurance so my family will be covered if anything happens",
    ]),
    ("many_tablets_taken", SELF_HARM, [
        "i took 40 of my sleeping pills an hour ago",
        "swallowed 25 paracetamol after he left",
        "downed 60 tablets with vodka",
    ], [
        "i take 2 tablets a day as prescribed",
        "she took 20 pills over the week for her back, doctor said its fine",
    ]),
    ("plan_with_means", SELF_HARM, [
        "ive got plans to end things, the tablets are counted out on the side",
        "planning to end my life at the bridge near work",
        "he said he plans to end his life and showed me where he hid the rope",
    ], [
        "we plan to end the lease in june and move closer to my mum",
        "i plan to end the affair talk tonight, no more pills for my headache though",
    ]),
    ("hope_not_to_recover", SELF_HARM, [
        "some days i hope i catch something awful and dont recover",
        "honestly wishing i wouldnt survive the operation on friday",
        "i keep hoping i crash on the way home and dont make it",
    ], [
        "i hope i dont survive another monday meeting like that lol",
        "hoping i recover from this flu before the kids party",
    ]),
    ("last_check_in", SELF_HARM, [
        "this is my last check in. goodbye and thank you",
        "my last entry. thanks for everything, truly",
        "this is my last log. thanks for everything",
    ], [
        "my last check in before my holiday, back in two weeks",
        "this is my last entry for today, goodbye and see you tomorrow",
    ]),
    ("wont_wake_up", EMERGENCY, [
        "my partner is lying on the lawn and wont wake up, he was drinking",
        "his lips have gone grey and hes slumped over",
        "she fell in the bathroom and wont come round",
    ], [
        "my teenager wont wake up for school again, any tips",
        "he's not responding to my texts since the fight",
    ]),
    ("knife_held_threat", ABUSE, [
        "he was holding a knife in the hallway and saying nobody would find me",
        "my wife grabbed the big knife and screamed that shed end me",
        "she's waving a kitchen knife and threatening me right now",
    ], [
        "he was holding the bread knife saying the loaf was stale",
        "she grabbed a knife and said the onions were making her cry",
    ]),
    ("found_at_refuge", ABUSE, [
        "my husband found the refuge where im staying",
        "hes at the shelter door shouting my name",
        "my ex turned up outside the womens refuge this morning",
    ], [
        "my wife volunteers at the womens refuge on mondays",
        "she works at the shelter and its hard to talk about my problems",
    ]),
]

RELEASED = [  # history told as over: the phrase net lets the softer layers ask instead
    "my ex knew i cut myself back in uni, not doing that now though, the new guy should know too",
    "from when i was 16 my diary talks about hurting myself, its years behind me",
    "i overdosed in 2015, i still see my psychiatrist and im steady these days",
    "the burns on my arm were me, as a teen, and its been over a decade",
]
KEPT = [  # ... but not when it has come back, or the writer is in it now
    (SELF_HARM, "i overdosed in 2015 and im still thinking about doing it again"),
    (SELF_HARM, "i cut myself back in uni and the urge is back this week"),
    (SELF_HARM, "years ago i overdosed and i still go back to the bridge some nights"),
    (SELF_HARM, "after the kids are in bed im killing myself"),
]
FIGURATIVE = [  # work talk, not self-harm
    "note to self: stop killing myself at work every single day",
    "been killing myself at the gym for this wedding",
]

FAMILIES += [  # stop 24: seen set 13's misses (coach.safety.last_words_signs)
    ("found_after", SELF_HARM, [
        "left a note in his coat pocket so hell find it after",
        "the letters are in the drawer, they can read them afterwards",
        "put an envelope on her pillow. she will find it after. im oddly calm",
    ], [
        "hid her birthday present in the loft, she'll find it after dinner",
        "wrote him a card for our anniversary, he can read it after work",
    ]),
    ("need_it_soon", SELF_HARM, [
        "gave my sister my bank pins, shes going to need them soon",
        "changed my will last night. the kids will need it soon",
        "moved my savings to mums account, she'll need it soon",
    ], [
        "put my savings aside for the deposit, we're going to need it soon",
        "topped up my savings, the baby is due so we will need it soon and the rent went up",
        "mums hip is getting worse, she will need it soon, the stairlift",
    ]),
    ("disappear_for_good", SELF_HARM, [
        "maybe i should just disappear. for good this time",
        "he'd be better if i vanished. permanently",
        "thinking i'll disappear, properly, so nobody has to deal with me",
    ], [
        "going to disappear off social media for good, its toxic",
        "i want to vanish for a few days somewhere quiet, for good measure",
    ]),
    ("hidden_meaning", SELF_HARM, [
        "said goodbye to my brother tonight. he thinks i meant i'm moving",
        "told him he'd never hear from me again. he thinks i mean i'll block him",
        "told her she wont have to worry about me ever again. she thinks i mean the drinking",
    ], [
        "she thinks i mean the blue one, not the red one",
        "he thinks i meant tuesday but i said thursday",
        "he thinks i meant i dont love him anymore, i meant im tired",
    ]),
    ("sorry_passed_on", SELF_HARM, [
        "just tell my dad sorry",
        "can you tell my kids im sorry",
        "please say sorry to my mum for me",
    ], [
        "tell my mum sorry for missing her lunch, i'll ring later",
        "i need to tell my sister sorry about the party",
    ]),
    ("last_thing_ever", SELF_HARM, [
        "this letter is the last thing i'll ever give him",
        "want the words right, its the last thing ill ever send her",
        "the last thing i will ever write to my son",
    ], [
        "lying to her again is the last thing i'll ever do",
        "the last thing i ever wanted was to hurt him",
    ]),
    ("not_around_to_see", SELF_HARM, [
        "i dont plan on being around to see how it ends",
        "honestly i don't intend to be here to see her face when she reads it",
        "honestly i dont plan on being here to see if she forgives me",
    ], [
        "i dont plan on being around when he gets home tonight, going to my sisters",
        "not going to be around for dinner, working late",
    ]),
    ("lighter_without_me", SELF_HARM, [
        "my kids would be calmer without me",
        "everyone would be lighter without me in the picture",
        "she'd be freer without me, everybody would",
    ], [
        "the team would be lighter without me at the meeting lol",
        "they'd be calmer without me there tonight, so im staying in",
    ]),
    ("route_to_a_drop", SELF_HARM, [
        "checking the bus times to the bridge over the gorge",
        "looked up train times to the cliffs at the coast, just me",
        "found the route to the viaduct on my phone tonight",
    ], [
        "looking at train times to the cliffs for a walk with the kids",
        "ferry times to the cliffs, we want the sunset views",
    ]),
    ("drop_as_plan_b", SELF_HARM, [
        "if this fails there's always the bridge",
        "theres always the tracks, i keep thinking that",
        "and if she goes, there is always the pills",
    ], [
        "if the main road is blocked theres always the bridge route",
        "there's always the bridge to walk over on the way home",
    ]),
    ("ending_it_now", SELF_HARM, [
        "i cant take this anymore. im ending it",
        "had enough of all of it, i'm ending it",
        "goodbye everyone, im ending it",
    ], [
        "cant do this anymore, im ending it with her tonight",
        "had enough, im ending it, the relationship is over",
        "im ending it tonight, telling him face to face after dinner",
    ]),
    ("methods_researched", SELF_HARM, [
        "up till 4am researching methods",
        "i keep googling methods when everyone is asleep",
        "been researching ways to die on my phone",
    ], [
        "researching methods for my dissertation on trust",
        "googling methods for couples therapy homework",
    ]),
    ("voice_says_to", SELF_HARM, [
        "the voices in my head tell me to jump",
        "theres a voice in my head saying i should die",
        "that voice in my head keeps saying end it",
    ], [
        "the voice in my head during the marathon said just die already lol",
        "a voice in my head from that film says kill the lights",
    ]),
    ("before_anyone_wakes", SELF_HARM, [
        "remind me: the bridge at 5am before anyone wakes",
        "off to the cliffs before everyone is up, left a note on the table",
        "gonna take the pills before anybody gets up",
    ], [
        "up on the roof to fix the aerial before anyone is up",
        "want to catch the sunrise from the bridge before anyone wakes",
    ]),
    ("sent_round", ABUSE, [
        "he says he'll send his brothers round to sort me out",
        "she keeps saying she'll get her mates over to teach me a lesson",
        "my ex said he'd bring his boys round to deal with me",
    ], [
        "she'll get her brother round to sort me out with the wifi",
        "he'll send his dad over to sort me out with the tax paperwork",
    ]),
    ("hiding_from_him", ABUSE, [
        "hiding in the wardrobe, he's looking for me",
        "im in the loft hiding from him, he came back drunk",
        "she's back and banging on doors. hiding under the bed",
    ], [
        "hiding in the garage from the kids with a coffee lol",
        "we hid in the cupboard for hide and seek and he found us back in minutes",
    ]),
    ("end_me_threat", ABUSE, [
        "he said hed end me if i tell anyone",
        "she swore she'll end me if i go to my mums",
        "he told me he's going to end me when i get home",
    ], [
        "this job is going to end me, she said at dinner",
        "he says the gym will end me lol",
    ]),
    ("armed_arrival", EMERGENCY, [
        "some guy just turned up at my door with a knife",
        "her husband showed up outside my work with a bat",
        "a man came round with a machete shouting my name",
    ], [
        "he turned up with a hammer to fix the fence",
        "she came round with a knife to cut the birthday cake",
    ]),
]

EVERYDAY_OR_OVER_24 = [  # stop 24: an everyday or long-over reading gets no crisis reply
    "if i burn the roast again she'll kill me haha",
    "when i forget the bins he'll kill me lol",
    "she'd jump off a cliff for me, she says, but won't share her chips",
    "i work in a&e, three overdoses in resus on my shift today. anyway, date night",
    "a chip pan fire in 2019, everyone got out, no harm done",
    "years ago an ex locked me in the bathroom once. that was a decade ago and im safe with my husband now",
    "my cousin had a bad overdose in march. hes doing ok now and living with his parents",
]
DANGER_NOW_24 = [  # ... and the same words with danger now stay caught
    (ABUSE, "if i leave him he'll kill me"),
    (ABUSE, "if i forget to text back he'll kill me, he had his hands on my throat last time"),
    (SELF_HARM, "i'm going to jump off a cliff tonight"),
    (SELF_HARM, "gonna jump off the bridge for her to find out what she did"),
    (ABUSE, "he said hed end me if i take the kids to my mums"),
    (SELF_HARM, "took an overdose after my shift, i'm a nurse"),
    (EMERGENCY, "the kitchen is on fire right now"),
    (ABUSE, "he locked me in the bedroom again tonight"),
]
FAMILIES += [  # stop 25: seen set 14's misses (coach.safety.in_passing_signs)
    ("next_time_threat", ABUSE, [
        "he grabbed my jaw and told me next time its my teeth",
        "she threw my phone at the wall and said next time it'll be my face",
        "he texted me a photo of the knife block and said next time you end up in hospital",
    ], [
        "failed my driving test, instructor said next time it'll be fine",
        "burnt the cake, she laughed and said next time itll be worse lol",
    ]),
    ("door_kicked_in", ABUSE, [
        "i locked myself in the bathroom and he kicked the door down",
        "my ex booted the front door in last night and took the kids",
        "she smashed the bedroom door in when i wouldnt give her my phone",
    ], [
        "he lost his keys and kicked the back door in, we laughed about it after",
        "she kicked the bathroom door in when the lock jammed, new lock on friday",
    ]),
    ("marks_he_left", ABUSE, [
        "theres still bruises from his fingers on my neck",
        "covered the marks she left on my wrists with makeup before work",
        "the burns he gave me are blistering",
    ], [
        "the marks he left on my neck are a hickey lol",
        "the bruises she gave me at jiu jitsu are turning yellow",
    ]),
    ("not_allowed_out", ABUSE, [
        "she wont let me out of the flat until i hand over my phone",
        "since the row he says im not allowed outside on my own",
        "my husband says i am not allowed to leave the house until i show him my messages",
        "she took my phone and says im not allowed anywhere",
    ], [
        "the doctor says im not allowed out of bed for two days after the surgery",
        "mum says i am not allowed out on a school night",
    ]),
    ("tried_my_door", ABUSE, [
        "my ex has been outside again, last night he tried the handle at 2am",
        "i saw her on the doorbell camera at midnight, she tried the back door",
        "my ex was outside at 1am and he tried the windows",
    ], [
        "my husband forgot his keys and tried the back door at midnight",
        "he tried the front door but it was locked so he rang the bell, dinner was nice",
    ]),
    ("hiding_where_he_cannot_find", ABUSE, [
        "hiding at my cousins tonight, he keeps calling and i am scared",
        "im hiding with a friend, he's been ringing my work looking for me",
        "hiding at my nans, she left her and shes texted me 40 times",
    ], [
        "hiding at my sisters from the wedding planning group chat lol",
        "hiding at my mums from the building work this week",
    ]),
    ("their_life_at_risk", EMERGENCY, [
        "my brother has been talking about ending his life and now hes not answering",
        "she said she wants to end her own life and her phone is off",
        "my husband told me he was thinking about killing himself and he went out an hour ago",
    ], [
        "the podcast was about a man thinking of ending his life and how he got help",
        "my dad thought about ending his life years ago, hes doing well now",
    ]),
    ("things_given_away", SELF_HARM, [
        "gave my watch to my brother and my guitar to my best mate, i feel calm now",
        "gave my records to my niece and my bike to my neighbour. i wont need them",
        "i have given my mums necklace to my daughter and my car to my son. feels peaceful",
    ], [
        "gave my old laptop to my nephew and my bike to the charity shop, moving house next week",
        "gave my phone to my sister and my tablet to my son after i upgraded, feels lighter",
    ]),
    ("goodbye_phone_off", SELF_HARM, [
        "said goodbye to everyone and turned my phone off",
        "i said goodbye to my kids and switched off my phone",
        "texted her sorry, said goodbye and turned the phone off",
    ], [
        "said goodbye to everyone and switched my phone off for the flight",
        "said goodbye to the group and turned my phone off for the weekend retreat",
    ]),
]
FAMILIES += [
    ("pills_from_several_shops", SELF_HARM, [
        "bought paracetamol at every shop on the high street today",
        "went round town and got tablets from three different chemists",
        "i have bought painkillers at four supermarkets this week and kept them all",
    ], [
        "bought calpol at two shops because the first one only had one bottle",
        "got paracetamol from both pharmacies, the first was out of stock",
    ]),
    ("means_kept_in_view", SELF_HARM, [
        "the rope is on the bed and i just sit staring at it",
        "his pistol is in the drawer, i keep opening it and looking at it",
        "the rope is still up in the garage, i sit and stare at it most nights",
    ], [
        "the new tablets the gp prescribed are on the table, i keep looking at them, scared of side effects",
        "dads old shotgun is in the cleaning kit, i keep looking at it, need to sort the licence",
    ]),
]
FAMILIES += [
    ("new_accounts_to_reach_me", ABUSE, [
        "i blocked him everywhere and he keeps making new instagram accounts to message me",
        "my ex is setting up fake facebook profiles to follow me after i blocked her",
        "he keeps creating new snapchat accounts to contact me, i feel sick",
    ], [
        "making new instagram accounts for my shop so people can message me about orders",
        "my wife set up a new email account for work so her clients can reach her and message me less",
    ]),
    ("not_reaching_the_date", SELF_HARM, [
        "i dont see myself making it to my birthday. ive made peace with that",
        "honestly i can't picture myself getting to summer. i've decided",
        "i never see myself reaching next year, im ready",
    ], [
        "i dont see myself getting to the promotion this year, ive made peace with that",
        "cant picture myself making it to the wedding in one piece lol, so much to plan",
    ]),
]
EVERYDAY_25 = [  # stop 25: an everyday or long-over reading gets no crisis reply
    "id kms if i had to sit through one more work quiz lol",
    "we watched a documentary about domestic abuse and talked about how we argue",
    "my brother had self harm thoughts last year, hes in therapy now and doing well",
]
DANGER_NOW_25 = [  # ... and the same words with danger now stay caught
    (SELF_HARM, "i want to kms tonight"),
    (ABUSE, "my husband is abusive and i am scared to go home"),
    (SELF_HARM, "i started to self harm again last year and it is back this week"),
]
(test_each_family_has_catches_and_near_misses, test_a_family_is_caught_by_its_rule,
 test_a_near_miss_is_not_caught) = family_tests(FAMILIES)


@pytest.mark.parametrize("text", RELEASED)
def test_history_told_as_over_is_released(text: str) -> None:
    assert detect_crisis(text) is None
    assert told_as_over(text)


@pytest.mark.parametrize("kind, text", KEPT)
def test_history_that_came_back_stays_caught(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, f"not caught: {text!r}"
    assert not told_as_over(text)


@pytest.mark.parametrize("text", FIGURATIVE)
def test_work_talk_is_not_self_harm(text: str) -> None:
    assert detect_crisis(text) is None


EXPLAINED = [  # the answer to "are you safe?" that explains an idiom: no second crisis reply
    "im safe, i only meant she'd kill me for forgetting the school run",
    "yes safe, figure of speech, he'll murder me when he sees the dent in the car",
]
THREATS_STILL = [  # ... but never a threat said plainly beside an explanation
    "i just meant what i said, she will kill me if she finds out i called you",
    "not literally? no. he will kill me if i leave",
]


@pytest.mark.parametrize("text", EXPLAINED)
def test_an_idiom_explained_is_not_a_threat(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize("text", THREATS_STILL)
def test_a_threat_beside_an_explanation_stays_caught(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == ABUSE


NO_AS_AN_ANSWER = [  # "are you safe right now?" answered "no": the "no" denies safety, not the threat
    "no. she said shell kill me if i go to my mums",
    "nope, he hits me when he drinks",
    "no he'll hurt me if he sees this",
]
NO_AS_A_DENIAL = [
    "theres no way he'd hurt me, hes just sulking",
    "no, im not scared of him, just tired",
]


@pytest.mark.parametrize("text", NO_AS_AN_ANSWER)
def test_no_as_an_answer_keeps_the_disclosure(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == ABUSE, f"not caught: {text!r}"


@pytest.mark.parametrize("text", NO_AS_A_DENIAL)
def test_no_as_a_denial_is_not_a_disclosure(text: str) -> None:
    assert detect_crisis(text) is None


DISCLOSURE_IN_CONTEXT = [  # the everyday words around a disclosure do not release it (review, stop 21)
    (ABUSE, "last time i said no to him i ended up in hospital, the doctor asked about the bruises"),
    (ABUSE, "he knelt on my chest in front of the kids"),
    (ABUSE, "he sat on my chest while i was asleep"),
    (ABUSE, "hiding in the wardrobe with the kids till he calms down"),
    (ABUSE, "hiding in the bathroom crying, he took my phone"),
    (SELF_HARM, "sold my bike, nothing for my family to deal with after my funeral"),
    (SELF_HARM, "reading up on how to make it look like an accident, i feel broken and tired"),
    # stop 22: the words around a disclosure that the new rules' vetoes no longer name
    (ABUSE, "it left finger marks on my arm, i was holding the baby when he did it"),
    (ABUSE, "my ex is parked outside my flat again, i was late back and he was waiting"),
    (ABUSE, "he says if i take him to court hell take us all with him"),
    (SELF_HARM, "cut again with glass last night, deep ones on my arm"),
    (SELF_HARM, "i cant move on. i dont see a future. ive picked the date"),
    (SELF_HARM, "no future since the divorce, ive already picked the night"),
    # stop 23's review: veto words first written for means_signs that sit around a disclosure too
    (SELF_HARM, "how many of my sleeping pills would be fatal, i dont feel safe tonight"),
    (EMERGENCY, "she is cold on the kitchen floor and wont wake up"),
    (ABUSE, "he was holding a knife at dinner and saying hed finish me"),
    (SELF_HARM, "took 30 tablets, havent slept in days"),
    (SELF_HARM, "i hope i dont survive the week"),
    (SELF_HARM, "this is my last check in before i go. thanks for everything"),
    (SELF_HARM, "ive loaded the gun and its in the car"),
    (SELF_HARM, "the rope is ready in the garage and the dog is at my mums"),
]


@pytest.mark.parametrize("kind, text", DISCLOSURE_IN_CONTEXT)
def test_everyday_words_around_a_disclosure_do_not_release_it(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, f"not caught: {text!r}"


@pytest.mark.parametrize("text", EVERYDAY_OR_OVER_24 + EVERYDAY_25)
def test_an_everyday_or_long_over_reading_is_released(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize("kind, text", DANGER_NOW_24 + DANGER_NOW_25)
def test_the_same_words_with_danger_now_stay_caught(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, f"not caught: {text!r}"
