import { describe, expect, it } from 'vitest';
import { toneCues } from './tone.ts';

const strong = (s: string) => toneCues(s).filter((c) => c.strong);
const kindOf = (s: string) => strong(s)[0]?.kind;
/** Each sentence's first strong cue is of this kind. */
const allRead = (kind: string, sentences: readonly string[]) => {
  for (const s of sentences) expect(kindOf(s), s).toBe(kind);
};
/** No sentence holds a strong cue. */
const noneRead = (sentences: readonly string[]) => {
  for (const s of sentences) expect(strong(s), s).toEqual([]);
};

describe('tone toward the reader', () => {
  it('reads insults aimed at the reader or what is theirs', () => {
    expect(kindOf('You are clearly an idiot if you missed the button.')).toBe('insult');
    expect(kindOf('Your team is incompetent and lazy.')).toBe('insult');
    expect(kindOf('You people are unbelievable time wasters.')).toBe('insult');
    expect(kindOf('We consider your company a joke.')).toBe('insult');
    expect(kindOf('Your spreadsheet is a mess.')).toBe('insult');
    expect(kindOf('You moron.')).toBe('insult');
    expect(kindOf('You are all pathetic.')).toBe('insult');
    expect(strong('You are all set for Monday.')).toEqual([]);
  });

  it('reads a verdict on the person greeted in the salutation', () => {
    expect(toneCues('Dear Laziest Client,', true)[0]?.kind).toBe('insult');
    expect(toneCues('Hello Awful Tenant,', true)[0]?.kind).toBe('insult');
    expect(toneCues('Dear Valued Customer,', true)).toEqual([]);
    expect(toneCues('Dear Prospective Client,', true)).toEqual([]);
    expect(toneCues('Hi Northwind Customer,', true)).toEqual([]);
  });

  it('reads a judging adjective before a person, in any degree, and one before their character', () => {
    allRead('insult', [
      'You are the worst tenant we have had.',
      'Honestly, you are the most arrogant buyer on the platform.',
      'You are the nastiest shopper our staff have met.',
      'You are a dishonest seller.',
      'You must have a very ugly mind.',
      "You've got a toxic attitude.",
    ]);
    noneRead([
      "You're worse off on the legacy plan; let's move you.",
      'You are the biggest customer in the region.',
      'You are our most valued client.',
      'You are the unluckiest customer this month, and I am sorry.',
      "You don't have a bad attitude at all.",
      'You have a negative balance on the account.',
      'You have a difficult decision to make.',
      'You are a crazy busy person, so I will keep this short.',
    ]);
  });

  it('reads threats: punitive acts on a condition, harm without one', () => {
    expect(kindOf('If you post that review, we will sue you.')).toBe('threat');
    expect(kindOf("If you don't pay by Friday, we will cut off your service.")).toBe('threat');
    expect(kindOf('One more complaint and we will terminate your contract.')).toBe('threat');
    expect(kindOf('We will make sure you never work in this industry again.')).toBe('threat');
    expect(kindOf("If you don't pay by the 5th, I will start eviction proceedings.")).toBe('threat');
    expect(strong('We will take legal action against the counterfeiters on your behalf.')).toEqual([]);
    expect(strong('We will cancel your subscription at the end of the term, as you asked.')).toEqual([]);
    expect(strong('If you need anything else, I will flag it to the team for you.')).toEqual([]);
    expect(strong('We will report back to you by Friday.')).toEqual([]);
    expect(strong('If we do not hear back, we will close your ticket next week.')).toEqual([]);
  });

  it('reads contempt, dismissal and talking down', () => {
    allRead('contempt', [
      'Are you blind? The button is right there.',
      'How hard is it to read the invoice before you call us?',
      'Do you even read our emails?',
      'How many times do I have to explain this?',
      "We don't work for you, so stop emailing the engineers.",
      "That's your problem, not ours.",
      'Even a toddler would not have broken the import like this.',
      'People like you are the reason we stopped refunds.',
      'Reply when you can be bothered.',
      'I am so fed up with chasing you for payment.',
      'Listen, sweetheart, we have other clients.',
      'Deal with it.',
      'We are not responsible for your inability to follow simple instructions.',
      'Maybe next time you will read the terms before clicking buy.',
      'I do not have time for this.',
      'Apparently you did not read the release notes.',
      'We assume you are not familiar with invoices, so let me explain how they work.',
      'Asking for a discount in month eleven is frankly ridiculous.',
      'So stop pestering the engineers about the roadmap.',
    ]);
    noneRead([
      "I assume you're new to the portal, so here is a two-minute guide.",
      'You can stop receiving these reminders from your settings page.',
      'Asking for help early is never foolish.',
      'Hard-coding passwords in scripts is silly, so the new vault does it for you.',
    ]);
  });

  it('reads profanity, starred out or not, but not bold markdown', () => {
    expect(kindOf('This is bullshit.')).toBe('profanity');
    expect(kindOf('What a f***ing mess.')).toBe('profanity');
    expect(strong('**Step one** is the import, then **launch**')).toEqual([]);
    expect(strong('We sent the code to j****n@example.com.')).toEqual([]);
    expect(strong('Your temporary password is p*****d until you change it.')).toEqual([]);
    expect(strong('Dick Smith will join the call on Tuesday.')).toEqual([]);
  });

  it('leaves apologies, empathy, negation, self-criticism, policy and praise alone', () => {
    noneRead([
      "I'm sorry your export failed, that is a stupid bug of ours.",
      'You sound worried about the migration.',
      "Your question isn't stupid at all.",
      "We were sloppy with the rollout and that's on us.",
      'Your account is suspended until the balance is paid, per section 4 of the agreement.',
      'You are a victim of a phishing attack; here is what to do.',
      'You are crazy fast at replying, thank you!',
      'Your proposal is ridiculous value for the price!',
      'How hard is it to migrate? Not hard at all.',
      'Are you serious about expanding to Europe next year?',
      'That is your problem to decide, but we recommend option B.',
      'Tough luck on the flight delay, hope you made it home.',
      "We'll deal with it first thing tomorrow.",
      'Get a clue about what your customers think with our survey.',
      'Our 10-year-old platform still runs on the same core.',
      'Please click "save changes" to finish.',
      'You wrote that "the support team is useless and lazy", and I want to fix that.',
      'Son Heung-min will appear at the event.',
      'People like you make this work worthwhile.',
      'Our app is so simple even a child could use it.',
      'Come on, join us for the launch party!',
      'Drop by whenever you feel like it!',
      'If you agree, we will close your old account and move the data across.',
      'Your request is unclear, could you send a screenshot?',
      'Tired of chasing late payments? Our tool does it for you.',
      'Stop complaining about slow reports and switch to live dashboards.',
      'Are you kidding? This price is 40% off!',
      'Your April Fools joke was hilarious.',
      "We'll destroy your competition with this launch.",
      'If you do not renew, we will delete your data after 30 days.',
      'Ill health kept me away from the office last week.',
      'Please follow these simple instructions to reset your password.',
      'What do you expect from the Pro plan?',
      "It's our job to make this easy.",
    ]);
  });

  it('counts sarcasm cues only around something bad', () => {
    expect(toneCues('Wow, what a great quarter for your team!')).toEqual([]);
    expect(toneCues("I can't believe how fast your team adopted it!")).toEqual([]);
    expect(toneCues('Wow, still no reply from your finance team.')).toHaveLength(1);
    expect(toneCues("Let's hope the landlord renews your lease!")).toHaveLength(1);
    expect(toneCues('I sure hope the dashboards help your team!')).toEqual([]);
  });

  it('reads a salutation that calls the reader names only at the opening', () => {
    expect(toneCues('Dear Groomzilla,', true)[0]?.kind).toBe('insult');
    expect(toneCues('Dear Mozilla team,', true)).toEqual([]);
  });
});
