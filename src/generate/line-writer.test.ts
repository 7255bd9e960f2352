import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineWriter } from './line-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'linkgap-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LineWriter', () => {
  it('rolls to a new part at a line boundary once a part is full, and only then', () => {
    const w = new LineWriter({
      outDir: dir,
      pathOf: (n) => `p/part-${n}.ndjson`,
      rollBytes: 10_000,
    });
    const lines: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const line = `{"i":${i},"s":"${'é'.repeat(i % 40)}"}\n`;
      lines.push(line);
      w.write(line);
    }
    w.close();
    const parts = w.files.map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(parts.join('')).toBe(lines.join(''));
    expect(w.bytes).toBe(Buffer.byteLength(lines.join('')));
    for (const p of parts) expect(p.endsWith('\n')).toBe(true);
    for (const p of parts.slice(0, -1)) expect(Buffer.byteLength(p)).toBeGreaterThanOrEqual(10_000);
    expect(parts.length).toBeGreaterThan(5);
  });
});
