/** statement-diff as a git diff driver, end to end in a temporary repository. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../src/cli/bin.ts', import.meta.url).pathname;
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).pathname;
const repo = mkdtempSync(join(tmpdir(), 'sd-git-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, NO_COLOR: '1' },
  });

const round = (year: number, extra = '') => `---
title: Joint statement
date: ${year}-05-01
---

# Joint statement

1. The two sides agreed to hold the next round in Beijing in ${year + 1}.

2. China will support the corridor.${extra}
`;

describe('git diff driver', () => {
  it('shows the commitment report in git diff and git log -p, set up as docs/git.md says', () => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    // The setup of docs/git.md, with the executable run from the sources.
    writeFileSync(join(repo, '.gitattributes'), '*.md diff=statement\n');
    git(
      'config',
      'diff.statement.command',
      `'${process.execPath}' --import '${TSX}' '${BIN}' git-diff`,
    );
    writeFileSync(join(repo, 'round.md'), round(2025));
    git('add', '.');
    git('commit', '-qm', 'first round');
    writeFileSync(join(repo, 'round.md'), round(2026, ' Pakistan welcomed the support.'));
    const diff = git('diff');
    expect(diff).toContain('statement-diff a/round.md b/round.md');
    expect(diff).toMatch(/CHANGED/);
    expect(diff).toMatch(/2026 → 2027|2026.*2027/);
    expect(diff).toMatch(/NEW.*\n.*Pakistan welcomed the support/);
    git('commit', '-qam', 'second round');
    const log = git('log', '-p', '--ext-diff');
    expect(log).toContain('second round');
    expect(log).toContain('statement-diff a/round.md b/round.md');
    expect(log).toContain('new statement: 2 sentences'); // the first commit adds the file
  }, 60_000);

  it('reports a statement it cannot read in the output and goes on to the next file', () => {
    writeFileSync(join(repo, 'broken.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    git('add', 'broken.md');
    writeFileSync(join(repo, 'broken.md'), '---\ntitle: [still unclosed\n---\n\nMore text.\n');
    const diff = git('diff');
    expect(diff).toMatch(/not compared: a\/broken\.md:2: invalid YAML/);
  }, 60_000);
});
