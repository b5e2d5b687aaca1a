// Writes src/config/dmlintrc.schema.json from the rules' metadata (a test checks it is current).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const result = await build({
  stdin: { contents: "export { buildConfigSchema } from './src/config/schema.ts'; export { builtinRules } from './rules/index.ts';", resolveDir: '.', loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  loader: { '.md': 'text' },
  logLevel: 'warning',
});
const { buildConfigSchema, builtinRules } = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
writeFileSync('src/config/dmlintrc.schema.json', `${JSON.stringify(buildConfigSchema(builtinRules), null, 2)}\n`);
console.log('wrote src/config/dmlintrc.schema.json');
