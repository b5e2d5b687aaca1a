/**
 * Hot spots in the parser's dependencies, patched as dmlint's bundle is built: garbage, slow
 * property lookups and V8 optimising code that is built again for every parse, not work
 * (docs/performance.md). The files in node_modules are left alone: tests run the code as published,
 * and test/patches.test.ts shows the patched bundle gives the same trees.
 *
 * A patch names the exact text it replaces. When an upgrade changes that text, the build fails
 * (it does not ship the code unpatched or patched wrongly): look at the new code, then update or
 * drop the patch.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

export interface DependencyPatch {
  /** The patched file, as a path under node_modules. */
  file: string;
  why: string;
  /** Each `from` must occur exactly once in the file. */
  replace: ReadonlyArray<readonly [from: string, to: string]>;
}

/**
 * `memoized(build)`: build(extensions) once per extensions array (remark passes the same array of
 * a frozen processor on every parse), again if the array's items have changed since.
 */
const MEMOIZED_BY_EXTENSIONS = `
function memoized(build) {
  const built = new WeakMap();
  return function (extensions) {
    const found = built.get(extensions);
    if (found && found.items.length === extensions.length && found.items.every((item, index) => item === extensions[index])) return found.value;
    const value = build(extensions);
    built.set(extensions, { items: [...extensions], value });
    return value;
  };
}
`;

export const PATCHES: readonly DependencyPatch[] = [
  {
    file: 'mdast-util-from-markdown/lib/index.js',
    why:
      'compile() hands each event to its handler as `this` on a fresh copy of the compile context, ' +
      'one object of nine properties per event. No handler (CommonMark, GFM, dmlint) writes a property of ' +
      '`this`: they read it and write through it (this.stack, this.data), so one context with sliceSerialize ' +
      'set per event is the same to them. fromMarkdown() also built a new compiler, with its configuration ' +
      'merged from the extensions, for every parse; the compiler only reads its configuration, and its ' +
      'scratch data (read only as this.data) is now made per parse.',
    replace: [
      ['    const context = {\n      stack: [tree],', '    const context = {\n      sliceSerialize: undefined,\n      stack: [tree],'],
      // One compiler per extensions array, not per parse (it builds about a hundred closures, and V8
      // spent about a second optimising it in each worker); its data is made per parse instead.
      ['  return compiler(options)(postprocess(', '  return compilerFor((options || {}).mdastExtensions || [])(postprocess('],
      ['\nfunction compiler(options) {', `${MEMOIZED_BY_EXTENSIONS}const compilerFor = memoized((mdastExtensions) => compiler({ mdastExtensions }));\n\nfunction compiler(options) {`],
      ['  /** @type {CompileData} */\n  const data = {};\n  return compile;', '  return compile;'],
      ['      resume,\n      data\n    };', '      resume,\n      data: {}\n    };'],
      [
        '        handler[events[index][1].type].call({\n          ...context,\n          sliceSerialize: events[index][2].sliceSerialize\n        }, events[index][1]);',
        '        context.sliceSerialize = events[index][2].sliceSerialize;\n        handler[events[index][1].type].call(context, events[index][1]);',
      ],
    ],
  },
  {
    file: 'micromark/lib/parse.js',
    why:
      'parse() combined the default constructs with the extensions for every parse; the parser only reads ' +
      'the combination, so it is made once per extensions array.',
    replace: [
      [
        '  const constructs = /** @type {FullNormalizedExtension} */\n  combineExtensions([defaultConstructs, ...(settings.extensions || [])]);',
        '  const constructs = constructsFor(settings.extensions || []);',
      ],
      ['\nexport function parse(options) {', `${MEMOIZED_BY_EXTENSIONS}const constructsFor = memoized((extensions) => combineExtensions([defaultConstructs, ...extensions]));\n\nexport function parse(options) {`],
    ],
  },
  {
    file: 'micromark-util-subtokenize/index.js',
    why:
      'subtokenize() keeps the jumps over expanded content in a plain object keyed by event index, ' +
      'merged in with Object.assign and read with `in`: a dictionary of number-like strings. A Map with ' +
      'number keys holds the same pairs without converting every index to a string.',
    replace: [
      ['  const jumps = {};\n', '  const jumps = new Map();\n'],
      ['    while (index in jumps) {\n      index = jumps[index];\n', '    while (jumps.has(index)) {\n      index = jumps.get(index);\n'],
      [
        '        Object.assign(jumps, subcontent(events, index));\n        index = jumps[index];\n',
        '        for (const [from, to] of subcontent(events, index)) jumps.set(from, to);\n        index = jumps.get(index);\n',
      ],
      ['  const gaps = {};\n', '  const gaps = new Map();\n'],
      ['    gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];\n', '    gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);\n'],
      // It also copied the whole event list into its splice buffer, then copied the buffer out and
      // spliced that copy back over the list as the arguments of one call, at every nesting level of
      // every parse. The buffer now takes the list itself (nothing else reads it meanwhile), and its
      // content is written back into the same array in place.
      ['  const events = new SpliceBuffer(eventsArray);\n', '  const events = new SpliceBuffer();\n  events.left = eventsArray;\n'],
      [
        '  splice(eventsArray, 0, Number.POSITIVE_INFINITY, events.slice(0));\n',
        '  const all = events.slice(0);\n  eventsArray.length = all.length;\n  for (let at = 0; at < all.length; at++) eventsArray[at] = all[at];\n',
      ],
    ],
  },
  {
    file: 'micromark-util-chunked/index.js',
    why:
      'splice() copied its items into a new array and shifted the two splice arguments in front of them before ' +
      'spreading that array into Array#splice. Spreading the items after the two arguments is the same call ' +
      'without the copy; the parser splices events for every construct it resolves.',
    replace: [['    parameters = Array.from(items);\n    parameters.unshift(start, remove);\n    // @ts-expect-error Hush, it\u2019s fine.\n    list.splice(...parameters);\n', '    list.splice(start, remove, ...items);\n']],
  },
  {
    file: 'micromark/lib/create-tokenizer.js',
    why:
      'Every attempt at a construct (several per character) stored the state to go back to in a new closure ' +
      'over five variables, with a copy of the token stack made through the iterator protocol. The state now ' +
      'sits in the returned object, restored by one method shared by the tokenizer, and the stack is copied ' +
      'with slice().',
    replace: [
      [
        '    const startPoint = now();\n    const startPrevious = context.previous;\n    const startCurrentConstruct = context.currentConstruct;\n    const startEventsIndex = context.events.length;\n    const startStack = Array.from(stack);\n    return {\n      from: startEventsIndex,\n      restore\n    };\n',
        '    return {\n      from: context.events.length,\n      restore: restoreStored,\n      startPoint: now(),\n      startPrevious: context.previous,\n      startCurrentConstruct: context.currentConstruct,\n      startStack: stack.slice()\n    };\n  }\n\n  /** Restores the state that store() put in `this`. */\n  function restoreStored() {\n    point = this.startPoint;\n    context.previous = this.startPrevious;\n    context.currentConstruct = this.startCurrentConstruct;\n    context.events.length = this.from;\n    stack = this.startStack;\n    accountForPotentialSkip();\n',
      ],
      [
        '\n    /**\n     * Restore state.\n     *\n     * @returns {undefined}\n     *   Nothing.\n     */\n    function restore() {\n      point = startPoint;\n      context.previous = startPrevious;\n      context.currentConstruct = startCurrentConstruct;\n      context.events.length = startEventsIndex;\n      stack = startStack;\n      accountForPotentialSkip();\n    }\n',
        '',
      ],
    ],
  },
];

/** The file's text patched, or why the patch does not fit it. */
export function applyPatch(text: string, patch: DependencyPatch): { text: string } | { error: string } {
  let patched = text;
  for (const [from, to] of patch.replace) {
    const at = patched.indexOf(from);
    if (at < 0 || patched.indexOf(from, at + 1) >= 0) {
      const found = at < 0 ? 'is not in it' : 'is in it more than once';
      return { error: `patch for ${patch.file} no longer fits: the text it replaces ${found} (${JSON.stringify(from.trim().split('\n')[0])}); see scripts/patches.ts` };
    }
    patched = patched.slice(0, at) + to + patched.slice(at + from.length);
  }
  return { text: patched };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The esbuild plugin that applies the patches; a build that does not load a patched file fails too. */
export function patchDependencies(patches: readonly DependencyPatch[] = PATCHES): Plugin {
  const pathOf = (patch: DependencyPatch): RegExp => new RegExp(`[\\\\/]node_modules[\\\\/]${patch.file.split('/').map(escapeRegExp).join('[\\\\/]')}$`);
  const matchers = patches.map((patch) => ({ patch, path: pathOf(patch) }));
  return {
    name: 'dmlint-patch-dependencies',
    setup(build) {
      const applied = new Set<DependencyPatch>();
      build.onStart(() => applied.clear());
      build.onLoad({ filter: new RegExp(matchers.map(({ path }) => path.source).join('|')) }, async (args) => {
        const found = matchers.find(({ path }) => path.test(args.path));
        if (!found) return undefined;
        const result = applyPatch(await readFile(args.path, 'utf8'), found.patch);
        if ('error' in result) return { errors: [{ text: result.error }] };
        applied.add(found.patch);
        return { contents: result.text, loader: 'js' };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0) return undefined;
        const missed = patches.filter((patch) => !applied.has(patch));
        return { errors: missed.map((patch) => ({ text: `patch for ${patch.file} was not applied: the bundle no longer loads that file; see scripts/patches.ts` })) };
      });
    },
  };
}
