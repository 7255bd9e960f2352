/**
 * Headless Chromium for browser tests: Debian's `chromium` driven by playwright-core, which
 * never downloads a browser. The flags keep Chromium off the network (no background requests,
 * component updates, sync or QUIC probes).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian's package puts the browser (`.ci/run` installs it). */
export const CHROMIUM_PATH = process.env.LINKGAP_CHROMIUM ?? '/usr/bin/chromium';

/** True when the browser is installed. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Start a headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
