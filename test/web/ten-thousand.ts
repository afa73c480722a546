/**
 * The 10,000-character report the web page is typed into (test/web/page.test.ts and the bench): seed 003 with
 * paragraphs added. Outside jest too (the bench), so it does not import test/helpers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const seed = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'seeds', '003_725222af666056f0.txt');

export function tenThousand(): string {
  let text = readFileSync(seed, 'utf8').trimEnd();
  while (text.length < 10_000) text += '\n本机关持续加强政府信息公开平台建设，及时更新栏目内容，方便公众查阅和监督。';
  return text.slice(0, 10_000);
}
