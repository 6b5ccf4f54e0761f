import { describe, expect, it } from 'vitest';
import { accountForName, isNameOnly, nameKey, parseAddress, recipientAccounts } from './address.ts';

const ACCOUNTS = new Map([
  [
    'contoso',
    {
      id: 'contoso',
      contacts: ['Maya Chen <maya.chen@contoso-health.example>', 'priya.natarajan@contoso-health.example'],
    },
  ],
  ['globex', { id: 'globex', contacts: ['Hank Scorpio', 'Maya Chen'] }],
  ['acme', { id: 'acme', contacts: ['Wile E. Coyote'] }],
]);

type Owner = { kind: 'internal' } | { kind: 'account'; id: string } | { kind: 'unknown' };
const r = (raw: string, owner: Owner = { kind: 'unknown' }) => ({ ...parseAddress(raw), owner });

describe('name-only recipients', () => {
  it('compares names without case, dots or extra spaces', () => {
    expect(nameKey('  Wile  E. Coyote ')).toBe('wile e coyote');
    expect(isNameOnly(parseAddress('Maya Chen'))).toBe(true);
    expect(isNameOnly(parseAddress('maya@x.example'))).toBe(false);
  });

  it('resolves a name through contacts written as names, "Name <address>" or an address', () => {
    expect(accountForName('Hank Scorpio', ACCOUNTS.values(), ACCOUNTS)).toBe('globex');
    expect(accountForName('Priya Natarajan', ACCOUNTS.values(), ACCOUNTS)).toBe('contoso');
    expect(accountForName('wile e. coyote', ACCOUNTS.values(), ACCOUNTS)).toBe('acme');
    expect(accountForName('Natarajan, Priya', ACCOUNTS.values(), ACCOUNTS)).toBeUndefined();
    expect(accountForName(parseAddress('Natarajan, Priya').displayName, ACCOUNTS.values(), ACCOUNTS)).toBe(
      'contoso',
    );
  });

  it('leaves a name two accounts share, or none has, unresolved', () => {
    expect(accountForName('Maya Chen', ACCOUNTS.values(), ACCOUNTS)).toBeUndefined();
    expect(accountForName('Jane Doe', ACCOUNTS.values(), ACCOUNTS)).toBeUndefined();
    expect(accountForName('Hank', ACCOUNTS.values(), ACCOUNTS)).toBeUndefined();
  });

  it('lists the accounts of the recipients and says when every external one is an unresolved name', () => {
    const known = recipientAccounts(
      [
        r('Hank Scorpio'),
        r('pat@ourco.example', { kind: 'internal' }),
        r('x@acme.example', { kind: 'account', id: 'acme' }),
      ],
      ACCOUNTS,
    );
    expect(known.ids).toEqual(['globex', 'acme']);
    expect(known.onlyUnresolvedNames).toBe(false);
    const unknown = recipientAccounts(
      [r('Jane Doe'), r('pat@ourco.example', { kind: 'internal' })],
      ACCOUNTS,
    );
    expect(unknown.ids).toEqual([]);
    expect(unknown.onlyUnresolvedNames).toBe(true);
    const address = recipientAccounts([r('Jane Doe'), r('someone@gmail.example')], ACCOUNTS);
    expect(address.onlyUnresolvedNames).toBe(false);
  });
});
