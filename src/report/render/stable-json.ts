/**
 * JSON with sorted object keys and a final newline: byte-identical output for identical data.
 * Layout: a value that holds no array of objects is written on one line (a sentence, a span, an
 * edit); everything else is indented, one member per line. Diffs of two reports stay readable
 * line by line, and a report is a third the size of fully indented JSON (bench/README.md).
 */

const holdsObjectArrays = new WeakMap<object, boolean>();

/** True when `value` contains, at any depth, an array with an object or array in it. */
function isNested(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const known = holdsObjectArrays.get(value);
  if (known !== undefined) return known;
  let nested = false;
  if (Array.isArray(value))
    nested = value.some((item) => item !== null && typeof item === 'object');
  if (!nested) nested = Object.values(value as object).some((inner) => isNested(inner));
  holdsObjectArrays.set(value, nested);
  return nested;
}

/** Compact JSON with sorted keys. */
function compact(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) sorted[key] = record[key];
    return sorted;
  });
}

/** Receives the serialisation piece by piece. */
export type Sink = (chunk: string) => void;

function write(value: unknown, indent: string, out: Sink): void {
  if (value === null || typeof value !== 'object' || !isNested(value)) {
    out(value === undefined ? 'null' : compact(value));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    out('[\n');
    value.forEach((item, i) => {
      out(inner);
      write(item, inner, out);
      out(i < value.length - 1 ? ',\n' : '\n');
    });
    out(`${indent}]`);
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  out('{\n');
  keys.forEach((key, i) => {
    out(`${inner}${JSON.stringify(key)}: `);
    write(record[key], inner, out);
    out(i < keys.length - 1 ? ',\n' : '\n');
  });
  out(`${indent}}`);
}

/**
 * Streams the serialisation of `value` to `sink` in chunks of about 1 MiB, so that a report of
 * a 10 MB pair (~100 MB of JSON) never exists as one string (issue 5, memory).
 */
export function writeStableJson(value: unknown, sink: Sink): void {
  let batch: string[] = [];
  let size = 0;
  write(value, '', (chunk) => {
    batch.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) {
      sink(batch.join(''));
      batch = [];
      size = 0;
    }
  });
  batch.push('\n');
  sink(batch.join(''));
}

/** Serialises `value` with sorted keys and a trailing newline (layout above). */
export function stableJson(value: unknown): string {
  const out: string[] = [];
  writeStableJson(value, (chunk) => out.push(chunk));
  return out.join('');
}
