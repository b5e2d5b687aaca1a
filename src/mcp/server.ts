/**
 * The agent server (`dmlint mcp`): a Model Context Protocol server over stdio, on the official
 * SDK. Tools lint, fix, outline and explain; resources give the template in force and the rule
 * pages. Every tool declares its output schema and answers with structured content and a short
 * text. Whatever goes wrong with a call comes back as a tool error (isError), never as a crash.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../config/types.js';
import { DOCUMENT_NAME } from '../host/discover.js';
import { filledIn, plural } from '../reporters/text.js';
import { VERSION } from '../util/version.js';
import { OutsideRootError } from './root.js';
import { rulePage } from './rule-docs.js';
import { explainOutput, explainInput, fixOutput, lintInput, lintOutput, outlineInput, outlineOutput } from './schemas.js';
import { AgentTools, ToolError, type FileReport } from './tools.js';

/** Above the largest document dmlint lints (10 MiB) written as JSON: a larger one is refused as a tool error, not by the transport. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export function createMcpServer(root: string): McpServer {
  const tools = new AgentTools(root);
  const server = new McpServer({ name: 'dmlint', version: VERSION }, { instructions: INSTRUCTIONS });

  server.registerTool(
    'lint',
    {
      title: 'Lint data-model documents',
      description:
        'Lint data-model documents against their template: give "paths" (files, directories or globs, relative to the server\'s root) or "text" (with an optional "filePath" that decides its configuration). Each file comes back with its problems (rule, severity, message, 1-based positions, the safe fix, the options of an unresolved choice), its completeness (0 to 1) and whether it is complete (no error left).',
      inputSchema: lintInput,
      outputSchema: lintOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      answer(async () => {
        const { files, ignored } = await textOrPaths(input, (text) => tools.lintText(text).then((file) => ({ files: [file], ignored: [] })), (paths) => tools.lint(paths));
        return { structured: { files, ignored }, text: [...files.map(summary), ...ignoredNote(ignored)].join('\n') };
      }),
  );

  server.registerTool(
    'fix',
    {
      title: 'Apply the safe fixes',
      description:
        'Apply the safe fixes (those dmlint is certain of) to "paths" inside the server\'s root, written atomically as `dmlint --fix` does, or to "text", whose fixed text is returned as "output". Says which problems the fixes removed and what is left.',
      inputSchema: lintInput,
      outputSchema: fixOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      answer(async () => {
        const { files, ignored } = await textOrPaths(input, (text) => tools.fixText(text).then((file) => ({ files: [file], ignored: [] })), (paths) => tools.fix(paths));
        const lines = files.map((file) => `${file.changed ? `fixed ${plural(file.fixed.length, 'problem')} in` : 'nothing to fix in'} ${file.filePath}; ${summary(file)}`);
        return { structured: { files, ignored }, text: [...lines, ...ignoredNote(ignored)].join('\n') };
      }),
  );

  server.registerTool(
    'outline',
    {
      title: "The document's outline against its template",
      description:
        "For a document (\"path\" inside the server's root, or \"text\"), the template's outline in order, each item with its state (missing, empty, has-placeholders, present with errors in it, complete), the header fields and the entity blocks found, and the completeness: what to plan the next edit from.",
      inputSchema: outlineInput,
      outputSchema: outlineOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      answer(async () => {
        const outline = await tools.outline(input);
        const open = outline.items.filter((item) => item.required && !item.grouping && item.state !== 'complete');
        const text = `${outline.filePath}: ${filledIn(outline.completeness ?? undefined)} filled in, ${outline.complete ? 'complete' : 'not complete'}; ${open.length === 0 ? 'every required item is complete' : `to do: ${open.map((item) => `${item.title} (${item.state})`).join(', ')}`}`;
        return { structured: { ...outline }, text };
      }),
  );

  server.registerTool(
    'explain',
    {
      title: "A rule's documentation",
      description: "Give a rule id (as in a problem's ruleId): its documentation — what it checks, why, examples, options and how to fix what it reports.",
      inputSchema: explainInput,
      outputSchema: explainOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ ruleId }) =>
      answer(async () => {
        const explanation = await tools.explain(ruleId);
        return { structured: { ...explanation }, text: explanation.documentation };
      }),
  );

  server.registerResource(
    'template',
    new ResourceTemplate('dmlint://template/{+path}', { list: undefined }),
    { title: 'The template in force for a document', description: `The template a document at {path} (relative to the server's root) is checked against: the team's configured template or the bundled one. dmlint://template/${DOCUMENT_NAME} gives the root's.`, mimeType: 'text/markdown' },
    async (uri, variables) => {
      const path = decodeURIComponent(String(variables.path ?? ''));
      const { text } = await tools.template(path);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );

  server.registerResource(
    'rule',
    new ResourceTemplate('dmlint://rules/{ruleId}', {
      list: () => ({ resources: builtinRules.map((rule) => ({ uri: `dmlint://rules/${rule.id}`, name: rule.id, description: rule.description, mimeType: 'text/markdown' })) }),
    }),
    { title: "A rule's page", description: 'The documentation page of a built-in rule.', mimeType: 'text/markdown' },
    (uri, variables) => {
      const id = String(variables.ruleId ?? '');
      // Only a known rule's id names a page: the agent's text never becomes a path.
      const text = builtinRules.some((rule) => rule.id === id) ? rulePage(id) : null;
      if (text === null) throw new ToolError(`no page for rule ${JSON.stringify(id)}`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );
  return server;
}

/** Runs the server over stdin and stdout, rooted at `root`, until the client closes the connection. */
export async function startMcpServer(root: string = process.cwd()): Promise<void> {
  const server = createMcpServer(root);
  const transport = new StdioServerTransport(process.stdin, process.stdout, { maxBufferSize: MAX_MESSAGE_BYTES });
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}

/** Runs one of `text` or `paths`, whichever the call gave; giving both or neither is a tool error. */
async function textOrPaths<T>(input: { paths?: string[] | undefined; text?: string | undefined; filePath?: string | undefined }, onText: (text: { text: string; filePath?: string | undefined }) => Promise<T>, onPaths: (paths: string[]) => Promise<T>): Promise<T> {
  if (input.text !== undefined && input.paths !== undefined) throw new ToolError('give either "paths" or "text", not both');
  if (input.text !== undefined) return onText({ text: input.text, filePath: input.filePath });
  if (input.paths === undefined || input.paths.length === 0) throw new ToolError('give "paths" (files, directories or globs inside the server\'s root) or "text"');
  if (input.filePath !== undefined) throw new ToolError('"filePath" goes with "text"; with "paths", each file is its own');
  return onPaths(input.paths);
}

function ignoredNote(ignored: readonly string[]): string[] {
  return ignored.length > 0 ? [`not linted, as the project's ignore settings (.dmlintignore, "ignores") skip them: ${ignored.join(', ')}`] : [];
}

function summary(file: FileReport): string {
  const errors = file.problems.filter((problem) => problem.severity === 'error').length;
  return `${file.filePath}: ${plural(errors, 'error')}, ${plural(file.problems.length - errors, 'warning')}, ${filledIn(file.completeness ?? undefined)} filled in${file.complete ? ', complete' : ''}`;
}

/** A tool's answer: structured content and a short text, or a tool error the agent can act on. */
async function answer(work: () => Promise<{ structured: Record<string, unknown>; text: string }>): Promise<CallToolResult> {
  try {
    const { structured, text } = await work();
    return { structuredContent: structured, content: [{ type: 'text', text }] };
  } catch (error) {
    if (error instanceof ToolError || error instanceof OutsideRootError) return toolError(error.message);
    if (error instanceof ConfigError) return toolError(`dmlint configuration: ${error.describe((file) => file)}`);
    // A bug in dmlint: the agent is told, and so is whoever reads the server's standard error.
    process.stderr.write(`dmlint mcp: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return toolError(`dmlint failed on this call (a bug; please report it): ${error instanceof Error ? error.message : String(error)}`);
  }
}

function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}

const INSTRUCTIONS = [
  'dmlint checks data-model documents written from the data-model template.',
  'Before you finish a data-model document, call "lint" on it: keep editing until "complete" is true.',
  'Call "outline" to see which template items are missing, empty or still hold placeholders; "fix" applies the safe fixes; "explain" gives a rule\'s documentation.',
  'For an unresolved choice, pick one of its "options" or ask a person.',
].join(' ');
