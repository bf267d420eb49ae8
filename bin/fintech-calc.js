#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { main } from '../dist/main.js';

await main(fileURLToPath(new URL('..', import.meta.url)));
