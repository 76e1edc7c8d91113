#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx newsdesk` works right after `npm ci`
// with no build step and never runs stale compiled code.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
