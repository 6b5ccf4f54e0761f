// Shared by the site adapters: scan what is there (a reload restores open composes), then observe.
export function watchRoots(
  doc: Document,
  findRoots: (scope: ParentNode) => Element[],
  signal: AbortSignal,
  onRoot: (root: Element, signal: AbortSignal) => void,
): void {
  const live = new Map<Element, AbortController>();
  const outer = signal;

  const scan = () => {
    for (const root of findRoots(doc)) {
      if (live.has(root)) continue;
      const controller = new AbortController();
      live.set(root, controller);
      outer.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
      onRoot(root, controller.signal);
    }
    for (const [root, controller] of live) {
      if (!root.isConnected) {
        controller.abort();
        live.delete(root);
      }
    }
  };

  let queued = false;
  const schedule = () => {
    if (queued || outer.aborted) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!outer.aborted) scan();
    });
  };

  const observer = new MutationObserver(schedule);
  const start = () => {
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    scan();
  };
  outer.addEventListener('abort', () => {
    observer.disconnect();
    for (const controller of live.values()) controller.abort();
    live.clear();
  });
  if (doc.documentElement) start();
  else doc.addEventListener('readystatechange', start, { once: true, signal: outer });
}

export function uniqueElements(elements: Iterable<Element | null | undefined>): Element[] {
  const seen = new Set<Element>();
  for (const element of elements) if (element) seen.add(element);
  return [...seen];
}

export function queryFirst(scope: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = scope.querySelector(selector);
    if (found) return found;
  }
  return null;
}

export function queryAll(scope: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = scope.querySelectorAll(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}
