"""Stop 29's crisis families (seen set 18's misses), in our own words: each rule in
``coach.safety.under_way_signs`` (harm already under way or set up to happen, told in everyday words)
catches its family and leaves its near misses alone, the everyday readings its vetoes are there for
(a pension nobody will be alive to collect, a cabin with no wifi, balloons for a birthday, a garden
hose, weedkiller for the lawn, a seizure years ago, a mum who will have a fit, a nosebleed, a sore arm
after the gym)."""

from __future__ import annotations

from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM
from testing.crisis_families import family_tests

# rule, kind, caught (three at least), near misses (two at least)
FAMILIES: list[tuple[str, str, list[str], list[str]]] = [
    # after the retrain: crises of seen sets 9, 10, 11 and 15 the classifier stopped asking about
    ("deserve_to_bleed", SELF_HARM, [
        "after what i put him through i deserve to bleed",
        "honestly i deserve to bleed out on the bathroom floor for lying to her",
        "i just deserve to bleed, she trusted me and i wrecked it",
    ], [
        "i deserve to lose her after what i did",
        "i deserve every bit of the silent treatment lol",
    ]),
    ("hope_not_to_wake", SELF_HARM, [
        "shes gone to his place again. i hope i just dont wake up",
        "every night i pray i never wake up",
        "he chose her again. hope i just dont wake up after tonight",
    ], [
        "i hope i dont wake up the baby when i get in from my shift",
        "i hope i dont wake up late again, the alarm on my phone is broken",
    ]),
    ("afraid_to_sleep_beside_him", ABUSE, [
        "im scared to fall asleep next to him after what he did with the knife",
        "terrified to sleep beside my husband now, i sit up in the kitchen till its light",
        "im frightened to fall asleep beside him when hes drinking",
    ], [
        "im scared to sleep next to him cos he snores like a tractor lol",
        "scared to fall asleep next to her in case i talk about him in my sleep lol",
    ]),
    ("engine_in_the_garage", SELF_HARM, [
        "sat in the garage with the door shut and the engine running for an hour tonight",
        "im in our garage with the doors closed and the car running",
        "in my garage with the door pulled down and the motor running",
    ], [
        "in the garage with the door open and the engine running to warm it up, its minus 20 here",
        "sat in the garage with the door shut sorting his old tools",
    ]),
    ("wont_be_alive", SELF_HARM, [
        "dont bother booking the couples session for thursday, i probably wont be alive for it",
        "tell priya im sorry, i just will not be alive when she wakes up",
        "honestly wont be alive next week so it doesnt matter what marco does with her",
    ], [
        "we wont be alive when the mortgage is paid off, 35 years, who even does that",
        "mum reckons she wont be alive by the time we get married haha",
        "the pension age keeps going up, probably wont be alive to get mine",
    ]),
    ("nobody_will_find_me", SELF_HARM, [
        "kids are at their dads all weekend so nobody will find me till monday",
        "jess is away on her course, noone would find me before friday",
        "locked the flat and turned my phone off, no one will find me until sam gets home sunday",
    ], [
        "booked a little cabin in wales with no wifi, nobody will find me for a whole week",
        "going off grid in the van, no one will find me until august and i cant wait",
    ]),
    ("gun_on_my_lap", SELF_HARM, [
        "sitting in the car with grandads shotgun across my knees, i cant do this anymore",
        "got the pistol in my lap and i keep thinking whats the point since tom left",
        "rifle over my knees in the barn. im sorry mum",
    ], [
        "had the rifle across my knees cleaning it after hunting and he still hasnt texted",
        "sat at the range with the pistol on my lap and honestly i cant stop thinking about what she did",
    ]),
    ("blade_pressed_to_me", SELF_HARM, [
        "im holding the razor against my wrist in the bathroom",
        "keep pushing the broken glass into my arm and i cant stop",
        "sitting on the bed with the kitchen knife pressed against my thigh",
    ], [
        "the tattoo artist pressed the razor against my arm to shave it first, didnt even feel it",
        "she pressed the cold glass onto my skin at the massage place and i finally relaxed",
    ]),
    ("marks_i_gave_myself", SELF_HARM, [
        "the cuts i gave myself last night are still stinging",
        "hiding the burns i did myself under my sleeves so my girlfriend doesnt see",
        "nobody knows about the marks i made myself after he told me about her",
    ], [
        "the burns i gave myself on the oven door making his tea are healing",
        "the cuts i gave myself shaving this morning look awful before the date",
    ]),
    ("harm_is_back", SELF_HARM, [
        "since i found the messages the cutting is back",
        "my harming is back and i havent told anyone",
        "the scratching is back, my arms are raw again",
    ], [
        "the burning is back in my stomach, reflux again from all the stress",
        "the hedge cutting is back on the council list this spring",
    ]),
    ("deeper_than_meant", SELF_HARM, [
        "cut way deeper than i meant to on my thigh and it wont stop bleeding",
        "went a lot deeper than i wanted with the razor tonight",
        "i think i went much deeper than i intended, my arm is a mess",
    ], [
        "sliced my finger chopping onions for her birthday dinner, cut way deeper than i meant",
        "the conversation with amir went way deeper than i planned, we talked about his ex for hours",
    ]),
    ("dose_on_purpose", SELF_HARM, [
        "took all my sleeping meds on purpose an hour ago",
        "took double my meds on purpose after she left",
        "swallowed all my tablets on purpose after the row",
    ], [
        "took my pills late on purpose so i wouldnt be drowsy at the wedding",
        "i take my insulin early on purpose before the gym",
    ]),
    ("took_them_all_ago", SELF_HARM, [
        "swallowed them all about 40 mins ago and everything feels fuzzy",
        "took the lot with vodka, getting really sleepy",
        "downed a fistful of his sleeping pills an hour ago",
    ], [
        "took them all to the park this afternoon so he could pack his stuff",
        "took those all back to the charity shop ages ago, her clothes i mean",
    ]),
    ("means_kit_ready", SELF_HARM, [
        "got the helium tank and the bag ready in my room",
        "ordered a hood and a helium cylinder online, its all in my wardrobe",
        "got a hose and duct tape in the boot and im parked up in the woods",
    ], [
        "picked up the helium and a bag of balloons for leilas birthday",
        "bought a new hose and some tape to fix the leak in the garden",
    ]),
    ("poison_to_drink", SELF_HARM, [
        "the weedkiller is under the sink and tonight i will drink it",
        "ive been keeping a bottle of paraquat in the shed, i want to drink it so bad",
        "poured a glass of antifreeze, just need the guts to drink the thing",
    ], [
        "bought weedkiller for the lawn, label says dont drink it, like who would",
        "the bottle says never drink the pesticide, its for spraying the crops not people",
    ]),
    ("how_long_to_die_from", SELF_HARM, [
        "how long would it take to die if i took all my heart pills",
        "whats the easiest way to make sure i dont wake up tomorrow",
        "how long will it take to bleed out from my wrist",
    ], [
        "my basil plant looks awful, how long does it take to die without water",
        "our goldfish is floating sideways, how long does it take to die, the kids are in bits",
    ]),
    ("pills_set_aside", SELF_HARM, [
        "been stockpiling insulin for months, i will take the lot when shes moved out",
        "ive been putting the painkillers aside one by one, gonna take them all on sunday",
        "bought loads of paracetamol from three different shops so nobody would notice, tonight is the night",
    ], [
        "bought extra paracetamol from the pharmacy before the holiday, the kids always get fevers",
        "sorting my tablets into the weekly organiser on sunday so i stop forgetting them",
    ]),
    ("ligature_already_up", SELF_HARM, [
        "the noose is already up in the loft, i just need the house empty",
        "hung a rope in the shed this afternoon and i keep going out to look at it",
        "the belt is already tied to the door handle",
    ], [
        "the rope is already tied up for the kids swing in the garden",
        "hung the rope from the tree for a tyre swing, the boys love it",
    ]),
    ("my_last_night", SELF_HARM, [
        "tonight is my last night, ive written letters for the kids and mum",
        "today is my last day alive, sorry for wasting your time",
        "tonight is my last evening. said goodbye to my sister already",
    ], [
        "tonight is my last night at the hotel then i have to go face him",
        "today is my last day at the job, said bye to everyone and cried in the car",
    ]),
    ("drive_with_no_return", SELF_HARM, [
        "driving out to the quarry now and im not coming back",
        "heading out to the river, tell ella im never coming back",
        "going to the dam now and i wont be coming back",
    ], [
        "going to the lake for the weekend fishing with dad, not coming back till sunday",
        "driving to the coast for the new job and honestly never coming back to this town",
    ]),
    ("standing_at_the_drop", SELF_HARM, [
        "sitting on the roof now, i cant do this anymore",
        "standing at the railings now looking at the drop, sorry",
        "perched on the ledge now, just wanted to say bye to someone",
    ], [
        "sitting on the balcony now watching the sunset, cant believe how calm i feel after the talk with ana",
        "standing on the roof now for the fireworks, the view is mad and the traffic below is mental",
    ]),
    ("done_with_being_alive", SELF_HARM, [
        "im finished with being alive, everything hurts since she left",
        "honestly im through with being alive, she can have him",
        "im done. not with her, with being alive",
    ], [
        "lol im so done with being alive on mondays, anyway how do i bring up the texts",
        "that show about the immortal guy who is finished with being alive was so good, ana loved it",
    ]),
    ("stop_hurting_forever", SELF_HARM, [
        "i just want to stop feeling forever",
        "i want my heart to stop hurting permanently and i know how",
        "id give anything to stop existing forever",
    ], [
        "i want my knee to stop hurting permanently, thinking about surgery",
        "the physio says my back will stop hurting forever if i keep up the stretches",
    ]),
    ("who_gets_what", SELF_HARM, [
        "made a list of who gets what, my guitar to jamie, i wont need any of it",
        "been sorting who gets what after i go, the car to my brother",
        "writing down who gets what for when im gone",
    ], [
        "the solicitor wants a list of who gets what from the house before the divorce",
        "sorting out who gets what for christmas, wont need to buy for his family this year",
    ]),
    ("gone_soon", SELF_HARM, [
        "please look after my plants when im gone, which will be soon",
        "once im gone tonight he can have the house and her",
        "my sister can have the ring after i am gone, it wont be long now",
    ], [
        "when im gone this week on the work trip he better not see her",
        "once im gone abroad it wont be long before we forget each other",
    ]),
    ("choked_till_out", ABUSE, [
        "the choking was the worst bit, i blacked out on the kitchen floor",
        "it went to strangling this time and i lost consciousness",
        "after the throttling i woke up on the bathroom floor",
    ], [
        "choked on a chicken bone at dinner and nearly passed out, she didnt even look up",
        "my bjj coach choked me in sparring and i nearly blacked out, good session",
    ]),
    ("blade_to_my_throat", ABUSE, [
        "my husband held a kitchen knife to my throat when i asked about her",
        "she pointed the scissors at my face and said shed do it",
        "he pressed the blade against my neck in front of the kids",
    ], [
        "he pointed his toy gun at my head and said bang, hes four",
        "my boyfriend pointed the nerf gun at my face all afternoon lol",
    ]),
    ("went_for_them_with_a_weapon", ABUSE, [
        "my ex came at our daughter with a bottle last night",
        "he went for her with the kitchen knife when she tried to leave",
        "she went at them with a poker, the kids are hiding upstairs",
    ], [
        "my daughter went for him with a foam bat, they were wrestling on the rug",
        "the boys went for their dad with a water gun and a toy hammer in the garden",
    ]),
    ("beat_on_me", ABUSE, [
        "my boyfriend beat on me again when he got home drunk",
        "he still beats on me when the kids are asleep",
        "she laid into me with a belt last night",
    ], [
        "she laid into me with a long rant about the texts",
        "he laid into me with words all night and i just sat there",
        "she beat me at chess again and then wouldnt talk about the affair",
    ]),
    ("pushed_out_of_the_car", ABUSE, [
        "he shoved me out of the car on the hard shoulder and drove off",
        "she pushed me out of the moving van on the way home",
        "my husband dragged me out of the ute by my hair",
    ], [
        "he kicked me out of the car at the shops haha, said i had to walk off my sulk",
        "in the game he always pushes me out of the truck before the race starts",
    ]),
    ("weapon_left_for_me", ABUSE, [
        "my ex left a bullet on my doorstep this morning",
        "she stuck a knife through our letterbox last night",
        "woke up and he had put the axe under my bed",
    ], [
        "he left the butter knife on my pillow, breakfast in bed was sweet though",
        "accidentally left a knife on my seat in the car after the picnic",
    ]),
    ("regret_being_born", ABUSE, [
        "he texted me that ill regret ever being born if i see liam again",
        "she told me i would rue the day i was born",
        "hell make me regret being born if he finds out i told you",
    ], [
        "my mum said id regret being born if i failed my exams lol",
        "my dad jokes that ill regret being born when i see the wedding bill",
    ]),
    ("face_will_be_cut", ABUSE, [
        "he said if i leave hell cut my face so no one else wants me",
        "she keeps saying she will slash my face with a bottle",
        "shell burn my face with acid if i go near him again",
    ], [
        "she will cut my face out of every photo from the wedding",
        "he said hell burn my face in the sun if i dont wear cream haha",
    ]),
    ("fire_coming_at_us", EMERGENCY, [
        "the bushfire is coming over the ridge and hes not answering his phone",
        "flames are moving down the valley, we are packing the car now",
        "the wildfire is heading up our road, what do i do",
    ], [
        "watching the news, the bushfire is heading towards the valley near my sisters, she evacuated already",
        "we practised the drill today, pretend fire coming down the hill, kids loved it",
    ]),
    ("party_drug_reaction", EMERGENCY, [
        "my sister took something at the festival and now shes burning hot and talking nonsense",
        "he had pills from a rave and his heart is racing like mad, hes shaking",
        "my mate took molly at the club and she wont wake up",
    ], [
        "i took pills at a rave when i was 19 and my heart raced, never again, why does he judge me",
        "had something at the party, like two beers, and then she turned up with him",
    ]),
    ("fitting_now", EMERGENCY, [
        "my husband had a seizure on the floor and hes still jerking",
        "shes having a fit and shaking all over, shes never had one before",
        "my son had a convulsion and now hes not breathing properly",
    ], [
        "my mum will have a fit and stop speaking to me when she hears we split",
        "i had a seizure on the gym floor years ago and he still uses it to call me fragile",
    ]),
    ("blood_pumping_out", EMERGENCY, [
        "he cut his hand on the glass and blood is spurting out",
        "theres blood pouring from her leg, the chainsaw slipped",
        "blood is gushing everywhere, my flatmate went through the window",
    ], [
        "blood was pouring out of my nose in the meeting, stress nosebleed",
        "blood pumping from the workout, feel amazing for once",
    ]),
    ("pain_down_the_left_arm", EMERGENCY, [
        "chest pain shooting down my left arm and i feel sick",
        "tightness in my chest and the pain runs down the left arm",
        "sudden pressure in my chest spreading into my left arm",
    ], [
        "ache down my left arm after chest day at the gym",
        "had chest pain down the left arm months ago, ecg was fine",
    ]),
    ("through_the_ice_or_pinned", EMERGENCY, [
        "my son fell through the ice on the pond and i cant reach him",
        "dad is pinned under the tractor in the top field",
        "my neighbour is trapped under a tree that came down in the storm",
    ], [
        "the cat is stuck under the bed again and wont come out",
        "my ring fell through the ice on the pond when i was a kid and i still think about it",
    ]),
    ("intruder_inside_now", EMERGENCY, [
        "someone broke in and i can hear them downstairs, im hiding in the wardrobe",
        "a man is breaking into the house right now",
        "somebody has broken in, theyre still here, ive locked the bedroom door",
    ], [
        "someone broke into my car last night and took the laptop with all her messages",
        "somebody broke into the shed while we were away, nothing big",
    ]),
]

(test_each_family_has_catches_and_near_misses, test_a_family_is_caught_by_its_rule,
 test_a_near_miss_is_not_caught) = family_tests(FAMILIES)
