/**
 * Regular expressions against runs built to make them backtrack (test/hostile/attacks.ts): each run
 * reaches its rule, which reports what the run makes wrong. That twice the run takes about twice
 * the time is shown by `npm run bench` (its linearity table), not by a timed test.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { lintText } from '../../src/engine/lint-text.js';
import { ATTACK_SIZE, regexAttacks } from './attacks.js';
import { COMPLETE } from './support.js';
import { prepareRelatedDocuments } from '../../src/host/related.js';

const ATTACKS = regexAttacks(COMPLETE);
// Contracts are YAML: the parser is loaded before any run, as hosts do.
await prepareRelatedDocuments({ enabled: true, contracts: [] });

describe('regular expressions on adversarial runs', () => {
  it('attacks every rule', () => {
    expect(Object.keys(ATTACKS).sort()).toEqual(builtinRules.map((rule) => rule.id).sort());
  });

  for (const rule of builtinRules) {
    it(`${rule.id}: each run reaches the rule`, () => {
      for (const attack of ATTACKS[rule.id] ?? []) {
        const text = attack.document(ATTACK_SIZE);
        const { messages } = lintText(text, { ...attack.options, ruleSet: [rule] });
        const { line, message } = attack.reports(text);
        const found = messages.filter((reported) => reported.line === line && message.test(reported.message));
        expect(found.length, `${attack.name}: ${message} on line ${line}`).toBeGreaterThan(0);
      }
    });
  }
});
