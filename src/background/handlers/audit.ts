import type { Request, ResponseFor } from '../../shared/messages.ts';
import { toCsv, toJson } from '../../shared/audit-log.ts';
import type { WorkerContext } from '../context.ts';

export async function auditAppend(
  request: Extract<Request, { kind: 'audit-append' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'audit-append'>> {
  const stored = await ctx.audit.append({ ...request.entry, at: new Date(ctx.now()).toISOString() });
  return { kind: 'audit-appended', stored };
}

export async function auditList(
  _request: Extract<Request, { kind: 'audit-list' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'audit-list'>> {
  return { kind: 'audit-entries', entries: await ctx.audit.list() };
}

export async function auditExport(
  request: Extract<Request, { kind: 'audit-export' }>,
  ctx: WorkerContext,
): Promise<ResponseFor<'audit-export'>> {
  const entries = await ctx.audit.list();
  const text = request.format === 'csv' ? toCsv(entries) : toJson(entries);
  return { kind: 'audit-export', format: request.format, text };
}
