// Send attempts for tests above the adapter layer: an element marked data-fake-send="<via>" inside a root
// marked data-fake-compose is a send control; release calls back instead of clicking a site's button.
import { activation, targetOf } from '../send-common.ts';
import type { SendGesture, SendSite, SendVia } from '../types.ts';

export function fakeGesture(
  root: Element,
  onRelease: () => boolean,
  options: { via?: SendVia; trigger?: boolean } = {},
): SendGesture {
  return {
    root,
    via: options.via ?? 'click',
    trigger: options.trigger ?? true,
    release: async () => onRelease(),
  };
}

export function createFakeSendSite(onRelease: (root: Element) => boolean = () => true): SendSite {
  return {
    classify(event) {
      const target = targetOf(event);
      const control = target?.closest('[data-fake-send]');
      const root = control?.closest('[data-fake-compose]');
      if (!control || !root) return null;
      const act = activation(event);
      if (!act) return null;
      return fakeGesture(root, () => onRelease(root), { via: act.via, trigger: act.trigger });
    },
    findSend(root) {
      return typeof root.querySelector === 'function' ? root.querySelector('[data-fake-send]') : null;
    },
  };
}
