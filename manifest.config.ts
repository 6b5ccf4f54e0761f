import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

/** The hosts Preflight runs on, and nothing else (pinned by a test). */
export const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
] as const;

/**
 * Public half of the signing key: pins the Chrome extension id to
 * mejllmifkfelcennjodgchfabfbeckbc, which administrators need for managed policy.
 */
export const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmksX1GGnyEdDUH9ff5cxTrhAwO1TVvgf8msYAukLWbtJN/9QGgi6pkCWJ5u9kaxGjKqqWfiE/IHoXvUiRyWHPUouMDDCMwRuGsiuPdygl2a6fEmANVZ4l8Mvjm4UucgHvGDk/wAdCR5niibxXbp5pjHDTWwqWhQbOnsVcGs04dn92JzgoOuRY8NORdtV+QJJC6vF4qqI3nsSL0ITS1MgRE/WyriC3dsVY94vysLwyatmmhCOWA3XJah8ij2tpJNE0GBJkYvjJb8cpE6fgBifElJxbMonCHU5raA4fW0sWC0qgDkX3z4Bq52QFhXfj9b0M9T3U10OJqZHF6TAwTCYxQIDAQAB';

/** Copied from public/ to the root of each build. */
export const MANAGED_SCHEMA = 'managed-schema.json';

export const GECKO_ID = 'preflight@preflight.local';

/**
 * A self-hosted Firefox package names where Firefox looks for its updates (an `updates.json`, README
 * "Packages and updates"); a package for addons.mozilla.org must not, so it is only set when asked for.
 */
export function geckoUpdateUrl(value = process.env.PREFLIGHT_FIREFOX_UPDATE_URL): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PREFLIGHT_FIREFOX_UPDATE_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`PREFLIGHT_FIREFOX_UPDATE_URL must be an https URL (Firefox refuses others): ${value}`);
  return url.href;
}

export function makeManifest(target: Target) {
  const updateUrl = geckoUpdateUrl();
  return defineManifest({
    manifest_version: 3,
    name: 'Preflight',
    short_name: 'Preflight',
    description: pkg.description,
    version: pkg.version,
    icons: {
      16: 'icons/icon-16.png',
      32: 'icons/icon-32.png',
      48: 'icons/icon-48.png',
      128: 'icons/icon-128.png',
    },
    action: {
      default_title: 'Preflight',
      default_popup: 'src/popup/index.html',
      default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
    },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    // Chrome's service worker is not a vite build: scripts/build.mjs bundles it as a classic script and names it
    // in the manifest (docs/architecture.md, "What ships").
    ...(target === 'firefox' ? { background: { scripts: ['src/background/index.ts'], type: 'module' } } : {}),
    content_scripts: [
      {
        matches: [...MAIL_HOSTS],
        js: ['src/content/index.iife.ts'],
        run_at: 'document_start',
        all_frames: true,
        match_about_blank: true,
        ...(target === 'chrome' ? { match_origin_as_fallback: true } : {}),
      },
    ],
    permissions: ['storage'],
    // Chrome and Edge read an administrator's policy for the extension against this schema (its properties
    // are the policy file's top-level keys); Firefox reads the same JSON from its `3rdparty` policy.
    ...(target === 'chrome' ? { storage: { managed_schema: MANAGED_SCHEMA } } : {}),
    host_permissions: [...MAIL_HOSTS],
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'none'",
    },
    ...(target === 'chrome'
      ? { key: CHROME_KEY, minimum_chrome_version: '121' }
      : {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
              ...(updateUrl ? { update_url: updateUrl } : {}),
            },
            // Firefox for Android reads data_collection_permissions from 142 on; without its own minimum,
            // Android would inherit 140 and AMO's linter warns that the key is unsupported there.
            gecko_android: { strict_min_version: '142.0' },
          },
        }),
  } as Parameters<typeof defineManifest>[0]);
}
