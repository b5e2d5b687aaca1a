/** The built-in rules, in the order their documentation lists them. */
import type { AnyRule } from '../src/rule-kit/rule.js';
import attributeTable from './attribute-table.js';
import headerMetadata from './header-metadata.js';
import noEmptySection from './no-empty-section.js';
import noPlaceholder from './no-placeholder.js';
import noTemplateText from './no-template-text.js';
import noUnresolvedChoice from './no-unresolved-choice.js';
import relationshipTable from './relationship-table.js';
import requiredSection from './required-section.js';
import sectionOrder from './section-order.js';
import templateDrift from './template-drift.js';
import tableShape from './table-shape.js';
import approval from './approval.js';
import erdEntities from './erd-entities.js';
import foreignKey from './foreign-key.js';
import indexAttribute from './index-attribute.js';
import keyEntities from './key-entities.js';
import openQuestions from './open-questions.js';
import relationshipInverse from './relationship-inverse.js';
import relationshipTarget from './relationship-target.js';
import sampleData from './sample-data.js';
import stateTransition from './state-transition.js';
import contractSchema from './contract-schema.js';
import relatedDocument from './related-document.js';
import specClarifications from './spec-clarifications.js';
import specEntities from './spec-entities.js';

export const builtinRules: readonly AnyRule[] = [
  noPlaceholder,
  noUnresolvedChoice,
  noTemplateText,
  requiredSection,
  sectionOrder,
  templateDrift,
  noEmptySection,
  tableShape,
  attributeTable,
  relationshipTable,
  headerMetadata,
  relationshipTarget,
  relationshipInverse,
  indexAttribute,
  foreignKey,
  keyEntities,
  erdEntities,
  stateTransition,
  sampleData,
  openQuestions,
  approval,
  specEntities,
  specClarifications,
  contractSchema,
  relatedDocument,
];
