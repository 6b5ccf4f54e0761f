// Controlling the extension's service worker from a test: stopping it through the DevTools protocol, as
// Chromium does when it has been idle, and an extension page to call extension APIs from.
import type { CDPSession, Page } from 'playwright-core';
import type { Browser } from './harness.ts';

/** A page of the extension (its manifest), from which chrome.* APIs can be called. */
export async function extensionPage(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
  return page;
}

/** Polls until `ready()` holds (usable outside a test, in hooks); throws with `what` after `timeoutMs`. */
async function until(ready: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface WorkerStopper {
  /** Sends ServiceWorker.stopAllWorkers at once and waits until Chromium reports the worker stopped. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Prepares a DevTools session (from one of the extension's own pages, whose session sees the worker's
 * registration; a mail page's session does not) so that a stop can be sent at a chosen moment, for example
 * while a check is in flight.
 */
export async function workerStopper(browser: Browser): Promise<WorkerStopper> {
  const page = await extensionPage(browser);
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const versions = new Map<string, { status: string; runningStatus: string }>();
  let stopRequested = false;
  let sawStopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    type Version = { versionId: string; scriptURL: string; status: string; runningStatus: string };
    for (const v of (event as { versions: Version[] }).versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) {
        versions.set(v.versionId, { status: v.status, runningStatus: v.runningStatus });
        // The page's own traffic may wake it again at once: remember that it did stop.
        if (stopRequested && v.runningStatus === 'stopped') sawStopped = true;
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  // Never a stop while the worker installs: that leaves the extension without a worker (see harness.ts).
  await until(
    () => [...versions.values()].some((v) => v.status === 'activated'),
    "the extension's worker to be listed as active",
  );
  return {
    async stop() {
      sawStopped = false;
      stopRequested = true;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await until(() => sawStopped, 'the worker to stop');
      stopRequested = false;
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}

/** Stops the worker once and waits until it is stopped. */
export async function stopWorker(browser: Browser): Promise<void> {
  const stopper = await workerStopper(browser);
  await stopper.stop();
  await stopper.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
}
