#!/usr/bin/env node
// Runs the TypeScript CLI from the checkout: tsx loads src/ directly, so what runs is
// always the source in the tree (no stale build).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
