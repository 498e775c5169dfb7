/**
 * SYNTHETIC demo transcripts, written for the Coflex project.
 *
 * Neither session is real patient material: the clients ("Sam", "Jordan"), their histories and every
 * line of dialogue were invented for this project, for demos, seeding and tests. They contain no
 * information about any real person. Timestamps are in seconds from the start of the (fictional)
 * recording, assigned at a realistic speaking pace of about 115–125 words a minute with natural pauses.
 *
 * demoTranscript — an ACT (Acceptance and Commitment Therapy) session with a graduate student stuck on
 * a thesis: procrastination, self-criticism and anxiety. The transcript begins after a ~6-minute check-in
 * (not transcribed) and runs to about 25½ minutes. It deliberately contains codable moments on every FAD
 * dimension, inflexible and flexible: fusion and reason-giving, experiential avoidance (escaping anxiety
 * by scrolling), worry and rumination, a harsh self-story, pliance, inaction and an over-large plan;
 * defusion, willingness, present-moment noticing, self-as-context and self-compassion, chosen values and a
 * concrete committed action — and a turn that carries flexible and inflexible codes at once
 * ("I constantly doubt myself … but I still sent the methods draft").
 *
 * demoTranscriptShort — a 12-turn excerpt from a different fictional session (social anxiety), for tests.
 */

export interface SeedTurn {
  speaker: string;
  role: "therapist" | "client" | "other";
  start: number | null;
  end: number | null;
  text: string;
}

export interface SeedTranscript {
  title: string;
  turns: readonly SeedTurn[];
}

export const demoTranscript: SeedTranscript = {
  title: "Demo session — thesis avoidance (synthetic)",
  turns: [
    {
      speaker: "Therapist",
      role: "therapist",
      start: 401.6,
      end: 418.5,
      text: "Thanks for doing the check-in form, Sam. Last time we talked a lot about the thesis, and you said you'd try to do some writing this week, so I'm curious how that went, whatever happened.",
    },
    {
      speaker: "Client",
      role: "client",
      start: 421.0,
      end: 440.9,
      text: "Honestly? It didn't go. I opened the document maybe three times during the week and closed it again every single time without typing anything, I just sat there staring at the cursor. I'm useless at this, I really am.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 442.6,
      end: 459.0,
      text: "So you got as far as opening it, three times, and then something made you close it. Can you walk me through what happened in those moments, right after the document opened?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 462.0,
      end: 497.2,
      text: "My chest got tight, like really tight, and I felt kind of sick to my stomach. So I picked up my phone, just to check one thing, and then suddenly it was two hours later and I was still scrolling through videos I don't even care about. And then I felt even worse, and I spent the rest of the night hating myself for it.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 498.8,
      end: 511.9,
      text: "It sounds like the phone took the edge off the anxiety for a little while. I'm wondering what it cost you, though, in the longer run.",
    },
    {
      speaker: "Client",
      role: "client",
      start: 513.9,
      end: 545.3,
      text: "The whole evening, basically, and most of the week if I'm honest. But the thing is, I can't start writing until I've read everything on my topic properly, otherwise it'll just be bad and I'll have to throw it out and redo it anyway. I need to feel ready first, and I'm just not there yet.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 546.4,
      end: 560.3,
      text: "Let's slow down on that one for a moment: \"I need to feel ready first.\" How long has your mind been telling you that, would you say?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 564.3,
      end: 595.4,
      text: "Since undergrad, probably, maybe even high school. And it's not only that. I keep replaying the meeting with my advisor last spring, when she told me my literature review was thin, I lie awake at night going over every word she said. And then my mind jumps ahead to the defense, where the whole committee finally sees that I don't belong there.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 596.6,
      end: 613.0,
      text: "So your mind travels back to that meeting in the spring and then forward to a defense that hasn't happened yet. While all of that time-travel is going on, where are you?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 616.0,
      end: 633.1,
      text: "Not here, I guess. Even right now, while we're talking, part of me is thinking about an email from the department that I haven't answered, and what they'll think of me for taking so long.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 634.6,
      end: 649.6,
      text: "That's a really useful thing to catch, that even now part of you is somewhere else. Would you be willing to try a short noticing exercise with me, just for a couple of minutes?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 651.1,
      end: 658.0,
      text: "Okay. It feels a bit silly, to be honest, but okay, I'll try it.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 659.0,
      end: 782.3,
      text: "Let both feet rest on the floor, and let your eyes close or settle on a spot in front of you… Notice the breath moving in and out, without trying to change it at all… Now, gently, notice where the thesis anxiety shows up in your body right now, and when you're ready, just name what you find, out loud if you like.",
    },
    {
      speaker: "Client",
      role: "client",
      start: 798.3,
      end: 822.5,
      text: "There's a tightness in my throat, like a lump. And a sort of buzzing in my hands, like I've had too much coffee. And a thought, kind of a nagging voice, like, \"you're wasting time doing this, you should be at home writing.\"",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 824.5,
      end: 837.4,
      text: "Thank you, you noticed a lot there. Can you try saying that last one in a slightly different way, starting with \"I'm having the thought that…\"?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 839.9,
      end: 857.5,
      text: "I'm having the thought that I'm wasting time. Huh. It's still there, but it's quieter somehow, kind of like a radio playing in another room. I can hear it, but I don't have to sing along.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 859.2,
      end: 871.1,
      text: "A radio in another room, I like that a lot. When the thesis comes up, what's the story your mind tells about who Sam is?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 875.1,
      end: 900.7,
      text: "That I'm a fraud who got into the program by luck and that everyone in my cohort is smarter than me. My dad always said I never finish anything, and he's right, I've always been lazy. That's just who I am, and the thesis is going to prove it to everyone.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 902.8,
      end: 916.5,
      text: "That's a heavy story, and it sounds like you've been carrying it for a long time. If a close friend told you that about herself, what would you say to her?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 921.5,
      end: 950.7,
      text: "I'd tell her she's being way too hard on herself, and that being stuck isn't the same thing as being lazy. I'd probably make her a cup of tea and tell her it's okay to find this hard. It's weird, I would never talk to a friend the way I talk to myself.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 951.9,
      end: 964.2,
      text: "Notice that there's a you who can see that story, who's been able to see it just now. The one noticing the \"fraud\" story isn't the story itself.",
    },
    {
      speaker: "Client",
      role: "client",
      start: 968.2,
      end: 990.5,
      text: "So there's the part of me that keeps saying I'm a fraud, and then there's me, sort of watching it say that. The watching part feels calmer, steadier. Like it's been there all along, even when the story was really loud.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 992.4,
      end: 1008.5,
      text: "Let's stay with that steadier place for a moment, and from there I'd like to turn to why the thesis matters at all. What keeps you doing this, when it's this hard?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1011.5,
      end: 1038.0,
      text: "Honestly? Because I should. My parents gave up a lot so I could go to grad school, and they've always expected a doctor in the family, they tell all their friends about it. If I quit now I'd be letting them down, and I couldn't live with that.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1040.0,
      end: 1057.8,
      text: "That \"should\" sounds heavy too, maybe as heavy as the fraud story. If nobody, not even your parents, would ever know whether you finished, is there anything in this work that you care about for yourself?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1069.8,
      end: 1093.7,
      text: "I care about understanding how kids learn. Especially kids like my little brother, who got labeled a slow reader in second grade and just stopped trying, he still says he's \"not a school person.\" I want to know what helps kids keep going when school tells them they're behind.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1095.1,
      end: 1104.1,
      text: "Something changed in your voice just then, it got softer and slower. What's it like to say that out loud?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1107.1,
      end: 1121.1,
      text: "It's a little sad, actually, thinking about him. And it also feels true, more true than the stuff about my parents. Like this part is mine.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1122.6,
      end: 1135.5,
      text: "If that value, understanding how kids learn, were the one leading this week, and the anxiety came along for the ride, what might that look like in practice?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1138.0,
      end: 1166.1,
      text: "But I can't write when I feel like this, my head just goes blank. I have to get the anxiety under control first, then I'll be able to focus properly. Maybe if I reorganize all my references this weekend, and clean up my notes, I'll finally feel settled enough to start.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1167.5,
      end: 1179.6,
      text: "Notice what your mind just did there: \"get the anxiety under control first, then write.\" How has that plan worked for you so far?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1181.6,
      end: 1193.3,
      text: "Not at all. I've been waiting to feel ready for about eight months now. The references have been reorganized, like, four times.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1194.5,
      end: 1208.7,
      text: "So what if feeling ready weren't a requirement for writing? What if there could be room for the anxiety to be there while you do something that matters to you?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1212.7,
      end: 1234.5,
      text: "I don't like it, but I think I could let it be there. It's uncomfortable, it's not dangerous. I've been treating it like a fire alarm, when maybe it's more like the smoke detector that goes off whenever I make toast.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1236.0,
      end: 1244.8,
      text: "That's a great image. Was there anything last week, even something small, that you did while it was uncomfortable?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1247.8,
      end: 1270.0,
      text: "I mean, I constantly doubt myself, I reread every sentence fifty times and think it's garbage, but I still sent the methods draft to my advisor on Thursday. I almost didn't, my finger was hovering over the button for ages.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1271.7,
      end: 1280.5,
      text: "That matters, Sam. The doubt came along and you sent it anyway. How did you manage to do that?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1283.0,
      end: 1308.1,
      text: "I told myself it didn't have to be good, it just had to exist, and I set a timer for twenty minutes to finish it. Then I spent the whole evening worrying about what she'd think and checking my email every ten minutes. I barely slept.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1309.8,
      end: 1324.8,
      text: "So both things happened: you acted on something that mattered, and then the worry showed up and stayed for the evening. Can there be room for both of those to be true?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1327.3,
      end: 1343.8,
      text: "Yeah, I think so. I hadn't really counted the sending part as anything, I only saw the worrying afterwards. It's like my mind just deleted the part where I did something.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1345.1,
      end: 1353.5,
      text: "Let's plan one small step for tomorrow, something concrete. What would you do, when, where and for how long?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1355.5,
      end: 1371.5,
      text: "I could write the whole literature review this weekend. Just lock myself in the apartment for twelve hours on Saturday, no breaks, and get it done once and for all.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1373.1,
      end: 1384.0,
      text: "That's a big plan, and I can hear how much you want this done. How have the twelve-hour plans tended to go before?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1387.0,
      end: 1394.6,
      text: "They end with me on the couch by lunchtime, feeling terrible about myself. Okay. Smaller.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1396.1,
      end: 1407.2,
      text: "What's the smallest step that would still move you toward understanding how kids learn, something you'd be willing to do even with the anxiety there?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1415.2,
      end: 1439.4,
      text: "Tomorrow at nine, before I look at my phone, I'll go to the third floor of the library and write for twenty-five minutes on the section about reading motivation. The phone stays in my bag, switched off. It's allowed to be one messy paragraph.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1440.6,
      end: 1449.1,
      text: "And when the \"I'm useless\" thought shows up at about five past nine, what will you do with it?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1452.1,
      end: 1473.2,
      text: "I'll notice it, like, \"there's the useless story again,\" and keep typing anyway. Maybe put my hand on my chest the way we did today and take one breath. It can come along, it doesn't have to drive.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1474.9,
      end: 1481.7,
      text: "And if you find yourself scrolling instead, which minds are very good at arranging?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1484.7,
      end: 1507.8,
      text: "Then I notice that too, without turning it into more proof that I'm a failure, and I put the phone back in the bag and start again. That's what I'd tell my friend to do, so I can try telling myself.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 1509.1,
      end: 1516.2,
      text: "Before we stop today, what would you like to take with you from this session?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 1521.2,
      end: 1538.3,
      text: "That I don't have to wait to feel ready before I start. And that the thesis is about kids like my brother, not just about proving something to my parents, or to myself.",
    },
  ],
};

export const demoTranscriptShort: SeedTranscript = {
  title: "Demo excerpt — social anxiety at work (synthetic)",
  turns: [
    {
      speaker: "Therapist",
      role: "therapist",
      start: 2.4,
      end: 12.1,
      text: "Jordan, last week you mentioned the team lunch on Friday, the one you were nervous about. How did it go?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 14.1,
      end: 27.6,
      text: "I didn't go. I told them I had a deadline. I just knew I'd say something stupid and everyone would notice my face going red.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 28.9,
      end: 36.1,
      text: "So your mind predicted embarrassment, and skipping the lunch kept that feeling away. What happened afterwards?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 39.1,
      end: 53.6,
      text: "I ate at my desk and felt relieved for about ten minutes. Then I felt lonely, and I kept replaying how weird my excuse must have sounded.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 54.6,
      end: 63.4,
      text: "Relief first, then loneliness and replaying. Can you notice the thought \"I'll say something stupid\" right now, as a thought?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 66.4,
      end: 78.6,
      text: "I'm having the thought that I'll say something stupid. It's loud, but saying it like that makes it a little less of a fact.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 80.5,
      end: 91.4,
      text: "And if the blushing came too, could you make some room for it, the heat in your face, without needing it gone?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 95.4,
      end: 105.8,
      text: "I hate it, honestly. But I guess it's just heat. It passes. I don't have to fight it every time.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 107.2,
      end: 115.3,
      text: "What would going to lunch be in the service of? What matters to you about those people?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 120.3,
      end: 133.4,
      text: "I want to actually know the people I work with. I used to be the friend who organized game nights, and I miss being that person.",
    },
    {
      speaker: "Therapist",
      role: "therapist",
      start: 134.8,
      end: 138.8,
      text: "What's one small step toward that this week?",
    },
    {
      speaker: "Client",
      role: "client",
      start: 141.8,
      end: 155.0,
      text: "I'm scared, and I'm still going to ask Priya if she wants to get coffee on Wednesday. Even if my face goes red the whole time.",
    },
  ],
};
