import { createRequire } from 'node:module';
createRequire(import.meta.url)('./cli-bundle.cjs').runAction();
