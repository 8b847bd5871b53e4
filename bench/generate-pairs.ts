/**
 * Seeded generator of realistic statement pairs with ground truth: numbered paragraphs under
 * headings, reworded, dropped, new, moved, split and merged sentences, renumbering and a moved
 * section. Used by the accuracy benchmark (truth) and the speed benchmark (sizes).
 */

/** A small fast deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = [
  'The two sides',
  'Both sides',
  'Freedonia',
  'Sylvania',
  'The ministers',
  'The Freedonian side',
  'The Sylvanian side',
];
const ACTS = [
  'agreed to',
  'pledged to',
  'reaffirmed their resolve to',
  'decided to',
  'undertook to',
  'resolved to',
  'committed to',
];
const VERBS = [
  'strengthen',
  'expand',
  'deepen',
  'accelerate',
  'review',
  'support',
  'upgrade',
  'protect',
  'finance',
  'complete',
  'coordinate',
  'promote',
];
const OBJECTS = [
  'cooperation',
  'the railway corridor',
  'port operations',
  'the energy grid',
  'customs procedures',
  'the water treaty',
  'maritime security',
  'vaccine production',
  'student exchanges',
  'the trade zone',
  'satellite services',
  'flood relief',
  'border markets',
  'the dam project',
  'mineral exploration',
  'banking links',
  'cyber defence',
  'tourism promotion',
];
const PLACES = [
  'Vantor',
  'Kelby',
  'Marrow',
  'Ostrand',
  'Pellin',
  'Quarry Bay',
  'Rusk',
  'Saltmere',
  'Tolvin',
  'Umber',
  'Wexley',
  'Yarrow',
];
const AREAS = [
  'agriculture',
  'mining',
  'industry',
  'education',
  'health',
  'transport',
  'finance',
  'culture',
  'science',
  'energy',
];
const ADVERBS = ['further', 'jointly', 'steadily', 'actively', 'fully', 'swiftly'];
const SYNONYMS: Record<string, string> = {
  strengthen: 'reinforce',
  expand: 'broaden',
  deepen: 'intensify',
  accelerate: 'speed up',
  review: 'assess',
  support: 'back',
  upgrade: 'modernise',
  protect: 'safeguard',
  finance: 'fund',
  complete: 'finish',
  coordinate: 'align',
  promote: 'advance',
  cooperation: 'collaboration',
};
const HEADINGS = [
  'Bilateral relations',
  'Economic cooperation',
  'Security',
  'Regional issues',
  'People-to-people exchanges',
  'Multilateral cooperation',
  'Energy and climate',
  'Science and technology',
  'Health',
  'Connectivity',
];

type Pick = <T>(list: readonly T[]) => T;

/** One generated sentence with a stable truth id. */
interface GenSentence {
  id: number;
  text: string;
}

interface GenParagraph {
  sentences: GenSentence[];
}

interface GenSection {
  heading: string;
  paragraphs: GenParagraph[];
}

/** The ground truth of a generated pair, in terms of truth sentence ids. */
export interface Truth {
  /** before truth id → after truth ids (one for kept or reworded, two for split). */
  readonly pairs: ReadonlyMap<number, readonly number[]>;
  /** Truth ids of before sentences whose block moved. */
  readonly moved: ReadonlySet<number>;
  /** Before truth id → after ids of a split. */
  readonly splits: ReadonlyMap<number, readonly number[]>;
  /** After truth id → before ids of a merge. */
  readonly merges: ReadonlyMap<number, readonly number[]>;
  /** Before paragraph number → after paragraph number, for paragraphs whose number changed. */
  readonly renumbered: ReadonlyMap<string, string>;
  /** Heading of the section that moved, if any. */
  readonly movedSection: string | null;
}

/** A generated pair: texts and, for each, the truth id of every sentence in document order. */
export interface GeneratedPair {
  readonly before: string;
  readonly after: string;
  readonly beforeIds: readonly number[];
  readonly afterIds: readonly number[];
  readonly truth: Truth;
}

function sentence(pick: Pick, rnd: () => number, serial: number): string {
  const items = [pick(AREAS), pick(AREAS), pick(AREAS)];
  const shapes = [
    () =>
      `${pick(ACTORS)} ${pick(ACTS)} ${pick(VERBS)} ${pick(OBJECTS)} near ${pick(PLACES)} by ${2026 + Math.floor(rnd() * 9)}.`,
    () =>
      `${pick(ACTORS)} ${pick(ACTS)} ${pick(VERBS)} ${pick(OBJECTS)} in ${items[0]}, ${items[1]} and ${items[2]} with partners from ${pick(PLACES)}.`,
    () =>
      `${pick(ACTORS)} welcomed progress on ${pick(OBJECTS)} at ${pick(PLACES)} and ${pick(ACTS)} ${pick(VERBS)} ${pick(OBJECTS)}, and they noted project ${serial} in ${pick(PLACES)}.`,
    () =>
      `${pick(ACTORS)} ${pick(ACTS)} allocate ${1 + Math.floor(rnd() * 90)} million for ${pick(OBJECTS)} in ${pick(PLACES)} under programme ${serial}.`,
  ];
  return pick(shapes)();
}

/** Rewords a sentence: a synonym and an adverb, keeping most words. */
function reword(text: string, pick: Pick): string {
  const words = text.split(' ');
  const swap = words.findIndex((w) => SYNONYMS[w] !== undefined);
  if (swap !== -1) words[swap] = SYNONYMS[words[swap] as string] as string;
  const at = Math.min(words.length - 1, 2);
  words.splice(at, 0, pick(ADVERBS));
  return words.join(' ');
}

/** Generates a pair of about `targetBytes` each; `seed` fixes everything. */
export function generatePair(seed: number, targetBytes = 12_000): GeneratedPair {
  const rnd = random(seed);
  const pick: Pick = (list) => list[Math.floor(rnd() * list.length)] as (typeof list)[number];
  let nextId = 1;
  let serial = 1000 + (seed % 1000) * 1000;
  const sections: GenSection[] = [];
  let bytes = 0;
  let h = 0;
  while (bytes < targetBytes) {
    const heading = `${HEADINGS[h % HEADINGS.length]}${h >= HEADINGS.length ? ` ${Math.floor(h / HEADINGS.length) + 1}` : ''}`;
    h++;
    const paragraphs: GenParagraph[] = [];
    const count = 3 + Math.floor(rnd() * 4);
    for (let p = 0; p < count && bytes < targetBytes; p++) {
      const sentences: GenSentence[] = [];
      const n = 1 + Math.floor(rnd() * 3);
      for (let s = 0; s < n; s++) {
        const text = sentence(pick, rnd, serial++);
        bytes += text.length + 1;
        sentences.push({ id: nextId++, text });
      }
      paragraphs.push({ sentences });
    }
    sections.push({ heading, paragraphs });
  }

  // Edit a copy into the after side, recording the truth.
  const pairs = new Map<number, number[]>();
  const moved = new Set<number>();
  const splits = new Map<number, number[]>();
  const merges = new Map<number, number[]>();
  const after: GenSection[] = [];
  for (const section of sections) {
    const paragraphs: GenParagraph[] = [];
    for (const paragraph of section.paragraphs) {
      const out: GenSentence[] = [];
      const list = paragraph.sentences;
      for (let i = 0; i < list.length; i++) {
        const s = list[i] as GenSentence;
        const r = rnd();
        if (r < 0.06) continue; // dropped
        if (r < 0.1 && /, and they /.test(s.text)) {
          const [first, second] = s.text.split(', and they ') as [string, string];
          const a = { id: nextId++, text: `${first}.` };
          const b = { id: nextId++, text: `They ${second}` };
          out.push(a, b);
          splits.set(s.id, [a.id, b.id]);
          pairs.set(s.id, [a.id, b.id]);
          continue;
        }
        const next = list[i + 1];
        if (r < 0.13 && next) {
          const merged = {
            id: nextId++,
            text: `${s.text.replace(/\.$/, '')}, and ${next.text.charAt(0).toLowerCase()}${next.text.slice(1)}`,
          };
          out.push(merged);
          merges.set(merged.id, [s.id, next.id]);
          pairs.set(s.id, [merged.id]);
          pairs.set(next.id, [merged.id]);
          i++;
          continue;
        }
        const kept = { id: nextId++, text: r < 0.35 ? reword(s.text, pick) : s.text };
        out.push(kept);
        pairs.set(s.id, [kept.id]);
      }
      if (rnd() < 0.08) out.push({ id: nextId++, text: sentence(pick, rnd, serial++) }); // new
      if (out.length > 0) paragraphs.push({ sentences: out });
    }
    if (rnd() < 0.1)
      paragraphs.splice(Math.floor(rnd() * paragraphs.length), 0, {
        sentences: [{ id: nextId++, text: sentence(pick, rnd, serial++) }],
      });
    after.push({ heading: section.heading, paragraphs });
  }
  // Move one short paragraph at least three paragraphs away, inside the after side.
  const flat = after.flatMap((s, si) => s.paragraphs.map((p, pi) => ({ si, pi, p })));
  if (flat.length > 8) {
    const from = flat[1 + Math.floor(rnd() * (flat.length - 6))];
    if (from && from.p.sentences.length <= 2) {
      const target = after[(from.si + 2) % after.length];
      if (target && target !== after[from.si]) {
        after[from.si]?.paragraphs.splice(from.pi, 1);
        target.paragraphs.splice(Math.floor(target.paragraphs.length / 2), 0, from.p);
        for (const s of from.p.sentences) {
          for (const [b, as] of pairs) if (as.includes(s.id)) moved.add(b);
        }
      }
    }
  }
  // Move the smallest section to the end when it jumps over more than itself.
  let movedSection: string | null = null;
  if (after.length >= 4) {
    const sizes = after.map((s) => s.paragraphs.reduce((n, p) => n + p.sentences.length, 0));
    const smallest = sizes.indexOf(Math.min(...sizes.slice(0, -2)));
    if (smallest >= 0 && smallest < after.length - 2) {
      const [section] = after.splice(smallest, 1);
      if (section) {
        after.push(section);
        movedSection = section.heading;
        for (const p of section.paragraphs) {
          for (const s of p.sentences)
            for (const [b, as] of pairs) if (as.includes(s.id)) moved.add(b);
        }
      }
    }
  }
  const render = (
    secs: GenSection[],
  ): { text: string; ids: number[]; numbers: Map<number, string> } => {
    const ids: number[] = [];
    const numbers = new Map<number, string>();
    const lines = [
      '---',
      'series: generated',
      'parties: [Freedonia, Sylvania]',
      '---',
      '',
      '# Joint statement',
      '',
    ];
    let n = 1;
    for (const s of secs) {
      lines.push(`## ${s.heading}`, '');
      for (const p of s.paragraphs) {
        lines.push(`${n}. ${p.sentences.map((x) => x.text).join(' ')}`, '');
        for (const x of p.sentences) {
          ids.push(x.id);
          numbers.set(x.id, String(n));
        }
        n++;
      }
    }
    return { text: lines.join('\n'), ids, numbers };
  };
  const b = render(sections);
  const a = render(after);
  const renumbered = new Map<string, string>();
  for (const [bid, aids] of pairs) {
    const nb = b.numbers.get(bid);
    const na = a.numbers.get(aids[0] as number);
    if (nb !== undefined && na !== undefined && nb !== na && !renumbered.has(nb))
      renumbered.set(nb, na);
  }
  return {
    before: b.text,
    after: a.text,
    beforeIds: b.ids,
    afterIds: a.ids,
    truth: { pairs, moved, splits, merges, renumbered, movedSection },
  };
}
