import { z } from 'zod';
import { listRegions } from '../src/core/places/regions.js';
import { defineCommand } from './define.js';
import { NO_OPTIONS } from './slash.js';

/** `/regions`: the regions one can follow. */
export const regionsCommand = defineCommand({
  name: 'regions',
  description: 'The regions you can follow',
  usage: '/regions',
  example: '/regions',
  access: 'everyone',
  options: z.object({}),
  fromWords: () => ({}),
  slash: NO_OPTIONS,
  handler: () => {
    const items = listRegions().map((r) => `${r.slug}: ${r.name}`);
    return Promise.resolve({ blocks: [{ kind: 'list', title: 'Regions', items }] });
  },
});
