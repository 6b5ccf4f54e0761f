// The audit's counts: per rule and per category, per sender domain and per month, and what could not be read.
// Fed one message summary at a time, in any order (worker threads answer out of order); examples are kept by
// message position, so the report is the same whatever the order.
import { CATEGORIES, type Category } from '../../engine/index.ts';
import type { FindingSummary, MessageSummary } from './message.ts';

export const AUDIT_REPORT_VERSION = 1;

export interface Held {
  /** Messages the send gate would have held. */
  messages: number;
  /** Of those, held by a blocking finding nobody could override. */
  notOverridable: number;
  /** Held, but every blocking finding could be overridden with a reason. */
  overridable: number;
}

export interface Counts {
  /** Messages with at least one finding. */
  messages: number;
  findings: number;
  /** `messages` as a share of all audited messages (0 to 1). */
  share: number;
  held: Held;
}

export interface Example {
  /** Where the message is: the input and, in an mbox, its position. */
  source: string;
  message?: number;
  excerpt: string;
  context: string;
}

export interface RuleCounts extends Counts {
  category: Category;
  /** The severity under the policy as written ("off": the rule does not run). */
  severity: 'block' | 'warn' | 'info' | 'off';
  /** Observe-only: shown, never holds a send. */
  shadow: boolean;
  overridable: boolean;
  examples?: Example[];
}

export interface Unreadable {
  source: string;
  /** 1-based position in an mbox (0: before the first message). */
  message?: number;
  /** Byte offset in an mbox. */
  offset?: number;
  length?: number;
  reason: string;
}

export interface PeriodCounts {
  messages: number;
  /** Messages with at least one finding. */
  flagged: number;
  held: number;
  categories: Partial<Record<Category, number>>;
}

export interface AuditReport {
  version: typeof AUDIT_REPORT_VERSION;
  /** The inputs, as given. */
  sources: string[];
  policy: string | null;
  since: string | null;
  until: string | null;
  /** Messages audited (read, and in the date range). */
  messages: number;
  /** Messages with at least one finding. */
  flagged: number;
  held: Held;
  /** Audited messages with nothing to check (no subject, body, recipients or attachments). */
  empty: number;
  /** Readable messages left out by --since / --until (or undated while a range was given). */
  outsideRange: number;
  /** Messages some rule could not finish on. */
  incomplete: number;
  unreadable: Unreadable[];
  categories: Record<Category, Counts>;
  rules: Record<string, RuleCounts>;
  /** By the domain of the From address ("(none)" without one). */
  senderDomains: Record<string, PeriodCounts>;
  /** By month of the Date header, "YYYY-MM" (UTC), in order; "undated" last. */
  months: Record<string, PeriodCounts>;
}

export interface RuleMeta {
  id: string;
  category: Category;
  severity: RuleCounts['severity'];
  shadow: boolean;
  overridable: boolean;
}

interface Tally {
  messages: number;
  findings: number;
  held: Held;
}

const emptyHeld = (): Held => ({ messages: 0, notOverridable: 0, overridable: 0 });
const emptyTally = (): Tally => ({ messages: 0, findings: 0, held: emptyHeld() });
const emptyPeriod = (): PeriodCounts => ({ messages: 0, flagged: 0, held: 0, categories: {} });

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Adds one message's findings (already narrowed to a rule or a category) to a tally. */
function addTo(tally: Tally, findings: FindingSummary[]): void {
  if (findings.length === 0) return;
  tally.messages++;
  tally.findings += findings.length;
  const holding = findings.filter((f) => f.holds);
  if (holding.length === 0) return;
  tally.held.messages++;
  if (holding.some((f) => !f.overridable)) tally.held.notOverridable++;
  else tally.held.overridable++;
}

function groupBy<K extends string>(findings: FindingSummary[], key: (f: FindingSummary) => K) {
  const groups = new Map<K, FindingSummary[]>();
  for (const f of findings) {
    const k = key(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return groups;
}

export class AuditAggregator {
  private readonly total = emptyTally();
  private messages = 0;
  private empty = 0;
  private outside = 0;
  private incomplete = 0;
  private readonly unreadable: (Unreadable & { order: number })[] = [];
  private readonly categories = new Map<Category, Tally>();
  private readonly rules = new Map<string, Tally>();
  private readonly ruleCategory = new Map<string, Category>();
  private readonly examples = new Map<string, (Example & { order: number })[]>();
  private readonly domains = new Map<string, PeriodCounts>();
  private readonly months = new Map<string, PeriodCounts>();

  constructor(
    private readonly meta: readonly RuleMeta[],
    private readonly options: {
      sources: string[];
      policy?: string;
      since?: string;
      until?: string;
      examples: number;
    },
  ) {}

  /** A stretch of input that could not be read; `order` places it among the messages. */
  addUnreadable(order: number, item: Unreadable): void {
    this.unreadable.push({ ...item, order });
  }

  /** One message's result; `order` is its position in the run (for the order of examples). */
  add(order: number, where: { source: string; message?: number }, summary: MessageSummary): void {
    if (summary.kind === 'unreadable') {
      this.addUnreadable(order, { ...where, reason: summary.reason });
      return;
    }
    if (summary.kind === 'outside') {
      this.outside++;
      return;
    }
    this.messages++;
    if (summary.empty) this.empty++;
    if (summary.incomplete.length > 0) this.incomplete++;
    const findings = summary.findings;
    addTo(this.total, findings);
    for (const [category, list] of groupBy(findings, (f) => f.category)) {
      addTo(entry(this.categories, category, emptyTally), list);
    }
    for (const [ruleId, list] of groupBy(findings, (f) => f.ruleId)) {
      addTo(entry(this.rules, ruleId, emptyTally), list);
      if (list[0]) this.ruleCategory.set(ruleId, list[0].category);
      const first = list.find((f) => f.excerpt !== undefined);
      if (this.options.examples > 0 && first) this.keepExample(ruleId, order, where, first);
    }
    const held = findings.some((f) => f.holds);
    const period = (map: Map<string, PeriodCounts>, key: string) => {
      const counts = entry(map, key, emptyPeriod);
      counts.messages++;
      if (findings.length > 0) counts.flagged++;
      if (held) counts.held++;
      for (const category of new Set(findings.map((f) => f.category)))
        counts.categories[category] = (counts.categories[category] ?? 0) + 1;
    };
    period(this.domains, summary.domain || '(none)');
    period(this.months, summary.date ? summary.date.slice(0, 7) : 'undated');
  }

  private keepExample(
    ruleId: string,
    order: number,
    where: { source: string; message?: number },
    finding: FindingSummary,
  ): void {
    const list = entry(this.examples, ruleId, () => []);
    const max = this.options.examples;
    if (list.length >= max && (list[list.length - 1]?.order ?? 0) < order) return;
    const example = { ...where, excerpt: finding.excerpt ?? '', context: finding.context ?? '', order };
    let at = list.length;
    while (at > 0 && (list[at - 1]?.order ?? 0) > order) at--;
    list.splice(at, 0, example);
    if (list.length > max) list.pop();
  }

  /** Messages audited so far (for the progress line). */
  get audited(): number {
    return this.messages;
  }

  report(): AuditReport {
    const total = this.messages;
    const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 10000) / 10000);
    const counts = (tally: Tally | undefined): Counts => {
      const t = tally ?? emptyTally();
      return { messages: t.messages, findings: t.findings, share: share(t.messages), held: { ...t.held } };
    };
    const categories = {} as Record<Category, Counts>;
    for (const category of CATEGORIES) categories[category] = counts(this.categories.get(category));
    const rules: Record<string, RuleCounts> = {};
    const known = new Set<string>();
    for (const rule of this.meta) {
      known.add(rule.id);
      rules[rule.id] = this.ruleCounts(rule, counts(this.rules.get(rule.id)));
    }
    // A finding from a rule the list does not name (a custom rule added later): still counted.
    for (const [id, tally] of this.rules) {
      if (known.has(id)) continue;
      const category = this.ruleCategory.get(id) ?? 'human-review';
      rules[id] = this.ruleCounts(
        { id, category, severity: 'warn', shadow: false, overridable: true },
        counts(tally),
      );
    }
    const byKey = (map: Map<string, PeriodCounts>, order: (a: string, b: string) => number) =>
      Object.fromEntries([...map.entries()].sort(([a], [b]) => order(a, b)));
    const months = byKey(this.months, (a, b) =>
      a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? -1 : a > b ? 1 : 0,
    );
    const domains = byKey(this.domains, (a, b) => {
      const diff = (this.domains.get(b)?.messages ?? 0) - (this.domains.get(a)?.messages ?? 0);
      return diff !== 0 ? diff : a < b ? -1 : a > b ? 1 : 0;
    });
    return {
      version: AUDIT_REPORT_VERSION,
      sources: this.options.sources,
      policy: this.options.policy ?? null,
      since: this.options.since ?? null,
      until: this.options.until ?? null,
      messages: total,
      flagged: this.total.messages,
      held: { ...this.total.held },
      empty: this.empty,
      outsideRange: this.outside,
      incomplete: this.incomplete,
      unreadable: [...this.unreadable]
        .sort((a, b) => a.order - b.order)
        .map(({ order: _order, ...item }) => item),
      categories,
      rules,
      senderDomains: domains,
      months,
    };
  }

  private ruleCounts(rule: RuleMeta, counts: Counts): RuleCounts {
    const out: RuleCounts = {
      category: rule.category,
      severity: rule.severity,
      shadow: rule.shadow,
      overridable: rule.overridable,
      ...counts,
    };
    if (this.options.examples > 0)
      out.examples = (this.examples.get(rule.id) ?? []).map(({ order: _order, ...example }) => example);
    return out;
  }
}
