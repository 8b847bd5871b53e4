/** Maps offsets in a text to 1-based line and column, in O(log n) per lookup. */
import type { SourceSpan } from '../model/statement.js';

/** An index of line starts over one text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /** 1-based line of `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** A span for `[start, end)` with line and column of `start`. */
  span(start: number, end: number): SourceSpan {
    const line = this.lineOf(start);
    return { start, end, line, column: start - (this.starts[line - 1] ?? 0) + 1 };
  }
}
