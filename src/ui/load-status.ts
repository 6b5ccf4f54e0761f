import { sendRequest } from '../platform/client.ts';
import type { Result, Status } from '../shared/messages.ts';

export async function loadStatus(): Promise<Result<Status>> {
  const answer = await sendRequest({ kind: 'get-status' });
  return answer.ok ? { ok: true, data: answer.data.status } : answer;
}
