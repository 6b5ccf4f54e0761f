// Logging that can never carry email text: callers pass an event name and plain facts
// (counts, ids, durations); strings longer than a rule id are cut so a body cannot slip through.
export type LogFacts = Record<string, string | number | boolean | undefined>;

const MAX_STRING = 64;

export function redact(facts: LogFacts): LogFacts {
  const out: LogFacts = {};
  for (const [key, value] of Object.entries(facts)) {
    out[key] = typeof value === 'string' && value.length > MAX_STRING ? `[${value.length} chars]` : value;
  }
  return out;
}

export function logEvent(sink: (line: string) => void, event: string, facts: LogFacts = {}): void {
  sink(`[preflight] ${event} ${JSON.stringify(redact(facts))}`);
}
