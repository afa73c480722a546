/**
 * The Chromium binary the browser tests and the web bench drive: CHROMIUM_PATH (when it exists),
 * else `chromium` or `chromium-browser` on the PATH. No jest globals, so the bench can use it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on the PATH
    }
  }
  return undefined;
}
