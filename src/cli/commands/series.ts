/** `statement-diff series`: placeholder until the command lands. */
import { UserError } from '../../model/errors.js';
import type { Command } from '../command.js';

export const seriesCommand: Command = {
  command: 'series',
  describe: '(not yet available)',
  builder: (yargs) => yargs,
  execute: () => Promise.reject(new UserError('E_USAGE', 'the series command is not available yet')),
};
