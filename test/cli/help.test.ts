import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/run.js';
import { runCli } from '../support/run-cli.js';

const readme = readFileSync('README.md', 'utf8');

describe('help and README agree', () => {
  it('lists every command in --help, and the README shows each one in use', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) {
      const name = command.command.split(' ')[0] as string;
      expect(help.stdout).toContain(`statement-diff ${name}`);
      expect(readme).toContain(`statement-diff ${name}`);
    }
  });

  it.each(COMMANDS.map((c) => c.command.split(' ')[0] as string))(
    '%s --help has a description and examples',
    async (name) => {
      const r = await runCli([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toMatch(/Options:/);
    },
  );

  it('answers an unknown command with exit 2 and a hint', async () => {
    const r = await runCli(['comapre', 'a', 'b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean compare|Unknown/i);
  });
});
