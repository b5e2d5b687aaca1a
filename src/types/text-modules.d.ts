// Markdown files imported as text: inlined by esbuild (loader "text") and by the Vitest plugin.
declare module '*.md' {
  const text: string;
  export default text;
}
