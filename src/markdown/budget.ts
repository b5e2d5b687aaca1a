/**
 * A budget on inline parsing. micromark's inline resolvers revisit a paragraph's tokens again
 * and again (merging data runs at every line, matching brackets, pairing emphasis), so one
 * paragraph of tens of thousands of brackets, `<!--`, `*a` or lines takes minutes. Each paragraph
 * (heading, table cell) may start at most INLINE_BUDGET inline constructs and lines; past that,
 * the rest of it is read as plain text, its start marked so that the document can say where dmlint
 * stopped recognising links, emphasis and inline HTML (see structure.ts). The time of a paragraph
 * is then bounded by the budget, and a document's by its length.
 *
 * Real paragraphs start a few dozen constructs; the budgets are far above that.
 */
import type { CompileContext, Extension as FromMarkdownExtension, Token as MdastToken } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';
import { markdownLineEnding } from 'micromark-util-character';

/** How many inline constructs and line endings one paragraph may start before the rest is plain text. */
export const INLINE_BUDGET = 1000;
/**
 * How many `<` and backticks it may have: each may scan ahead to the end of the paragraph (an
 * unclosed `<!--` or code span), so they cost more.
 */
export const SCAN_AHEAD_BUDGET = 100;

/** The token, and the mark on the text node, of the rest of a paragraph read as plain text. */
const UNPARSED = 'dmlintUnparsed';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    dmlintUnparsed: 'dmlintUnparsed';
  }
}

declare module 'mdast' {
  interface TextData {
    /** This text is the rest of a paragraph that was over its budget, read as plain text. */
    dmlintUnparsed?: true;
  }
}

/**
 * Spending per inline tokenizer. Keyed by the tokenizer's `write` function: the context object a
 * construct sees may be a fresh object inheriting from the tokenizer's, but `write` is the
 * tokenizer's own, one per paragraph, heading or cell.
 */
const spending = new WeakMap<TokenizeContext['write'], { spent: number; scans: number }>();

/**
 * The budget's construct for one character. micromark tries the constructs at a character only
 * where one of them accepts the character before it (`previous`: a backtick right after a
 * backtick starts no code span); so does this one, or it would make micromark try the others
 * where they never would be tried.
 */
function budgetAt(code: number): Construct {
  return {
    ...budget,
    previous(this: TokenizeContext, before: Code): boolean {
      return othersAt(this.parser.constructs, code).some((construct) => !construct.previous || construct.previous.call(this, before));
    },
  };
}

/**
 * The constructs other than the budget's at a character, once per parser's constructs: `previous`
 * is asked at every such character of every paragraph.
 */
const others = new WeakMap<TokenizeContext['parser']['constructs'], Map<number, Construct[]>>();

function othersAt(constructs: TokenizeContext['parser']['constructs'], code: number): Construct[] {
  let byCode = others.get(constructs);
  if (!byCode) others.set(constructs, (byCode = new Map<number, Construct[]>()));
  let found = byCode.get(code);
  if (!found) byCode.set(code, (found = [constructs.text[code] ?? []].flat().filter((construct) => construct !== budgetConstructs.get(code))));
  return found;
}

const budget: Construct = {
  name: 'dmlintBudget',
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- an identity for the map, never called
    const tokenizer = this.write;
    let account = spending.get(tokenizer);
    if (!account) spending.set(tokenizer, (account = { spent: 0, scans: 0 }));
    const paid = account;
    /** The token being written: the marked one first, then data; null before the first. */
    let open: typeof UNPARSED | 'data' | null = null;
    return (code: Code) => {
      // Within budget: fail, so that micromark's own constructs read the character as usual.
      const scansAhead = code === 60 /* < */ || code === 96; /* ` */
      if (scansAhead ? ++paid.scans <= SCAN_AHEAD_BUDGET : ++paid.spent <= INLINE_BUDGET) return nok(code);
      return between(code);
    };
    // The rest as plain text: the marked token, then one data token per line, with the line
    // endings as micromark's own tokens (it maps inline tokens back to lines by them). No token is
    // empty: micromark cannot serialise an empty token that sits on a line ending.
    function between(code: Code): State | undefined {
      if (code === null) return ok(code);
      if (markdownLineEnding(code)) {
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        return between;
      }
      open = open === null ? UNPARSED : 'data';
      effects.enter(open);
      return inText(code);
    }
    function inText(code: Code): State | undefined {
      if (code !== null && !markdownLineEnding(code)) {
        effects.consume(code);
        return inText;
      }
      if (open) effects.exit(open);
      return between(code);
    }
  },
};

/**
 * Every character at which micromark starts an inline construct, and line endings (each line of a
 * paragraph is a run of tokens to merge). Tried before micromark's own constructs.
 */
const BUDGETED = [-5, -4, -3, 33 /* ! */, 38 /* & */, 42 /* * */, 60 /* < */, 91 /* [ */, 92 /* \ */, 93 /* ] */, 95 /* _ */, 96 /* ` */, 126 /* ~ */];
const budgetConstructs = new Map(BUDGETED.map((code) => [code, budgetAt(code)]));
const syntax: Extension = { text: Object.fromEntries(budgetConstructs) };

const fromMarkdown: FromMarkdownExtension = {
  enter: {
    [UNPARSED](this: CompileContext, token: MdastToken) {
      this.enter({ type: 'text', value: '', data: { dmlintUnparsed: true } }, token);
    },
  },
  exit: {
    [UNPARSED](this: CompileContext, token: MdastToken) {
      const node = this.stack[this.stack.length - 1];
      if (node?.type === 'text') node.value = this.sliceSerialize(token);
      this.exit(token);
    },
  },
};

/** The unified plugin: adds the budget to remark-parse. */
export function inlineBudget(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(syntax);
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
}
