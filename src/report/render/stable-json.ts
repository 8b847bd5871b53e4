/**
 * JSON with sorted object keys and a final newline: byte-identical output for identical data.
 * Layout: a value that holds no array of objects is written on one line (a sentence, a span, an
 * edit); everything else is indented, one member per line. Diffs of two reports stay readable
 * line by line, and a report is a third the size of fully indented JSON (bench/README.md).
 */

/**
 * True when `value` contains, at any depth, an array with an object or array in it. Not memoised:
 * the report is a few levels deep, and a WeakMap entry per object cost more than the rescans.
 */
function isNested(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') return true;
    return false;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && isNested((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Compact JSON with sorted keys, by JSON.stringify with a key-sorting replacer. */
function compactByReplacer(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) sorted[key] = record[key];
    return sorted;
  });
}

/** An array index as a key: objects list those first, so the sorted copy above would too. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Compact JSON with sorted keys: the same text as {@link compactByReplacer}, written directly
 * for plain data (a replacer call per value was ~40% of the JSON time; issue 5). Anything else
 * (toJSON, index-like keys, bigint …) goes the replacer way.
 */
function compact(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) text += ',';
          text += compact(value[i]) ?? 'null';
        }
        return `${text}]`;
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return compactByReplacer(value);
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let text = '{';
      let first = true;
      for (const key of keys) {
        if (INDEX_KEY.test(key)) return compactByReplacer(value);
        const inner = compact(record[key]);
        if (inner === undefined) continue;
        text += `${first ? '' : ','}${JSON.stringify(key)}:${inner}`;
        first = false;
      }
      return `${text}}`;
    }
    default:
      return compactByReplacer(value);
  }
}

/** Receives the serialisation piece by piece. */
export type Sink = (chunk: string) => void;

function write(value: unknown, indent: string, out: Sink): void {
  if (value === null || typeof value !== 'object' || !isNested(value)) {
    out(value === undefined ? 'null' : (compact(value) ?? 'null'));
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
