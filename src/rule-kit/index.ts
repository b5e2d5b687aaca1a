/**
 * The rule kit: everything a rule author needs, for built-in rules and plugins alike. A rule is
 * made with `defineRule`, reads the document model it is handed (`doc`), and reports through
 * its context; the helpers below give messages the shape every dmlint message has.
 *
 * ```ts
 * import { defineRule, quote, entityHint, renameTo } from 'dmlint';
 * ```
 */
export { defineRule, type AnyRule, type RelatedLocation, type Report, type Rule, type RuleContext, type Severity, type Suggestion, type TextEdit } from './rule.js';

// Messages: quoting, headings, "did you mean", rename suggestions.
export { didYouMean, entityHint, fileLine, relatedAt, headingLabel, namesWithLines, placeLabel, plural, quote, quoteHeading, renameTo, templateHeading } from './messages.js';

// Names: matched without case, markup, separators or plurals, with the closest one for a misspelling.
export { nameKey, NameIndex } from '../util/names.js';
export { normalizeTitle } from '../template/title.js';

// Values: relationship types, referential actions, dates, attribute types.
export {
  enumValues,
  INVERSE,
  isIsoDate,
  isIsoDateTime,
  isRelationshipType,
  referentialAction,
  REFERENTIAL_ACTIONS,
  RELATIONSHIP_TYPES,
  relationshipTypeOf,
  stripNote,
  VALUE_TYPES,
  valueTypeOf,
  type JsonKind,
  type RelationshipType,
  type ValueType,
} from '../model/values.js';

// The document model, as rules read it.
export type { DataModelDocument, SpecLink } from '../model/document.js';
export { within, type Attribute, type AttributeReference, type Entity, type Relationship } from '../model/entities.js';
export type { Approval } from '../model/approval.js';
export { isEmptySection, type Completeness, type ItemState, type OutlineItem } from '../model/completeness.js';
export type { ColumnComparison } from '../model/table-columns.js';
export type { DiagramNames } from '../model/diagrams.js';
export type { ForeignKey, IndexEntry, KeyEntity, UnreadableLine } from '../model/references.js';
export type { MissingSection, MisplacedSection, Outline, RetitledSection, UnorderedSection } from '../model/outline.js';
export type { Residue, ResidueContext, ResidueKind } from '../model/residue.js';
export type { HiddenTypeArgument } from '../model/hidden-types.js';
export type { JsonNode, JsonProblem, Sample } from '../model/samples.js';
export type { StateMachine, Transition } from '../model/states.js';
export type { ContractProperty, ContractSchema, RelatedDocuments, RelatedFile, RelatedProblem, RelatedSettings, SpecClarification, SpecDocument, SpecEntity, SpecRequirement } from '../model/related/index.js';
export { DEFAULT_CONTRACT_GLOBS } from '../model/related/index.js';
export type {
  Block,
  BracketGroup,
  Cell,
  CodeBlock,
  Field,
  InlineCode,
  Link,
  List,
  ListItem,
  Paragraph,
  PipeLine,
  PipeRows,
  Position,
  Range,
  Row,
  Section,
  Span,
  Table,
} from '../markdown/types.js';
