/** Statements whose text carries hostile strings, for the escaping tests of the HTML pages. */
import { analyseStatement } from '../../src/analyse/analyse-statement.js';
import type { SeriesReport } from '../../src/model/series.js';
import type { Statement } from '../../src/model/statement.js';
import { parseStatement } from '../../src/parse/parse-statement.js';
import { buildSeries } from '../../src/series/build-series.js';

function load(text: string, file: string): Statement {
  return analyseStatement(parseStatement(text, { file }));
}

/** Three rounds whose title, headings and sentences carry hostile strings (Markdown-escaped so they stay text). */
export function hostileSeries(): SeriesReport {
  const front = (date: string): string =>
    `---\ntitle: "Talks <script>alert(1)</script>"\ndate: ${date}\nplace: "\\" onmouseover=\\"alert(2)"\n---\n\n`;
  const a = `${front('2025-01-01')}# Cooperation \\<img src=x onerror=alert(3)>

1. The two sides agreed to cooperate on trade \\<script>alert(4)\\</script> and energy.

2. They welcomed \\[the plan](javascript:alert(5)) for the port.

3. China said " onmouseover="alert(6)" x=" it would help.
`;
  const b = `${front('2025-06-01')}# Cooperation \\<img src=x onerror=alert(3)>

1. The two sides agreed to deepen cooperation on trade \\<script>alert(4)\\</script> and energy.

2. Pakistan pledged to build \\<img src=x onerror=alert(7)> roads.
`;
  const c = `${front('2025-12-01')}# Cooperation \\<img src=x onerror=alert(3)>

1. The two sides agreed to deepen cooperation on trade \\<script>alert(4)\\</script> and energy.

2. They welcomed \\[the plan](javascript:alert(5)) for the port.

3. They agreed to meet again \\<b onmouseover="alert(8)">soon\\</b> in \\[Beijing](javascript:alert(9)).
`;
  return buildSeries([load(a, 'hostile-a.md'), load(b, 'hostile-b.md'), load(c, 'hostile-c.md')]);
}
