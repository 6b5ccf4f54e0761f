import type { ComponentChildren } from 'preact';
import type { Policy } from '../../engine/schemas/policy.ts';
import type { RuleListEntry } from '../../shared/messages.ts';
import { isLocked } from '../../shared/settings/managed-locks.ts';

/** What every section gets: the policy in force, the user's own layer, the locks, and one way to save. */
export interface SectionProps {
  effective: Policy;
  user: Policy;
  locked: readonly string[];
  rules: readonly RuleListEntry[];
  /** Saves a whole user policy through the worker; resolves to the problems (empty when saved). */
  save(next: Policy): Promise<string[]>;
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} data-preflight-section={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export function LockedNote({ locked, path }: { locked: readonly string[]; path: string }) {
  if (!isLocked(locked, path)) return null;
  return (
    <p class="locked" data-preflight-locked={path}>
      Set by your administrator: locked.
    </p>
  );
}

export function Issues({ issues, label }: { issues: readonly string[]; label: string }) {
  if (issues.length === 0) return null;
  return (
    <div role="alert" class="issues" data-preflight-issues={label}>
      <p>Nothing was changed. Problems:</p>
      <ul>
        {issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
    </div>
  );
}

export const splitList = (text: string): string[] =>
  text
    .split(/[,;\n|]/)
    .map((s) => s.trim())
    .filter(Boolean);
