import type { Finding } from '../../engine/schemas/finding.ts';
import type { Box } from './geometry.ts';

const FIELD_LABEL = {
  body: 'Body',
  subject: 'Subject',
  recipients: 'Recipients',
  attachments: 'Attachments',
};

export interface FindingsPanelProps {
  items: { key: string; finding: Finding }[];
  /** The chip's box: the panel opens above it. */
  anchor: Box;
  viewport: { width: number; height: number };
  onGoTo(key: string): void;
}

export function FindingsPanel({ items, anchor, viewport, onGoTo }: FindingsPanelProps) {
  const right = Math.max(8, viewport.width - anchor.right);
  const bottom = Math.max(8, viewport.height - anchor.top + 6);
  return (
    <div
      class="panel"
      role="dialog"
      aria-label="Preflight findings"
      data-preflight-panel=""
      style={{ right: `${right}px`, bottom: `${bottom}px` }}
    >
      {items.length === 0 ? (
        <p class="empty">No issues found in this email.</p>
      ) : (
        <ul>
          {items.map(({ key, finding }) => (
            <li key={key} class={`row sev-${finding.severity}`} data-rule={finding.ruleId}>
              <span class="dot" />
              <span class="row-text">
                <span class="row-field">{FIELD_LABEL[finding.field]}</span>
                <span class="row-message">{finding.message}</span>
              </span>
              <button type="button" data-preflight-action="go-to" onClick={() => onGoTo(key)}>
                Go to
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
