// Builds the December 2026 fixture variants from the November captures, so each variant differs from its
// base only in what it is about. Run: node scripts/make-fixtures-2026-12.mjs (the outputs are committed).
//
// - gmail-compose-2026-12-lookalike.html: buttons other extensions put beside Send (gmail.js#480,
//   planadecu/gmail-templates#2, InboxSDK's compose buttons): one with Send's own classes and no other
//   mark, before Send in the same cell; one InboxSDK-style (`inboxsdk__` classes) after it. Each counts its
//   clicks in data-lookalike-clicks; Gmail's own handler takes only its own Send (by its id).
// - gmail-compose-2026-12-hashed.html: Gmail's obfuscated classes of the compose and its toolbar renamed
//   to hashed forms (`IZ` -> `IZ-<hash>`, the A/B test seen on `Ht`), in markup, style and script alike.
// - outlook-compose-2026-12-it.html: Outlook in Italian (labels as Outlook words them in it-IT).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = new URL('../test/fixtures/', import.meta.url).pathname;
const read = (name) => readFileSync(join(DIR, name), 'utf8');
const write = (name, text) => {
  writeFileSync(join(DIR, name), text);
  console.log(`wrote test/fixtures/${name}`);
};
const note = (html, text) => html.replace('<!doctype html>\n<!--', `<!doctype html>\n<!--\n  ${text}\n`);

function replaceAll(text, from, to) {
  if (!text.includes(from)) throw new Error(`not in the base fixture: ${from}`);
  return text.split(from).join(to);
}

// ---- Gmail: look-alike buttons ----
{
  let html = read('gmail-compose-2026-11.html');
  html = note(
    html,
    'December 2026 variant (scripts/make-fixtures-2026-12.mjs): look-alike buttons injected by other\n' +
      '  extensions beside Send, as gmail.js#480 and InboxSDK compose buttons show them.',
  );
  const lookalikes = (id) =>
    `<div class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" tabindex="1" data-tooltip="AI Reply" aria-label="AI Reply" data-lookalike="plain-${id}" style="user-select: none">AI Reply</div>\n`;
  const sdk = (id) =>
    `<div class="inboxsdk__button_group"><div class="inboxsdk__button inboxsdk__composeButton T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" tabindex="1" data-tooltip="Send later" aria-label="Send later" data-lookalike="sdk-${id}" style="user-select: none">Send later</div></div>\n`;
  for (const id of [':r8', ':p6']) {
    const send = `<div id="${id}" class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button"`;
    html = replaceAll(html, send, `${lookalikes(id)}${send}`);
  }
  for (const id of [':r9', ':p7']) {
    const more = `<div id="${id}" class="T-I J-J5-Ji hG T-I-atl L3" role="button"`;
    const end = html.indexOf('</div>', html.indexOf(more)) + '</div>'.length;
    html = `${html.slice(0, end)}\n${sdk(id)}${html.slice(end)}`;
  }
  // Gmail's own handlers are bound to its own Send, never to a button someone else added.
  html = replaceAll(
    html,
    `var SEND_SEL = '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])';`,
    `var SEND_SEL = '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"]):not([data-lookalike])';`,
  );
  // Each look-alike runs its own extension's action: counted, never a send.
  html = replaceAll(
    html,
    "  document.querySelectorAll('.M9').forEach(wire);",
    `  document.addEventListener('click', function (e) {
    var look = e.target.closest && e.target.closest('[data-lookalike]');
    if (!look) return;
    var n = Number(html.getAttribute('data-lookalike-clicks') || '0') + 1;
    html.setAttribute('data-lookalike-clicks', String(n));
  });
  document.querySelectorAll('.M9').forEach(wire);`,
  );
  write('gmail-compose-2026-12-lookalike.html', html);
}

// ---- Gmail: hashed class names ----
{
  let html = read('gmail-compose-2026-11.html');
  html = note(
    html,
    "December 2026 variant (scripts/make-fixtures-2026-12.mjs): Gmail's obfuscated compose and toolbar\n" +
      '  classes renamed to hashed forms (Ht -> Ht-<hash>), everywhere they occur.',
  );
  const tokens = [
    'M9',
    'IZ',
    'Up',
    'Uo',
    'btC',
    'btA',
    'dC',
    'gU',
    'aoO',
    'hG',
    'T-I-atl',
    'T-I',
    'J-J5-Ji',
    'L3',
    'v7',
    'Ap',
  ];
  let n = 0;
  for (const token of tokens) {
    const hash = `${token}-${(0x3a7f1 + 7919 * ++n).toString(36)}`;
    const escaped = token.replace(/[-]/g, '\\-');
    html = html.replace(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g'), hash);
  }
  write('gmail-compose-2026-12-hashed.html', html);
}

// ---- Outlook in Italian ----
{
  let html = read('outlook-compose-2026-11.html');
  html = note(
    html,
    'December 2026 variant (scripts/make-fixtures-2026-12.mjs): Outlook on the web in Italian: the\n' +
      '  compose toolbar and the send options menu as Outlook labels them in it-IT.',
  );
  html = replaceAll(html, '<html lang="en"', '<html lang="it"');
  html = replaceAll(
    html,
    'aria-label="Send" class="fui-Button" title="Send (Ctrl+Enter)">Send</button>',
    'aria-label="Invia" class="fui-Button" title="Invia (CTRL+INVIO)">Invia</button>',
  );
  html = replaceAll(html, 'aria-label="More send options"', 'aria-label="Altre opzioni di invio"');
  html = replaceAll(html, "'aria-label': 'More send options'", "'aria-label': 'Altre opzioni di invio'");
  // The menu: "Imposta priorità" (changes the draft) first would contradict Outlook; Outlook puts the
  // send action first. A second item that only changes the draft follows it.
  html = replaceAll(
    html,
    "var item = make('button', { type: 'button', role: 'menuitem' }, 'Schedule send');",
    "var item = make('button', { type: 'button', role: 'menuitem' }, 'Pianifica invio');",
  );
  html = replaceAll(
    html,
    '    menu.appendChild(item);\n    var rect = button.getBoundingClientRect();\n    menu.style.left = rect.left + window.scrollX',
    `    menu.appendChild(item);
    var later = make('button', { type: 'button', role: 'menuitem' }, 'Invia più tardi');
    later.addEventListener('click', function (e) {
      closeMenus();
      send(root, 'schedule', 'schedule-menu', { trusted: e.isTrusted, scheduledFor: 'Gio 26/11/2026 08:00' });
    });
    menu.appendChild(later);
    var importance = make('button', { type: 'button', role: 'menuitem' }, 'Imposta priorità');
    importance.addEventListener('click', function () {
      closeMenus();
      html.setAttribute('data-test-importance', 'set');
    });
    menu.appendChild(importance);
    var rect = button.getBoundingClientRect();
    menu.style.left = rect.left + window.scrollX`,
  );
  write('outlook-compose-2026-12-it.html', html);
}

// ---- Gmail: a narrow compose with Gmail's full toolbar ----
// The new message at 300 px (a small window, several moles side by side) with every control Gmail puts in
// the bottom row (formatting, attach, link, emoji, Drive, photo, confidential mode, signature, more
// options, discard): the row has no room to spare.
{
  let html = read('gmail-compose-2026-11.html');
  html = note(
    html,
    'December 2026 variant (scripts/make-fixtures-2026-12.mjs): a narrow (300 px) new-message compose\n' +
      "  whose bottom toolbar row holds Gmail's full set of controls.",
  );
  html = replaceAll(html, '  .AD > .nn { width: 360px; }', '  .AD > .nn { width: 300px; }');
  const extra = [
    ['aaA aMZ', 'Insert link (Ctrl-K)'],
    ['aA7 aMZ', 'Insert emoji (Ctrl-Shift-2)'],
    ['aA7 aaB', 'Insert files using Drive'],
    ['aA7 aRh', 'Insert photo'],
    ['aA7 aRe', 'Toggle confidential mode'],
    ['aA7 aaC', 'Insert signature'],
    ['aA7 a3s', 'More options'],
  ]
    .map(
      ([cls, label]) =>
        `<td class="gU a0z"><div class="a1 ${cls}" role="button" tabindex="1" aria-label="${label}" data-tooltip="${label}"></div></td>`,
    )
    .join('\n                              ');
  const attach =
    '<td class="gU a0z"><div class="a1 aaA aMZ" role="button" tabindex="1" aria-label="Attach files" data-tooltip="Attach files"></div></td>';
  const parts = html.split(attach);
  if (parts.length !== 3) throw new Error('expected two toolbars');
  // The new message is the second compose in the page.
  html = `${parts[0]}${attach}${parts[1]}${attach}\n                              ${extra}${parts[2]}`;
  write('gmail-compose-2026-12-narrow.html', html);
}
