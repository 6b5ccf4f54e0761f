import type { Finding } from '../../engine/schemas/finding.ts';
import { canDismiss } from './findings.ts';
import type { Box } from './geometry.ts';

export interface FindingCardProps {
  finding: Finding;
  anchor: Box;
  /** Viewport size, to keep the card on screen. */
  viewport: { width: number; height: number };
  note?: string;
  canApply: boolean;
  onApply(): void;
  onDismiss(): void;
  onReport(): void;
  onClose(): void;
  onHover(inside: boolean): void;
}

const SEVERITY_LABEL = { block: 'Blocks sending', warn: 'Warning', info: 'Note' } as const;
const FIELD_LABEL = {
  body: 'Body',
  subject: 'Subject',
  recipients: 'Recipients',
  attachments: 'Attachments',
};
const WIDTH = 340;

export function FindingCard(props: FindingCardProps) {
  const { finding, anchor, viewport } = props;
  const left = Math.max(8, Math.min(anchor.left, viewport.width - WIDTH - 8));
  const below = anchor.bottom + 6;
  // Above the text when there is no room below it.
  const style =
    below + 220 > viewport.height && anchor.top > 240
      ? { left: `${left}px`, bottom: `${viewport.height - anchor.top + 6}px` }
      : { left: `${left}px`, top: `${below}px` };
  return (
    <div
      class={`card sev-${finding.severity}`}
      role="dialog"
      aria-label="Preflight finding"
      data-preflight-card=""
      data-rule={finding.ruleId}
      style={style}
      onMouseEnter={() => props.onHover(true)}
      onMouseLeave={() => props.onHover(false)}
    >
      <div class="card-head">
        <span class="badge">{SEVERITY_LABEL[finding.severity]}</span>
        <span class="category">
          {finding.category} · {FIELD_LABEL[finding.field]}
        </span>
        <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p class="message">{finding.message}</p>
      <p class="clause">
        <span class="label">Policy:</span> {finding.clause}
      </p>
      {finding.suggestion !== undefined && (
        <div class="suggestion">
          <span class="label">Suggested:</span> <q>{finding.suggestion || '(remove it)'}</q>
          {props.canApply && (
            <button type="button" class="primary" data-preflight-action="apply" onClick={props.onApply}>
              {finding.field === 'recipients' ? 'Change address' : 'Apply'}
            </button>
          )}
        </div>
      )}
      {props.note && (
        <p class="note" role="status">
          {props.note}
        </p>
      )}
      <div class="actions">
        {canDismiss(finding) && (
          <button type="button" data-preflight-action="dismiss" onClick={props.onDismiss}>
            Dismiss for this email
          </button>
        )}
        <button type="button" data-preflight-action="report-false-positive" onClick={props.onReport}>
          Report false positive
        </button>
      </div>
    </div>
  );
}
