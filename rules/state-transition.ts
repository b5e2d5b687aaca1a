import { defineRule, didYouMean, entityHint, NameIndex, quote, renameTo, type RuleContext, type Span, type StateMachine, type Transition } from '../src/rule-kit/index.js';

type Context = RuleContext;

export default defineRule({
  id: 'state-transition',
  description: 'State transitions use the states of their diagram, none is both valid and invalid, and every state has a way in or out',
  rationale: 'Transitions are what the code will allow; one that names an unknown state, or is both allowed and forbidden, cannot be implemented as written.',
  defaultSeverity: 'error',
  hasSuggestions: true,
  requiresEntities: true,
  check(context) {
    for (const machine of context.doc.stateMachines) {
      if (context.doc.hasResidue(machine.label.labelRange)) continue;
      checkMachine(context, machine);
    }
  },
});

/** The machine's states: drawn or listed, else the values of its entity's enum status attribute. */
function statesOf({ doc }: Context, machine: StateMachine): { states: Span[]; source: string } {
  if (machine.states.length > 0) return { states: machine.states, source: `the ${machine.entity?.text ?? ''} state diagram (line ${(machine.diagram?.range ?? machine.label.labelRange).start.line})` };
  const entity = machine.entity ? doc.entityIndex.get(machine.entity.text) : undefined;
  for (const attribute of entity?.attributes ?? []) {
    const values = attribute.enumValues;
    const cell = attribute.cells.validation;
    if (values && cell) return { states: values.map((text) => ({ text, range: cell.range })), source: `the values of ${entity?.name ?? ''}.${attribute.name} (line ${cell.range.start.line})` };
  }
  return { states: [], source: '' };
}

function checkMachine(context: Context, machine: StateMachine): void {
  const { doc, report } = context;
  if (machine.entity && !doc.entityIndex.has(machine.entity.text)) {
    report({
      range: machine.entity.range,
      message: `${quote(`${machine.entity.text} States`)} names no entity defined in this document${entityHint(doc, machine.entity.text)}`,
      ...renameTo(machine.entity.range, doc.entityIndex.closest(machine.entity.text)?.name),
    });
  }
  const { states, source } = statesOf(context, machine);
  checkAgainstEnum(context, machine);
  const known = new NameIndex(states.map((state) => [state.text, state] as const));
  const transitions = [...machine.valid, ...machine.invalid].filter((transition) => !doc.hasResidue(transition.item.textRange));
  if (states.length > 0) {
    for (const transition of transitions) {
      for (const end of [transition.from, transition.to]) {
        if (known.get(end.text)) continue;
        const near = known.closest(end.text);
        report({
          range: end.range,
          message: `Transition ${label(transition)} uses state ${quote(end.text)}, which is not in ${source}${near ? didYouMean({ name: near.name }) : `; states: ${states.map((state) => state.text).join(', ')}`}`,
          ...renameTo(end.range, near?.name),
        });
      }
    }
  }
  for (const invalid of machine.invalid) {
    const valid = machine.valid.find((candidate) => same(candidate.from, invalid.from) && same(candidate.to, invalid.to));
    if (valid) {
      report({ range: invalid.item.textRange, message: `Transition ${label(invalid)} is listed as invalid here and as valid on line ${valid.item.range.start.line}: keep one` });
    }
  }
  if (machine.valid.length === 0) return;
  // A misspelt end (reported above) still counts for the state it most likely means.
  const meant = (end: Span): string => (known.get(end.text) ?? known.closest(end.text)?.value ?? end).text.toLowerCase();
  for (const state of machine.states) {
    const touched = machine.valid.some((transition) => [meant(transition.from), meant(transition.to)].includes(state.text.toLowerCase()));
    if (touched || doc.hasResidue(state.range)) continue;
    report({
      range: state.range,
      severity: 'warning',
      message: `State ${quote(state.text)}${machine.entity ? ` of ${machine.entity.text}` : ''} has no valid transition in or out: add one under Valid Transitions, or remove the state`,
    });
  }
}

/**
 * Drawn or listed states are values of the entity's status enum: a state the attribute cannot
 * hold is a diagram that drifted from the table. The enum is the one named status or state, else
 * the enum sharing most values with the diagram (none shared: the enum is about something else).
 */
function checkAgainstEnum({ doc, report }: Context, machine: StateMachine): void {
  const entity = machine.entity ? doc.entityIndex.get(machine.entity.text) : undefined;
  if (!entity || machine.states.length === 0) return;
  const drawn = machine.states.map((state) => state.text.toLowerCase());
  const enums = entity.attributes.flatMap((attribute) => {
    const values = attribute.enumValues;
    return values && values.length > 0 ? [{ attribute, values: values.map((value) => value.toLowerCase()) }] : [];
  });
  const overlap = (values: readonly string[]): number => drawn.filter((state) => values.includes(state)).length;
  const chosen = enums.find((candidate) => /^(status|state)$/i.test(candidate.attribute.name)) ?? [...enums].sort((a, b) => overlap(b.values) - overlap(a.values))[0];
  if (!chosen || overlap(chosen.values) === 0) return;
  for (const state of machine.states) {
    if (chosen.values.includes(state.text.toLowerCase()) || doc.hasResidue(state.range)) continue;
    report({
      range: state.range,
      message: `State ${quote(state.text)} is not a value of ${entity.name}.${chosen.attribute.name} (line ${chosen.attribute.row.range.start.line}), whose values are ${chosen.values.join(', ')}`,
    });
  }
}

function same(a: Span, b: Span): boolean {
  return a.text.toLowerCase() === b.text.toLowerCase();
}

function label(transition: Transition): string {
  return quote(`${transition.from.text} → ${transition.to.text}`);
}
