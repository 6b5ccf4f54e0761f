// What Gmail and Outlook call their send controls, in the languages their users use most. Labels are the
// last of three anchors (role and position come first, see the sites' send modules), but they are what
// tells a site's own Send from a look-alike another extension put beside it, and an Outlook send-menu item
// from one that only changes the draft. Stored as data: adding a language is adding a line.
//
// Sources: the sites' English labels are confirmed (mail-dom.md §1.5, §2.6); the translations are the
// sites' usual wording for the same action in each language ([U] where a build words it differently: the
// structural anchors still hold then, and an unrecognised control is reported as not guarded).

/** One language: the Send button, and the send-menu items that send (schedule / send later / now). */
export interface SendLabels {
  send: readonly string[];
  sendItems: readonly string[];
}

export const SEND_LABELS: Readonly<Record<string, SendLabels>> = {
  en: { send: ['send'], sendItems: ['schedule send', 'send later', 'send now', 'schedule'] },
  es: { send: ['enviar'], sendItems: ['programar envío', 'enviar más tarde', 'enviar ahora', 'programar'] },
  pt: {
    send: ['enviar'],
    sendItems: ['agendar envio', 'programar envio', 'enviar mais tarde', 'enviar agora', 'agendar'],
  },
  fr: {
    send: ['envoyer'],
    sendItems: [
      "planifier l'envoi",
      "programmer l'envoi",
      'planifier un envoi',
      'envoyer plus tard',
      'envoyer maintenant',
      'planifier',
    ],
  },
  de: {
    send: ['senden'],
    sendItems: ['senden planen', 'später senden', 'jetzt senden', 'zeitversetzt senden', 'planen'],
  },
  it: {
    send: ['invia'],
    sendItems: ['pianifica invio', "pianifica l'invio", 'invia più tardi', 'invia ora', 'pianifica'],
  },
  nl: {
    send: ['verzenden', 'versturen'],
    sendItems: ['verzenden plannen', 'later verzenden', 'nu verzenden', 'plannen'],
  },
  pl: {
    send: ['wyślij'],
    sendItems: ['zaplanuj wysyłanie', 'zaplanuj wysłanie', 'wyślij później', 'wyślij teraz', 'zaplanuj'],
  },
  ru: {
    send: ['отправить'],
    sendItems: ['запланировать отправку', 'отправить позже', 'отправить сейчас', 'запланировать'],
  },
  uk: { send: ['надіслати'], sendItems: ['запланувати надсилання', 'надіслати пізніше'] },
  ja: {
    send: ['送信'],
    sendItems: ['送信日時を設定', '送信日時を指定', '送信のスケジュール設定', '後で送信', '今すぐ送信'],
  },
  'zh-CN': { send: ['发送'], sendItems: ['计划发送', '定时发送', '稍后发送', '立即发送'] },
  'zh-TW': { send: ['傳送'], sendItems: ['排程傳送', '預約傳送', '稍後傳送', '立即傳送'] },
  ko: { send: ['보내기', '전송'], sendItems: ['보내기 예약', '예약 전송', '나중에 보내기', '지금 보내기'] },
  tr: { send: ['gönder'], sendItems: ['gönderimi zamanla', 'gönderme zamanla', 'daha sonra gönder'] },
  sv: { send: ['skicka'], sendItems: ['schemalägg sändning', 'skicka senare', 'skicka nu'] },
  da: { send: ['send'], sendItems: ['planlæg afsendelse', 'send senere'] },
  cs: { send: ['odeslat'], sendItems: ['naplánovat odeslání', 'odeslat později'] },
  ar: { send: ['إرسال'], sendItems: ['جدولة الإرسال', 'إرسال لاحقاً', 'إرسال لاحقًا'] },
  hi: { send: ['भेजें'], sendItems: ['भेजने का समय शेड्यूल करें', 'बाद में भेजें'] },
  id: { send: ['kirim'], sendItems: ['jadwalkan pengiriman', 'kirim nanti'] },
  vi: { send: ['gửi'], sendItems: ['lên lịch gửi', 'gửi sau'] },
};

/**
 * A label as the sites write it, reduced to its words: no bidi marks (Gmail wraps its shortcut hint in
 * U+202A/U+202C), no shortcut hint in brackets ("Send (Ctrl-Enter)", "送信（Ctrl-Enter）"), no ellipsis,
 * straight apostrophes, lower case, single spaces.
 */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[(（][^)）]*[)）]/g, ' ')
    .replace(/[’ʼ`]/g, "'")
    .replace(/(\.\.\.|…)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase();
}

const SEND = new Set(Object.values(SEND_LABELS).flatMap((l) => l.send));
const SEND_ITEMS = new Set(Object.values(SEND_LABELS).flatMap((l) => l.sendItems));

/** Whether a control's label names the plain Send action in one of the languages (exactly, not "Send +
 * Archive" or "Send and request money"). */
export function isSendLabel(label: string | null | undefined): boolean {
  return !!label && SEND.has(normalizeLabel(label));
}

/** Whether a send menu item's label names an action that sends (schedule, send later, send now). */
export function isSendItemLabel(label: string | null | undefined): boolean {
  if (!label) return false;
  const text = normalizeLabel(label);
  if (SEND_ITEMS.has(text) || SEND.has(text)) return true;
  // Items often carry a second line ("Schedule send · Tomorrow 8:00"): the first known phrase counts.
  for (const phrase of SEND_ITEMS) if (phrase.length > 3 && text.startsWith(`${phrase} `)) return true;
  return false;
}

/** The label a control shows to assistive technology and on hover, in that order. */
export function labelOf(element: Element): string {
  return (
    element.getAttribute('aria-label') ??
    element.getAttribute('data-tooltip') ??
    element.getAttribute('title') ??
    element.textContent ??
    ''
  );
}

/**
 * Markup another extension put into the site's own toolbar: its classes or attributes name it
 * (InboxSDK's `inboxsdk__…`; on Gmail, whose own classes are short obfuscated tokens, any BEM-style
 * `block__element`), it is a custom element, or it belongs to Preflight. The sites' own controls carry
 * none of these, whatever their class names. (Outlook's Fluent UI names its own slots `fui-X__y`, so the
 * BEM rule is Gmail's only.)
 */
export function isForeign(element: Element, stopAt: Element, options: { bem?: boolean } = {}): boolean {
  for (let node: Element | null = element; node && node !== stopAt; node = node.parentElement) {
    if (node.tagName.includes('-')) return true;
    if (node.hasAttribute('data-preflight-root')) return true;
    for (const name of node.getAttributeNames()) {
      if (name.startsWith('data-inboxsdk') || name.startsWith('data-extension')) return true;
    }
    for (const token of node.classList) {
      if (token.startsWith('inboxsdk') || (options.bem && token.includes('__'))) return true;
    }
  }
  return false;
}

/** Gmail's "Send + Archive" (in any of the languages: the Send word, then "+"). */
export function isSendAndArchiveLabel(label: string | null | undefined): boolean {
  if (!label) return false;
  const text = normalizeLabel(label);
  const plus = text.indexOf('+');
  return plus > 0 && SEND.has(text.slice(0, plus).trim()) && text.slice(plus + 1).trim().length > 0;
}
