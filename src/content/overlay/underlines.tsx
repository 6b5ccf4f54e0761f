import type { Finding } from '../../engine/schemas/finding.ts';
import type { Box } from './geometry.ts';

export interface DrawnUnderline {
  key: string;
  finding: Finding;
  /** One box per line of the flagged text, in viewport coordinates. */
  lines: Box[];
  active: boolean;
}

const STRIP = 3;

/**
 * One element per finding, a thin strip under each line of its text. They take no pointer events: clicks
 * and selections go to the editor as if Preflight were not there (hover is found by hit-testing instead).
 */
export function Underlines({ items }: { items: DrawnUnderline[] }) {
  return (
    <>
      {items.map(({ key, finding, lines, active }) => {
        const left = Math.min(...lines.map((l) => l.left));
        const right = Math.max(...lines.map((l) => l.right));
        const top = Math.min(...lines.map((l) => l.bottom)) - STRIP + 1;
        const bottom = Math.max(...lines.map((l) => l.bottom)) + 1;
        return (
          <div
            key={key}
            class={`finding sev-${finding.severity}${active ? ' active' : ''}`}
            data-preflight-finding={finding.ruleId}
            data-severity={finding.severity}
            data-field={finding.field}
            style={{
              left: `${left}px`,
              top: `${top}px`,
              width: `${right - left}px`,
              height: `${bottom - top}px`,
            }}
          >
            {lines.map((line, i) => (
              <>
                {active && (
                  <div
                    key={`h${i}`}
                    class="highlight"
                    style={{
                      left: `${line.left - left}px`,
                      top: `${line.top - top}px`,
                      width: `${line.right - line.left}px`,
                      height: `${line.bottom - line.top}px`,
                    }}
                  />
                )}
                <div
                  key={`s${i}`}
                  class="strip"
                  style={{
                    left: `${line.left - left}px`,
                    top: `${line.bottom - top - STRIP + 1}px`,
                    width: `${line.right - line.left}px`,
                  }}
                />
              </>
            ))}
          </div>
        );
      })}
    </>
  );
}
