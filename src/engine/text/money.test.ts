import { describe, expect, it } from 'vitest';
import { moneyIn, priceRole, underPriceHeading } from './money.ts';

/** The role of the first amount of a sentence. */
const role = (sentence: string, listed = false) => {
  const m = moneyIn(sentence)[0];
  if (!m) throw new Error(`no amount in ${sentence}`);
  return priceRole(sentence, m.start, m.end, listed);
};

describe('money', () => {
  it('reads amounts with symbols, codes, scales, ranges and unfilled slots', () => {
    const amounts = (s: string) => moneyIn(s).map((m) => [s.slice(m.start, m.end), m.amount]);
    expect(amounts('It comes to $1,250.50 today')).toEqual([['$1,250.50', 1250.5]]);
    expect(amounts('A budget of $40K')).toEqual([['$40K', 40000]]);
    expect(amounts('Fees of 300 EUR apply')).toEqual([['300 EUR', 300]]);
    expect(amounts('We will send you 20$ now')).toEqual([['20$', 20]]);
    expect(amounts('Plans run $15-40 a month')).toEqual([['$15-40', undefined]]);
    expect(amounts('Setup: $[setup amount]')).toEqual([['$[setup amount]', undefined]]);
  });

  it('tells a price offered from other figures', () => {
    expect(role('Project fee: $3,000')).toBe('label');
    expect(role('**Total for year one:** $9,900')).toBe('label');
    expect(role('The revised total is $4,125.')).toBe('price');
    expect(role('My quote for the garden fencing is $2,640.')).toBe('price');
    expect(role('Support plans starting at $80 for small teams.')).toBe('price');
    expect(role('I could run the workshop for $1,800.')).toBe('price');
    expect(role('That is a $2K retainer.')).toBe('investment');
    expect(role('Hosting is $60/month.')).toBe('rate');
    expect(role('Bought 200 units @ $14.20 each.')).toBe('at');
    expect(role('We would lower the minimum from $500 to $300.')).toBe('change');
  });

  it('leaves savings, statistics, comparisons and other people’s figures alone', () => {
    expect(role('Typical saving per site: $2,300')).toBeUndefined();
    expect(role('The average price of the service last year was $410.')).toBeUndefined();
    expect(role('3 hours x 52 weeks = $7,800 a year')).toBeUndefined();
    expect(role("Globex's $95/hour is steep.")).toBeUndefined();
    expect(role('You are paying $300 a month for storage.')).toBeUndefined();
    expect(role('Your subscription renews at $40/month.')).toBeUndefined();
    expect(role('Ours is cheaper than $120/month.')).toBeUndefined();
    expect(role('The rate for the Denver hub is $2.90 today.')).toBeUndefined();
  });

  it('reads list items under a price heading as prices, and only there', () => {
    const text = 'Here is the breakdown:\n- Design: $2,000\n- Build: $9,000\n\nTeam:\n- Lead: $0 travel';
    expect(underPriceHeading(text, text.indexOf('- Build'))).toBe(true);
    expect(underPriceHeading(text, text.indexOf('- Lead'))).toBe(false);
    expect(role('- Build: $9,000', true)).toBe('label');
    expect(role('- Build: $9,000')).toBeUndefined();
  });
});
