/** `statement-diff compare`: placeholder until the command lands. */
import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const compareCommand: Command = {
  command: 'compare',
  describe: '(not yet available)',
  builder: (yargs) => yargs,
  execute: () => Promise.reject(new UserError('E_USAGE', 'the compare command is not available yet')),
};
