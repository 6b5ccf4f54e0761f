// Shared by the command line's tests: an in-memory io and a tiny check function with known wording.
import type { CheckResult, Draft, Finding, Policy } from '../engine/index.ts';
import type { CheckFunction, CliIo } from './main.ts';

export interface FakeIo extends CliIo {
  out: string[];
  err: string[];
  files: Map<string, Uint8Array | 'dir' | 'denied'>;
  stdinText: string;
}

export function fakeIo(
  files: Record<string, string | Uint8Array | 'dir' | 'denied'> = {},
  stdin = '',
): FakeIo {
  const map = new Map<string, Uint8Array | 'dir' | 'denied'>();
  for (const [path, content] of Object.entries(files)) {
    map.set(
      path,
      typeof content === 'string' && content !== 'dir' && content !== 'denied'
        ? new TextEncoder().encode(content)
        : content,
    );
  }
  const io: FakeIo = {
    out: [],
    err: [],
    files: map,
    stdinText: stdin,
    stdout: (text) => {
      io.out.push(text);
    },
    stderr: (text) => {
      io.err.push(text);
    },
    readFile: async (path) => {
      const entry = map.get(path);
      if (entry === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      if (entry === 'dir') throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
      if (entry === 'denied') throw Object.assign(new Error(`EACCES: ${path}`), { code: 'EACCES' });
      return entry;
    },
    readStdin: async () => new TextEncoder().encode(io.stdinText),
    stat: async (path) => {
      const entry = map.get(path);
      if (entry === 'dir') return 'dir';
      if (entry !== undefined) return 'file';
      const prefix = path === '.' ? '' : `${path.replace(/\/+$/, '')}/`;
      return [...map.keys()].some((key) => key.startsWith(prefix)) ? 'dir' : undefined;
    },
    readDir: async (path) => {
      const prefix = path === '.' ? '' : `${path.replace(/\/+$/, '')}/`;
      const entries = new Map<string, boolean>();
      for (const [key, entry] of map) {
        if (!key.startsWith(prefix) || key === path) continue;
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf('/');
        const name = slash === -1 ? rest : rest.slice(0, slash);
        entries.set(name, (entries.get(name) ?? false) || slash !== -1 || entry === 'dir');
      }
      return [...entries].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    cwd: '/work/project',
    isTTY: false,
    env: {},
    now: () => new Date('2026-03-02T09:00:00Z'),
  };
  return io;
}

export const stdout = (io: FakeIo) => io.out.join('');
export const stderr = (io: FakeIo) => io.err.join('');

/**
 * A stand-in for the engine with fixed wording: "GUARANTEE" blocks, "maybe" warns, and a subject
 * containing "[Name]" blocks on the subject. It records what it was given.
 */
export function fakeCheck(): CheckFunction & { calls: { draft: Draft; policy: Policy | undefined }[] } {
  const calls: { draft: Draft; policy: Policy | undefined }[] = [];
  const check = (draft: Draft, policy?: Policy): CheckResult => {
    calls.push({ draft, policy });
    const findings: Finding[] = [];
    const scan = (
      field: 'body' | 'subject',
      text: string,
      needle: string,
      finding: Omit<Finding, 'start' | 'end' | 'excerpt' | 'field'>,
    ) => {
      const at = text.indexOf(needle);
      if (at >= 0) findings.push({ ...finding, field, start: at, end: at + needle.length, excerpt: needle });
    };
    scan('body', draft.body, 'GUARANTEE', {
      ruleId: 'overcommitment/fake',
      category: 'overcommitment',
      severity: 'block',
      message: 'Absolute promise.',
      clause: 'Honest',
      suggestion: 'we aim to',
    });
    scan('body', draft.body, 'maybe', {
      ruleId: 'timeline/fake',
      category: 'timeline',
      severity: 'warn',
      message: 'Vague timeline.',
      clause: 'Timelines',
    });
    scan('subject', draft.subject, '[Name]', {
      ruleId: 'placeholder/fake',
      category: 'placeholder',
      severity: 'block',
      message: 'Unfilled placeholder.',
      clause: 'Personalization',
    });
    const blocks = (category: string) => findings.some((f) => f.category === category);
    return {
      findings,
      scorecard: {
        personalization: blocks('placeholder') ? 'fail' : 'pass',
        accuracy: blocks('overcommitment') ? 'fail' : 'pass',
        slaCompliance: 'pass',
        dataPrivacy: 'pass',
        humanReview: 'pass',
      },
    };
  };
  return Object.assign(check, { calls });
}
