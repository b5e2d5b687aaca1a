/** The CLI bundle (dist/cli-bundle.cjs), as the launcher (launcher.ts) runs it. */
export { runCli } from './run-cli.js';
export { runWorker } from '../host/worker.js';
export { setModuleImporter } from '../host/import-module.js';
