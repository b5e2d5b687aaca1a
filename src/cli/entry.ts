/** The CLI bundle (dist/cli-bundle.cjs), as the launcher (launcher.ts) runs it. */
export { runCli } from './run-cli.js';
export { runWorker } from './worker.js';
export { setModuleImporter } from './import-module.js';
