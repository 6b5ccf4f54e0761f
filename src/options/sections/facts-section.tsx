// The organisation's facts the rules read: its domains, competitors, approved pricing and claims, SLA
// hours, the review marker and how the send gate fails. One form, saved together.
import { useState } from 'preact/hooks';
import type { Policy } from '../../engine/schemas/policy.ts';
import { isLocked } from '../../shared/settings/managed-locks.ts';
import { Issues, LockedNote, Section, type SectionProps, splitList } from './common.tsx';

interface Form {
  orgName: string;
  internalDomains: string;
  competitors: string;
  currency: string;
  maxDiscount: string;
  prices: string;
  claims: string;
  sla: [string, string, string, string];
  marker: string;
  failMode: 'ask' | 'closed';
  holdOnWarnings: boolean;
}

function toForm(p: Policy): Form {
  const h = p.sla?.responseHours;
  return {
    orgName: p.organization?.name ?? '',
    internalDomains: (p.organization?.internalDomains ?? []).join('\n'),
    competitors: (p.competitors ?? []).map((c) => [c.name, ...(c.aliases ?? [])].join('; ')).join('\n'),
    currency: p.pricing?.currency ?? '',
    maxDiscount: p.pricing?.maxDiscountPercent?.toString() ?? '',
    prices: (p.pricing?.approvedPrices ?? [])
      .map((x) => [x.plan, x.amount, x.per].filter((v) => v !== undefined).join('; '))
      .join('\n'),
    claims: (p.approvedClaims ?? []).join('\n'),
    sla: [String(h?.['1'] ?? 1), String(h?.['2'] ?? 4), String(h?.['3'] ?? 24), String(h?.['4'] ?? 72)],
    marker: p.humanReview?.marker ?? 'Pending human review',
    failMode: p.gate?.failMode ?? 'ask',
    holdOnWarnings: p.gate?.holdOnWarnings ?? false,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The form as policy keys; numbers that do not parse are passed on as text so the schema names them. */
export function fromForm(f: Form): Partial<Policy> {
  const num = (s: string) => (s.trim() === '' ? undefined : Number.isNaN(Number(s)) ? s : Number(s));
  const pricing: Record<string, unknown> = {};
  if (f.currency.trim()) pricing.currency = f.currency.trim().toUpperCase();
  if (num(f.maxDiscount) !== undefined) pricing.maxDiscountPercent = num(f.maxDiscount);
  const prices = lines(f.prices).map((l) => {
    const [plan = '', amount = '', per] = l.split(';').map((s) => s.trim());
    return { plan, amount: num(amount), ...(per ? { per } : {}) };
  });
  if (prices.length > 0) pricing.approvedPrices = prices;
  const out = {
    organization: {
      ...(f.orgName.trim() ? { name: f.orgName.trim() } : {}),
      internalDomains: splitList(f.internalDomains),
    },
    competitors: lines(f.competitors).map((l) => {
      const [name = '', ...aliases] = splitList(l);
      return aliases.length > 0 ? { name, aliases } : { name };
    }),
    pricing,
    approvedClaims: lines(f.claims),
    sla: {
      responseHours: { '1': num(f.sla[0]), '2': num(f.sla[1]), '3': num(f.sla[2]), '4': num(f.sla[3]) },
    },
    humanReview: { marker: f.marker },
    gate: { failMode: f.failMode, holdOnWarnings: f.holdOnWarnings },
  };
  return out as Partial<Policy>;
}

export function FactsSection({ effective, user, locked, save }: SectionProps) {
  const [form, setForm] = useState<Form>(() => toForm(effective));
  const [issues, setIssues] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const lockedKey = (k: string) => isLocked(locked, k);

  const submit = async () => {
    const next: Policy = { ...user, ...fromForm(form) };
    const found = await save(next);
    setIssues(found);
    setStatus(found.length === 0 ? 'Saved.' : '');
  };

  return (
    <Section id="facts" title="Organisation, competitors, pricing, SLA and sending">
      <fieldset disabled={lockedKey('organization')}>
        <legend>Organisation</legend>
        <LockedNote locked={locked} path="organization" />
        <label>
          Name
          <input
            data-preflight-field="org-name"
            value={form.orgName}
            onInput={(e) => set({ orgName: e.currentTarget.value })}
          />
        </label>
        <label>
          Internal domains (one a line)
          <textarea
            data-preflight-field="internal-domains"
            rows={2}
            value={form.internalDomains}
            onInput={(e) => set({ internalDomains: e.currentTarget.value })}
          />
        </label>
      </fieldset>
      <fieldset disabled={lockedKey('competitors')}>
        <legend>Competitors</legend>
        <LockedNote locked={locked} path="competitors" />
        <label>
          One a line: name; aliases
          <textarea
            data-preflight-field="competitors"
            rows={3}
            value={form.competitors}
            onInput={(e) => set({ competitors: e.currentTarget.value })}
          />
        </label>
      </fieldset>
      <fieldset disabled={lockedKey('pricing') && lockedKey('approvedClaims')}>
        <legend>Approved pricing and claims</legend>
        <LockedNote locked={locked} path="pricing" />
        <div class="grid">
          <label>
            Currency
            <input
              value={form.currency}
              disabled={lockedKey('pricing')}
              maxLength={3}
              onInput={(e) => set({ currency: e.currentTarget.value })}
            />
          </label>
          <label>
            Maximum discount (%)
            <input
              data-preflight-field="max-discount"
              inputMode="decimal"
              value={form.maxDiscount}
              disabled={lockedKey('pricing')}
              onInput={(e) => set({ maxDiscount: e.currentTarget.value })}
            />
          </label>
        </div>
        <label>
          Approved prices, one a line: plan; amount; per
          <textarea
            rows={3}
            value={form.prices}
            disabled={lockedKey('pricing')}
            onInput={(e) => set({ prices: e.currentTarget.value })}
          />
        </label>
        <LockedNote locked={locked} path="approvedClaims" />
        <label>
          Approved claims (one a line)
          <textarea
            rows={3}
            value={form.claims}
            disabled={lockedKey('approvedClaims')}
            onInput={(e) => set({ claims: e.currentTarget.value })}
          />
        </label>
      </fieldset>
      <fieldset disabled={lockedKey('sla')}>
        <legend>Response time (SLA hours) by severity</legend>
        <LockedNote locked={locked} path="sla" />
        <div class="grid">
          {form.sla.map((v, i) => (
            <label key={String(i)}>
              Severity {i + 1}
              <input
                inputMode="decimal"
                data-preflight-field={`sla-${i + 1}`}
                value={v}
                onInput={(e) => {
                  const sla = [...form.sla] as Form['sla'];
                  sla[i] = e.currentTarget.value;
                  set({ sla });
                }}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={lockedKey('humanReview')}>
        <legend>Human review</legend>
        <LockedNote locked={locked} path="humanReview" />
        <label>
          Review marker proposals must carry
          <input
            data-preflight-field="review-marker"
            value={form.marker}
            onInput={(e) => set({ marker: e.currentTarget.value })}
          />
        </label>
      </fieldset>
      <fieldset disabled={lockedKey('gate')}>
        <legend>At send</legend>
        <LockedNote locked={locked} path="gate" />
        <label>
          When the checker cannot answer
          <select
            data-preflight-field="fail-mode"
            value={form.failMode}
            onChange={(e) => set({ failMode: e.currentTarget.value as Form['failMode'] })}
          >
            <option value="ask">Ask: offer retry and "send without checking" (logged)</option>
            <option value="closed">Closed: offer retry only</option>
          </select>
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={form.holdOnWarnings}
            onChange={(e) => set({ holdOnWarnings: e.currentTarget.checked })}
          />
          Hold sends on warnings too
        </label>
      </fieldset>
      <Issues issues={issues} label="facts" />
      <p role="status">{status}</p>
      <button type="button" data-preflight-facts-save="" onClick={() => void submit()}>
        Save
      </button>
    </Section>
  );
}
