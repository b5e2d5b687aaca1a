/**
 * Importing an ES module named at run time (a plugin). The CLI's bundle runs as a script
 * (code-cache.ts), where `import()` has no module loader to call, so the launcher hands over
 * its own `import`; elsewhere (the library, tests) the module's own serves.
 */
type Importer = (specifier: string) => Promise<unknown>;

let importer: Importer = (specifier) => import(specifier);

export function setModuleImporter(use: Importer): void {
  importer = use;
}

export function importModule(specifier: string): Promise<unknown> {
  return importer(specifier);
}
