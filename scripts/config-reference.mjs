// npm run docs:config: writes docs/configuration.md from the environment classes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationReference, OUTPUT } from './config-reference/reference.mjs';

const root = process.cwd();
writeFileSync(join(root, OUTPUT), await configurationReference(root));
console.log(`Wrote ${OUTPUT}.`);
