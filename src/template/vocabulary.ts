/**
 * The words of the bundled template that the cross-reference reading relies on: which sections
 * hold the key-entity list, the diagram, the state machines, the foreign keys, the open
 * questions and the approval, and the labels of the fields inside them. Section keys are
 * normalised template titles (see normalizeTitle).
 */
export const VOCABULARY = {
  overviewSection: 'overview',
  keyEntitiesLabel: /^key entities\b/i,
  diagramSection: 'entity relationship diagram',
  statesSection: 'entity states',
  statesLabel: /^(.+?)\s+states$/i,
  validTransitionsLabel: /^valid transitions$/i,
  invalidTransitionsLabel: /^invalid transitions$/i,
  referentialSection: 'referential integrity',
  foreignKeysLabel: /^foreign key constraints$/i,
  openQuestionsSection: 'open questions',
  approvalSection: 'approval',
  approvedByLabel: /\bapproved by$/i,
  indexesSubsection: 'indexes',
  invariantsSubsection: 'invariants',
} as const;
