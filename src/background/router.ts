import {
  type ErrorResponse,
  type Request,
  type RequestKind,
  RequestSchema,
  type ResponseFor,
} from '../shared/messages.ts';
import type { WorkerContext } from './context.ts';
import { auditAppend, auditExport, auditList } from './handlers/audit.ts';
import { check } from './handlers/check.ts';
import { gateCheck, gateUnguarded, getGateSettings } from './handlers/gate.ts';
import { getStatus } from './handlers/get-status.ts';
import { ping } from './handlers/ping.ts';
import {
  getRuleStats,
  policyGet,
  policyReset,
  policySave,
  reportsList,
  ruleEvent,
} from './handlers/policy.ts';
import { reportFalsePositive } from './handlers/report-false-positive.ts';

type Handlers = {
  [K in RequestKind]: (request: Extract<Request, { kind: K }>, ctx: WorkerContext) => Promise<ResponseFor<K>>;
};

const handlers: Handlers = {
  ping,
  'get-status': getStatus,
  check,
  'report-false-positive': reportFalsePositive,
  'gate-check': gateCheck,
  'gate-settings': getGateSettings,
  'audit-append': auditAppend,
  'audit-list': auditList,
  'audit-export': auditExport,
  'policy-get': policyGet,
  'policy-save': policySave,
  'policy-reset': policyReset,
  'rule-stats': getRuleStats,
  'reports-list': reportsList,
  'rule-event': ruleEvent,
  'gate-unguarded': gateUnguarded,
};

/** Parses a raw message and runs its handler; a bad message or a failing handler answers with a reason. */
export async function handleMessage(
  raw: unknown,
  ctx: WorkerContext,
): Promise<ResponseFor<RequestKind> | ErrorResponse> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      kind: 'error',
      reason: `refused message: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}`,
    };
  }
  const request = parsed.data;
  try {
    const handler = handlers[request.kind] as (
      r: Request,
      c: WorkerContext,
    ) => Promise<ResponseFor<RequestKind>>;
    return await handler(request, ctx);
  } catch (error) {
    return {
      kind: 'error',
      reason: `the checker failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
