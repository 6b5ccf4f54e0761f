// Run in a fresh node process (--expose-gc): memory used while checking a 1 MB body, as a proxy for the
// worker's heap (a busy worker cannot answer DevTools heap queries until the check is over).
import { pathToFileURL } from 'node:url';
import { bodyOfSize, draftOf, emailBody } from './texts.mjs';

const engine = await import(pathToFileURL(process.argv[2]).href);
engine.checkDraft(draftOf(emailBody(300, 1)));
globalThis.gc();
const base = process.memoryUsage();
const rssBefore = process.resourceUsage().maxRSS * 1024;
const body = bodyOfSize(1 << 20);
// Sample the heap at every allocation-heavy step is not possible from outside a synchronous call; V8's own
// high-water mark is: total_heap_size after the check, before any collection, bounds the live peak.
const t = performance.now();
const result = engine.checkDraft(draftOf(body));
const ms = performance.now() - t;
const after = process.memoryUsage();
const v8 = (await import('node:v8')).getHeapStatistics();
const rssAfter = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    ms,
    findings: result.findings.length,
    heapUsedBeforeMB: base.heapUsed / 2 ** 20,
    heapUsedAfterMB: after.heapUsed / 2 ** 20,
    heapTotalAfterMB: v8.total_heap_size / 2 ** 20,
    peakRssGrowthMB: (rssAfter - Math.max(rssBefore, base.rss)) / 2 ** 20,
    peakRssMB: rssAfter / 2 ** 20,
  }),
);
