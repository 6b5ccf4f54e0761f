import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../shared/messages.ts';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; reason: string };

/** Runs one worker request on mount; the page shows loading, the answer, or the reason it has none. */
export function useWorker<T>(load: () => Promise<Result<T>>): Loadable<T> {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (!live) return;
      setValue(result.ok ? { state: 'ready', data: result.data } : { state: 'error', reason: result.reason });
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}
