import { describe, expect, it } from 'vitest';
import { checkDraft, type Draft, type Policy } from '../index.ts';

const POLICY: Policy = {
  version: 1,
  competitors: [{ name: 'Northwind Apps', aliases: ['Northwind'] }, { name: 'Brightline' }],
};

const draft = (body: string, extra: Partial<Draft> = {}): Draft => ({
  subject: '',
  body,
  to: ['Kai Moreno <kai@customer.example>'],
  cc: [],
  bcc: [],
  ...extra,
});

function claims(body: string, policy: Policy = POLICY) {
  return checkDraft(draft(body), policy).findings.filter((f) => f.ruleId === 'competitor-fud/negative-claim');
}
const excerpts = (body: string) => claims(body).map((f) => f.excerpt);

describe('what a claim is about', () => {
  it('a competitor subject, possessive or noun modifier', () => {
    expect(excerpts('Northwind is cumbersome for admins.')).toEqual(['Northwind is cumbersome for admins']);
    expect(excerpts("Brightline's scheduler is sluggish on large rosters.")).toEqual([
      "Brightline's scheduler is sluggish on large rosters",
    ]);
    expect(excerpts('Most Brightline admins spend Fridays on manual reconciliation.')).toHaveLength(1);
  });

  it('a pronoun pointing back to the subject of the sentence before, or to an earlier clause', () => {
    expect(excerpts('Brightline handles small teams. Their audit log is rudimentary.')).toEqual([
      'Their audit log is rudimentary',
    ]);
    expect(excerpts('Brightline covers scheduling well, but their payroll module is immature.')).toEqual([
      'their payroll module is immature',
    ]);
    // The pronoun is the staff's, not the competitor's.
    expect(
      excerpts('Your staff ran Brightline for years, and they were frustrated by the old rota.'),
    ).toEqual([]);
  });

  it('a report or a judgement whose object is the competitor', () => {
    expect(excerpts('Clinics that left Brightline tell us it kept crashing at checkout.')).toEqual([
      'Clinics that left Brightline tell us it kept crashing at checkout',
    ]);
    expect(excerpts('Most managers find Northwind awkward on a phone.')).toHaveLength(1);
    expect(excerpts('We found Northwind easy to work with.')).toEqual([]);
  });

  it('hard-wrapped lines read as one sentence', () => {
    expect(excerpts('Brightline does fine for rotas, but their exports are\ncapped at one month.')).toEqual([
      'their exports are\ncapped at one month',
    ]);
  });

  it('a heading or lead-in naming the competitor passes its topic to the list items under it', () => {
    const body =
      'Where Brightline falls behind:\n\n- Clunky shift swaps\n- No payroll export\n- Good mobile app\n\nThanks,';
    expect(excerpts(body)).toEqual(['Brightline falls behind', 'Clunky shift swaps', 'No payroll export']);
    // A heading that names no competitor passes nothing on.
    expect(excerpts('What we fixed:\n- Clunky shift swaps\n- No payroll export')).toEqual([]);
    // A heading about our own work with them passes nothing on.
    expect(excerpts('Our Brightline connector:\n- Slow first sync\n- Manual field mapping')).toEqual([]);
    // Items that praise or remove a bad thing are no claim.
    expect(excerpts('Why Brightline?\n- Fewer scheduling errors\n- No per-seat fees')).toEqual([]);
  });

  it('a noun phrase the competitor qualifies, wherever it stands', () => {
    const [f] = claims('We clean up after sloppy Brightline rollouts every month.');
    expect(f?.excerpt).toBe('sloppy Brightline rollouts');
    expect(f?.suggestion).toBe('Brightline rollouts');
  });

  it('a comparison with the competitor as the standard', () => {
    const [unlike] = claims('Unlike Northwind, we keep every change in an audit trail.');
    expect(unlike?.suggestion).toBe('We keep every change in an audit trail');
    expect(excerpts('Our payroll runs three times as fast as Brightline.')).toHaveLength(1);
    expect(excerpts('Rostering costs 40% less vs Brightline.')).toHaveLength(1);
    expect(excerpts('We ship more connectors than Northwind.')).toEqual([
      'We ship more connectors than Northwind',
    ]);
    expect(excerpts("We'd rather hear your goals than talk about Brightline.")).toEqual([]);
    // A comparison in their favour is no claim against them.
    expect(excerpts('Brightline has a wider app marketplace than we do.')).toEqual([]);
  });
});

describe('what makes it negative', () => {
  it('a negated positive word or a negated capability', () => {
    expect(excerpts('Brightline is not mature enough for hospitals.')).toHaveLength(1);
    expect(excerpts("Northwind can't handle overnight shifts.")).toEqual([
      "Northwind can't handle overnight shifts",
    ]);
    expect(excerpts("Brightline doesn't integrate with payroll providers.")).toHaveLength(1);
  });

  it('not a negated negative, a reduced one, a condition, a question or a sourced statement', () => {
    expect(excerpts("Brightline isn't awful, just different.")).toEqual([]);
    expect(excerpts('Brightline helps reduce scheduling errors.')).toEqual([]);
    expect(excerpts('If Brightline ever feels sluggish, let me know.')).toEqual([]);
    expect(excerpts('Is Brightline sluggish for your team?')).toEqual([]);
    expect(excerpts('Per their status page, Brightline was degraded for two hours.')).toEqual([]);
    expect(excerpts('You told us Brightline felt clunky for your managers.')).toEqual([]);
    expect(excerpts('Brightline had an outage on Monday, which delayed the sync.')).toEqual([]);
  });

  it('not our own integration with them, nor a name that only shares a word', () => {
    expect(excerpts('The Brightline connector was sluggish, so we rebuilt it.')).toEqual([]);
    expect(excerpts('Northwind Apps Limited signed the renewal.')).toEqual([]);
    expect(excerpts('As a former Brightline admin, I know how painful migrations are.')).toEqual([]);
  });

  it('nothing when no competitor is named or the email is internal', () => {
    expect(excerpts('Some vendors are sluggish and clunky.')).toEqual([]);
    const internal = checkDraft(draft('Brightline is clunky.', { to: ['pat@ourco.example'] }), {
      ...POLICY,
      organization: { name: 'Ourco', internalDomains: ['ourco.example'] },
    }).findings.filter((f) => f.ruleId === 'competitor-fud/negative-claim');
    expect(internal).toEqual([]);
  });
});

describe('findings', () => {
  it('name the competitor, point at the claim and suggest a comparison on facts', () => {
    const body = 'Hi Kai,\n\nBrightline is fine for one site, but their reports are sluggish.\n';
    const [f] = claims(body);
    expect(f).toBeDefined();
    expect(body.slice(f!.start, f!.end)).toBe(f!.excerpt);
    expect(f!.message).toContain('Brightline');
    expect(f!.message).toContain('"sluggish"');
    expect(f!.suggestion).toBe(
      "we can show you how Brightline's reports and ours compare, feature by feature",
    );
    expect(f!.severity).toBe('block');
  });

  it('leave a sentence the phrase rule already flags to it, and honour phrases the policy removed', () => {
    const ids = (body: string, policy: Policy = POLICY) =>
      checkDraft(draft(body), policy).findings.map((f) => f.ruleId);
    expect(ids('Brightline is unreliable and sluggish.')).toEqual(['competitor-fud/disparaging-claim']);
    const removed: Policy = {
      ...POLICY,
      rules: { 'competitor-fud/disparaging-claim': { phrases: { remove: ['unreliable'] } } },
    };
    expect(ids('Brightline is unreliable.', removed)).toEqual([]);
  });
});
