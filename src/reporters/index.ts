/** The reporters by name. */
import { compact } from './compact.js';
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export const reporters: Readonly<Record<string, Reporter>> = { stylish, compact, json };

export const FORMAT_NAMES = Object.keys(reporters);
