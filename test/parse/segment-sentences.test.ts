import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../src/parse/segment-sentences.js';

/** A paragraph of the gold set: its text and the sentences an annotator marked. */
interface GoldParagraph {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly sentences: readonly string[];
}

function readGold(
  file: string,
  joiner: string,
  language: string,
): (GoldParagraph & { language: string })[] {
  const lines = readFileSync(`test/fixtures/segmentation/${file}`, 'utf8').split('\n');
  const out: (GoldParagraph & { language: string })[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((line, i) => {
    if (line.startsWith('#')) return;
    if (line.trim() === '') {
      if (current.length > 0)
        out.push({ file, line: start, text: current.join(joiner), sentences: current, language });
      current = [];
      return;
    }
    if (current.length === 0) start = i + 1;
    current.push(line);
  });
  if (current.length > 0)
    out.push({ file, line: start, text: current.join(joiner), sentences: current, language });
  return out;
}

const gold = [
  ...readGold('diplomatic.txt', ' ', 'en'),
  ...readGold('central-bank.txt', ' ', 'en'),
  ...readGold('hard.txt', ' ', 'en'),
  ...readGold('cjk.txt', '', 'zh'),
];

/** Boundaries as offsets after each sentence but the last. */
function boundaries(text: string, sentences: readonly string[]): Set<number> {
  const out = new Set<number>();
  let from = 0;
  sentences.slice(0, -1).forEach((s) => {
    const at = text.indexOf(s, from);
    from = at + s.length;
    out.add(from);
  });
  return out;
}

describe('sentence segmentation on the hand-labelled set (test/fixtures/segmentation)', () => {
  let total = 0;
  let errors = 0;
  const misses: string[] = [];
  for (const p of gold) {
    const expected = boundaries(p.text, p.sentences);
    const found = new Set(
      segmentSentences(p.text, p.language)
        .slice(0, -1)
        .map((r) => r.end),
    );
    total += expected.size;
    for (const b of expected)
      if (!found.has(b)) {
        errors++;
        misses.push(`${p.file}:${p.line} missed after "${p.text.slice(Math.max(0, b - 30), b)}"`);
      }
    for (const b of found)
      if (!expected.has(b)) {
        errors++;
        misses.push(
          `${p.file}:${p.line} false split after "${p.text.slice(Math.max(0, b - 30), b)}"`,
        );
      }
  }

  it('has at least 300 labelled boundaries', () => {
    console.log(
      `segmentation: ${errors} errors over ${total} boundaries${misses.length ? ': ' + misses.join('; ') : ''}`,
    );
    expect(total).toBeGreaterThanOrEqual(300);
  });

  it('gets at most 1% of boundaries wrong (missed + false splits)', () => {
    expect(misses, `${errors} errors over ${total} boundaries`).toEqual(
      misses.slice(0, Math.floor(total * 0.01)),
    );
    expect(errors / total).toBeLessThanOrEqual(0.01);
  });
});
