import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSentence, quickAnalysis } from './nlp.ts';
import {
  detectKinds,
  detectLanguage,
  languageWords,
  detectSeverity,
  kindsOf,
  languageOf,
  pieceSignals,
  severityOf,
} from './signals.ts';

const kinds = (subject: string, body: string, attachments = '') =>
  detectKinds({
    subject,
    body,
    attachments,
    internalOnly: false,
    severity: detectSeverity(`${subject}\n${body}`),
  });

describe('email signals', () => {
  it('reads severity from Sev/P/S levels and incident wording, not from promises of none', () => {
    expect(detectSeverity('Re: Sev 1 - checkout')).toBe(1);
    expect(detectSeverity('Re: [P2] exports failing')).toBe(2);
    expect(detectSeverity('S1: payments')).toBe(1);
    expect(detectSeverity('The portal was down for all users this morning.')).toBe(1);
    expect(detectSeverity('There is no outage during the migration.')).toBeUndefined();
    expect(detectSeverity('Your data lives in an S3 bucket.')).toBeUndefined();
    expect(detectSeverity('Your exports were down for an hour overnight.')).toBe(1);
    expect(detectSeverity('Your backlog is down to 12 tickets.')).toBeUndefined();
  });

  it('tells proposals, support, onboarding, QBR and renewal emails apart', () => {
    expect(kinds('Proposal for 40 seats', 'Hi')[0]).toBe('proposal');
    expect(kinds('Re: P1 outage', 'Service is back.')[0]).toBe('support');
    expect(kinds('Your onboarding plan', 'Week 1: setup.')).toContain('onboarding');
    expect(kinds('Q3 business review', 'Your health score is 80.')).toContain('qbr');
    expect(kinds('Your renewal', 'The contract ends in June.')).toContain('renewal');
    expect(kinds('Quote from your CEO', 'Thanks for the quote.')).not.toContain('proposal');
    expect(kinds('Hello', 'Thanks for the call.')).toEqual(['other']);
  });

  it('detects the language from stop words, and calls short or mixed text English', () => {
    expect(
      detectLanguage(
        'Vielen Dank für das Gespräch. Wir haben die Unterlagen vorbereitet und schicken Ihnen die Details noch diese Woche.',
      ),
    ).toBe('de');
    expect(
      detectLanguage(
        "Merci pour votre message. L'export des commandes fonctionne à nouveau depuis ce matin pour vos magasins.",
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Thanks for the call. We will send the notes and the plan for the rollout with your team.',
      ),
    ).toBe('en');
    expect(detectLanguage('Danke!')).toBe('en');
  });

  it('does not read identifiers, web addresses or email addresses as words of a language', () => {
    // The letters between the digits of a hex token ("e", "e", "a", "c", "a") are Italian and Portuguese
    // stop words: three such tokens made this short English email Italian, and its English rules stopped.
    const hex = 'e657e163a7c7904a';
    const english = `Renewal plan CANARY-${hex}\nHi Dana,\nWe guarantee 100% uptime for the CANARY-${hex} rollout, as I already said.\nPlease confirm [CANARY-${hex} Name] before Friday.\nBest, Sam`;
    expect(detectLanguage(english)).toBe('en');
    expect(
      languageWords(`Ticket INC-${hex}, order 4e2a_e1 at https://x.example/e/a/o and e.a@o.example`),
    ).toEqual(['ticket', 'inc', 'order', 'at', 'and']);
    // Words with marks are still words, and a language is still told when identifiers are around it.
    expect(
      detectLanguage(
        `Merci pour votre message (ticket ${hex}). L'export des commandes fonctionne à nouveau depuis ce matin pour vos magasins.`,
      ),
    ).toBe('fr');
  });

  it('reads a megabyte without a space, or of address-like runs, in one pass', () => {
    // A pattern for addresses that looked for an "@" from every position took hours on a megabyte with no
    // space in it; the test's time limit is the guard.
    const run = 'ab'.repeat(1 << 19);
    expect(languageWords(run)).toEqual([run]);
    expect(languageWords(`${run}@`)).toEqual([]);
    expect(languageWords('a@'.repeat(1 << 19))).toEqual([]);
    expect(languageWords('w.w '.repeat(1 << 18))).toHaveLength(1 << 19);
    expect(detectLanguage(`${'xy'.repeat(1 << 19)} thanks for the call`)).toBe('en');
  });

  it('keeps an English email English whatever identifiers it carries', () => {
    const base =
      'Thanks for the call today. We will send the notes and the plan for the rollout with your team this week.';
    fc.assert(
      fc.property(
        fc.array(
          fc.stringMatching(/^[a-z0-9]{4,20}$/).filter((t) => /\d/.test(t)),
          { maxLength: 30 },
        ),
        (ids) => {
          expect(detectLanguage(`${base} ${ids.map((id) => `REF-${id}`).join(' ')}`)).toBe('en');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds dates and durations with compromise and with the word-list fallback', () => {
    for (const analyse of [analyseSentence, quickAnalysis]) {
      const text = 'It will be live by March 3 and fixed within 24 hours.';
      const found = analyse(text).dates.map((d) => text.slice(d.start, d.end));
      expect(found.some((d) => d.includes('March 3'))).toBe(true);
      expect(found.some((d) => d.includes('hours'))).toBe(true);
    }
    expect(analyseSentence('We will deliver it by 3/15.').dates.length).toBe(1);
  });
});

describe('signals read paragraph by paragraph', () => {
  const PARAGRAPHS = [
    'Thanks for the call on Tuesday.',
    'The portal was down for all users this morning.',
    'There is no outage during the migration.',
    'Re: [P2] exports failing since the update.',
    'Please find attached our proposal for the rollout.',
    'Our onboarding plan has three steps and a go-live date.',
    'Ahead of the renewal, here is the quarterly business review.',
    'We saw a partial outage in the EU region.',
    'Wir haben die Daten und bitte danke für die Geduld, das ist nicht schon erledigt.',
    'Nous avons les données et merci pour votre patience, ce sont des questions.',
    'Hola, gracias por su paciencia, los datos están en el informe y también las notas.',
    'The ticket is open until you confirm.',
  ];

  it('agree with reading the whole text at once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Follow-up', 'Re: outage', 'Proposal for Q3', 'Sev 1 - checkout', 'Unsere Daten'),
        fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', 'onboarding-plan.pdf', 'Q3 QBR.pptx', 'pricing proposal.pdf'),
        fc.boolean(),
        (subject, paragraphs, attachments, internalOnly) => {
          const body = paragraphs.join('\n\n');
          const whole = `${subject}\n${body}`;
          const pieces = paragraphs.map(pieceSignals);
          const subjectSignals = pieceSignals(subject);
          expect(languageOf([subjectSignals, ...pieces])).toBe(detectLanguage(whole));
          const severity = severityOf([subjectSignals, ...pieces]);
          expect(severity).toBe(detectSeverity(whole));
          expect(
            kindsOf({ subject, subjectSignals, body: pieces, attachments, internalOnly, severity }),
          ).toEqual(detectKinds({ subject, body, attachments, internalOnly, severity }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
