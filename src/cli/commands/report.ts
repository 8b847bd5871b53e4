/** `statement-diff report`: placeholder until the command lands. */
import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const reportCommand: Command = {
  command: 'report',
  describe: '(not yet available)',
  builder: (yargs) => yargs,
  execute: () => Promise.reject(new UserError('E_USAGE', 'the report command is not available yet')),
};
