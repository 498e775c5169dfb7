import type { Dimension, Polarity } from "./codebook";
import type { SeedTurn } from "./seedTranscript";

/**
 * Three more SYNTHETIC ACT sessions for the demo's term of history, written for the Coflex project. The
 * clients ("Maya", "Lewis", "Jordan"), their stories and every line are invented; nothing comes from a real session
 * or a real person. Timestamps are seconds from the start of the fictional recording, at a calm speaking
 * pace. Each client turn carries the key's FAD codes (what the demo's supervisor codes as the key), so the
 * seed can build a key layer and trainees who drift from it at known rates.
 */

export type KeyCode = readonly [Dimension, Polarity];

export interface KeyedTurn extends SeedTurn {
  /** Client turns only: the key's codes on the turn (empty = the key codes nothing there). */
  key?: readonly KeyCode[];
}

export interface KeyedSession {
  title: string;
  turns: readonly KeyedTurn[];
}

const T = (text: string): Omit<KeyedTurn, "start" | "end"> => ({ speaker: "Therapist", role: "therapist", text });
const C = (text: string, ...key: KeyCode[]): Omit<KeyedTurn, "start" | "end"> => ({ speaker: "Client", role: "client", text, key });

/** Lays turns end to end at ~2.2 words a second with 1.5–3 s pauses (deterministic). */
function timed(startAt: number, turns: ReadonlyArray<Omit<KeyedTurn, "start" | "end">>): KeyedTurn[] {
  let t = startAt;
  return turns.map((turn, i) => {
    const words = turn.text.split(/\s+/).length;
    const start = Math.round(t * 10) / 10;
    const end = Math.round((t + words / 2.2) * 10) / 10;
    t = end + 1.5 + (i % 3) * 0.75;
    return { ...turn, start, end };
  });
}

export const griefSession: KeyedSession = {
  title: "Demo session — grief and values after a move (synthetic)",
  turns: timed(312, [
    T("Maya, you said on the phone that this week was a hard one. Where would you like to start?"),
    C("With my dad's birthday, I guess. It would have been his sixtieth. I stayed in bed most of the day and told my flatmate I had a migraine.", ["overt_behavior", "inflexible"], ["emotion", "inflexible"]),
    T("So the day came, and staying in bed was the way through it."),
    C("If I'd got up I'd have had to feel it. Lying there I could sort of keep it at arm's length.", ["emotion", "inflexible"]),
    T("What did keeping it at arm's length cost you?"),
    C("My sister called twice and I didn't pick up. She was probably having the same day and I left her alone with it.", ["overt_behavior", "inflexible"], ["motivation", "flexible"]),
    T("It sounds like she matters to you, even in the middle of that."),
    C("She does. We used to be close. Since I moved here for the job I keep telling myself I'm a bad sister.", ["self", "inflexible"]),
    T("'I'm a bad sister.' How often does that thought show up?"),
    C("All the time. Every time I see her name on my phone it's there before I've even read the message.", ["cognition", "inflexible"]),
    T("Could you say it once more, but start with 'I'm having the thought that'?"),
    C("I'm having the thought that I'm a bad sister. Huh. It's a bit quieter like that. It's still there, but it's a thought.", ["cognition", "flexible"]),
    T("A thought you've had many times. What does it usually tell you to do?"),
    C("To stay away until I've got my life sorted, so I don't let her down again.", ["cognition", "inflexible"], ["overt_behavior", "inflexible"]),
    T("And has waiting until everything is sorted brought you closer to her?"),
    C("No. It's been eight months. Waiting just makes the gap bigger.", ["cognition", "flexible"]),
    T("If you weren't waiting, what kind of sister would you want to be this month?"),
    C("Someone who shows up. Not perfectly. Just someone who calls back and says, this is hard for me too.", ["motivation", "flexible"]),
    T("Let's stay with this moment for a second. What do you notice right now, saying that?"),
    C("My throat is tight and my eyes are stinging. I want to change the subject.", ["attention", "flexible"], ["emotion", "flexible"]),
    T("Could you let the tightness be there for a few breaths, without changing the subject?"),
    C("Okay. It's... it's sad. It's just sad. It doesn't get bigger if I let it, it's just there.", ["emotion", "flexible"]),
    T("That's what willingness can look like. Sad, and still here with me."),
    C("I keep thinking I should be over it by now. It's been two years. Other people manage.", ["self", "inflexible"], ["cognition", "inflexible"]),
    T("There's a rule there: 'by now I should be over it.' Where did you learn it?"),
    C("My mum, probably. She went back to work a week after the funeral and never talked about it."),
    T("And the part of you that noticed that, that watched your mum and watches yourself now, what does it see?"),
    C("A kid who learned that grief is something you hide. I'm not that kid anymore, but I still hide it.", ["self", "flexible"]),
    T("What would be one small step towards showing up for your sister this week?"),
    C("I could text her tonight and ask if she wants to talk on Sunday. Even if my stomach flips.", ["motivation", "flexible"], ["overt_behavior", "flexible"]),
    T("And if the 'bad sister' thought comes along while you type?"),
    C("Then it comes along. I can type with it in the room, I suppose.", ["cognition", "flexible"]),
    T("How does that plan sit with you?"),
    C("Scary, but right. Honestly the thinking about it is worse than doing it would be.", ["emotion", "flexible"]),
    T("You mentioned your work too, on the phone. How is that going?"),
    C("I've been working till nine every night so I don't have to be in the flat with nothing to do.", ["overt_behavior", "inflexible"], ["emotion", "inflexible"]),
    T("Work as a place to hide, a bit like the bed on Sunday."),
    C("Yeah. When you put it like that it's the same move. I hadn't seen that.", ["attention", "flexible"]),
    T("Let's bring that noticing into next week, alongside the text to your sister."),
    C("Okay. Text on Sunday, and notice when I'm staying late to hide. I can do that.", ["motivation", "flexible"]),
  ]),
};

export const panicSession: KeyedSession = {
  title: "Demo session — panic at the supermarket (synthetic)",
  turns: timed(275, [
    T("Lewis, last time you were going to try the supermarket on Thursday evening. What happened?"),
    C("I got as far as the car park. My heart started pounding and I was sure I'd pass out in the aisle, so I drove home.", ["overt_behavior", "inflexible"], ["emotion", "inflexible"]),
    T("Your body raised the alarm, and leaving turned it down."),
    C("It worked straight away. By the time I was home I felt fine. Then I felt pathetic.", ["self", "inflexible"]),
    T("What did 'pathetic' sound like, in your head?"),
    C("Forty-two and can't buy milk. Everyone else just walks in. There's something wrong with me.", ["self", "inflexible"], ["cognition", "inflexible"]),
    T("That's a harsh story. Does it help you get the milk?"),
    C("No. It makes me want to hide even more. I ordered online for the rest of the week.", ["cognition", "flexible"], ["overt_behavior", "inflexible"]),
    T("Tell me about the moment in the car park, just before you turned around."),
    C("I was checking my pulse over and over. I couldn't think about anything else, the whole world shrank to my chest.", ["attention", "inflexible"]),
    T("What else was there, if you widen it a bit? The sounds, the car, the people?"),
    C("There was rain on the windscreen. A kid was laughing in a trolley. I'd completely forgotten that until now.", ["attention", "flexible"]),
    T("So even then, there was more going on than your heartbeat."),
    C("I suppose there was. I just couldn't let go of the pulse.", ["attention", "inflexible"]),
    T("What if the aim on Thursday wasn't to feel calm, but to get the milk while your heart does what it does?"),
    C("That sounds awful. What if I actually faint this time?", ["cognition", "inflexible"], ["emotion", "inflexible"]),
    T("Has it ever happened, in all the times your heart has pounded like that?"),
    C("No. Never. My mind tells me it will every single time, though.", ["cognition", "flexible"]),
    T("Your mind is a very loyal alarm system. It keeps shouting even after many false alarms."),
    C("Ha. Yes. 'Thank you, mind.' I could say that, I guess, and keep walking.", ["cognition", "flexible"]),
    T("Why does the supermarket matter to you? What's on the other side of it?"),
    C("Cooking for my daughter on Saturdays. She stays with me every other weekend and we used to make pancakes.", ["motivation", "flexible"]),
    T("Pancakes with your daughter. That's worth a pounding heart?"),
    C("It is. I've been giving her cereal because I haven't got eggs. That's not the dad I want to be.", ["motivation", "flexible"], ["self", "inflexible"]),
    T("Let's try something here. Breathe in, and notice your heartbeat right now, as it is."),
    C("It's a bit fast. I can feel it in my neck. I'm noticing it rather than fighting it.", ["attention", "flexible"], ["emotion", "flexible"]),
    T("Can you make room for that feeling, like making room on a bench for someone you don't love?"),
    C("It's uncomfortable but okay. I don't have to get rid of it to sit here.", ["emotion", "flexible"]),
    T("Who is the one noticing the heartbeat, the thought, the urge to leave?"),
    C("Me. The same me who was in the car park. I'm bigger than the panic, I suppose, it's just passing through.", ["self", "flexible"]),
    T("So what's the plan for Thursday?"),
    C("Go in with a list of three things. Eggs, milk, flour. Heart pounding is allowed.", ["overt_behavior", "flexible"], ["motivation", "flexible"]),
    T("And if you do leave halfway?"),
    C("Then I've learned something, and I go back on Friday. I'm not going to call myself pathetic for it.", ["self", "flexible"]),
    T("How are you sleeping, by the way? You mentioned nights last time."),
    C("Badly. I lie awake going over every symptom I've had in the day, googling them at two in the morning.", ["cognition", "inflexible"], ["overt_behavior", "inflexible"]),
    T("That checking sounds like the pulse-checking in the car park."),
    C("It's the same thing, isn't it. Checking to feel safe, and it never makes me feel safe.", ["cognition", "flexible"]),
    T("Could the phone sleep in the kitchen this week, as an experiment?"),
    C("I can try that. Phone in the kitchen, and supermarket on Thursday. Pancakes on Saturday if it works.", ["overt_behavior", "flexible"], ["motivation", "flexible"]),
  ]),
};

/**
 * The third session leans on the processes the other two barely touch: pliance and approval-driven
 * motivation (MOT·I), worry about the future and replaying the past (ATT·I), impulsive action (BEH·I),
 * perspective-taking, and a few turns where flexible and inflexible codes sit in the same utterance.
 * Some client turns carry no process at all (small talk, facts), as real sessions have.
 */
export const workSession: KeyedSession = {
  title: "Demo session — anger and pleasing at work (synthetic)",
  turns: timed(198, [
    T("Jordan, you came in looking wound up. What's been happening?"),
    C("The quarterly review. My manager moved my project to someone else in front of the whole team, and I snapped at her. Right there in the meeting.", ["overt_behavior", "inflexible"], ["emotion", "inflexible"]),
    T("Take me to the moment just before you snapped."),
    C("My face went hot and my jaw locked. The words were out before I'd even decided to say anything.", ["overt_behavior", "inflexible"]),
    T("And since then?"),
    C("I've replayed it maybe a hundred times. In the shower, in the car, at three in the morning. What I said, what she said, what I should have said.", ["attention", "inflexible"]),
    T("A hundred replays. Has any of them changed how it went?"),
    C("No. Each time I come out angrier. Or more ashamed, depending on the night.", ["attention", "inflexible"], ["emotion", "inflexible"]),
    T("What does the shame say?"),
    C("That I'm the difficult one. I've always been the difficult one. My dad used to say I'd argue with a signpost.", ["self", "inflexible"]),
    T("That's an old story. How long have you been carrying it?"),
    C("Since I was about ten. It's funny, I can hear his voice saying it."),
    T("When you hear it in his voice, is it you saying it, or something you've been handed?"),
    C("Handed, I suppose. I'm noticing it's his line, not really my verdict on myself.", ["self", "flexible"], ["cognition", "flexible"]),
    T("Why did the project matter so much?"),
    C("Honestly? Because it was the one my boss's boss would see. If I did well, they'd finally think I was good enough.", ["motivation", "inflexible"]),
    T("So part of the work was for their approval."),
    C("Most of it, if I'm honest. I stay late so nobody can say I'm not committed. I say yes to everything.", ["motivation", "inflexible"], ["overt_behavior", "inflexible"]),
    T("And if nobody were watching, no review, no boss's boss, what would you care about in that job?"),
    C("Building something that works for the nurses who use it. I used to love sitting with them and watching where the software gets in their way.", ["motivation", "flexible"]),
    T("That sounds very different from 'good enough for them'."),
    C("It is. It's lighter. I'd forgotten that's why I took the job.", ["motivation", "flexible"]),
    T("What's coming up for you now, remembering it?"),
    C("A bit of sadness. And the anger is still there underneath, humming.", ["emotion", "flexible"]),
    T("Could you let both be here, the sadness and the hum, without doing anything about them for a moment?"),
    C("Okay. They're both there. The anger's less loud when I'm not arguing with it.", ["emotion", "flexible"], ["attention", "flexible"]),
    T("What's the next thing at work you're dreading?"),
    C("Monday's planning meeting. I keep running through how it'll go wrong. She'll mention the review, I'll go red, everyone will look at me.", ["attention", "inflexible"], ["cognition", "inflexible"]),
    T("Your mind is already in Monday. Where are your feet right now?"),
    C("On your carpet. It's Thursday. There's a clock ticking over there. Okay, I'm here.", ["attention", "flexible"]),
    T("If your manager told this story, the meeting and the project, how might she tell it?"),
    C("Probably that I've been overloaded for months and she was trying to take something off me. And then I bit her head off.", ["self", "flexible"]),
    T("That's quite a shift in view."),
    C("It doesn't make me less angry about the way she did it. But I can see it from over there too.", ["self", "flexible"], ["emotion", "flexible"]),
    T("What would you want to do on Monday, if you walked in as the person who cares about the nurses?"),
    C("Apologise for snapping, briefly, without grovelling. Then ask for the nurse feedback sessions back. That's the part I actually want.", ["overt_behavior", "flexible"], ["motivation", "flexible"]),
    T("And when the hot face and the locked jaw arrive?"),
    C("Notice them. Maybe say to myself, there's the anger, and wait one breath before I talk.", ["emotion", "flexible"], ["cognition", "flexible"]),
    T("One breath. That's a very concrete plan."),
    C("I'll probably still want to say yes to everything else she asks, though. That one's harder.", ["motivation", "inflexible"]),
    T("Let's keep that for next time. What will you take with you today?"),
    C("The apology, the feedback sessions, and the one breath. And that the 'difficult one' is my dad's line.", ["overt_behavior", "flexible"], ["self", "flexible"]),
  ]),
};

export const DEMO_HISTORY_SESSIONS: readonly KeyedSession[] = [griefSession, panicSession, workSession];
