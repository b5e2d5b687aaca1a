import { defineRule, didYouMean, entityHint, quote, renameTo, type Attribute, type Entity, type JsonKind, type JsonNode, type Range, type RuleContext, type Sample } from '../src/rule-kit/index.js';

type Context = RuleContext;

export default defineRule({
  id: 'sample-data',
  description: "Each sample is valid JSON for a defined entity: known keys, every required attribute, values that fit the attribute's Type",
  rationale: 'Sample data is what developers copy into fixtures and API examples; a sample that contradicts the attribute table teaches the wrong model.',
  defaultSeverity: 'error',
  fixable: true,
  hasSuggestions: true,
  requiresEntities: true,
  check(context) {
    for (const sample of context.doc.samples) checkSample(context, sample);
  },
});

function checkSample(context: Context, sample: Sample): void {
  const { doc, report } = context;
  if (doc.hasResidue(sample.entity.range)) return;
  const entity = doc.entityIndex.get(sample.entity.text);
  const name = quote(`Sample ${sample.entity.text}`);
  if (!entity) {
    report({
      range: sample.entity.range,
      message: `${name} is for ${quote(sample.entity.text)}, which is not an entity defined in this document${entityHint(doc, sample.entity.text)}`,
      ...renameTo(sample.entity.range, doc.entityIndex.closest(sample.entity.text)?.name),
    });
  }
  const code = sample.code;
  if (!code) {
    report({ range: sample.section.headingRange, message: `${name} has no JSON code block: add a \`\`\`json block with one ${sample.entity.text}` });
    return;
  }
  const fence = doc.range(code.range.start.offset, doc.source.lineEnd(code.range.start.line));
  if (code.lang?.toLowerCase() !== 'json') {
    // A fence without a language gets one; another language is the writer's to change.
    const insertAt = /^(`{3,}|~{3,})\s*$/.exec(doc.source.slice(fence))?.[1];
    report({
      range: fence,
      message: code.lang ? `${name} is a \`\`\`${code.lang} block: samples are JSON, marked \`\`\`json` : `${name} has no language: mark its code block \`\`\`json`,
      ...(insertAt ? { fix: { range: [fence.start.offset + insertAt.length, fence.end.offset] as [number, number], text: 'json' } } : {}),
    });
    // Content in another language is not checked as JSON.
    if (code.lang) return;
  }
  const [syntax] = sample.syntaxErrors;
  if (syntax) {
    report({ range: syntax.range, message: `${name} is not valid JSON: ${syntax.message}` });
    return;
  }
  if (!entity || !entity.attributesTable) return;
  if (sample.json?.type !== 'object') {
    report({ range: fence, message: `${name} should be one JSON object of ${entity.name}'s attribute values` });
    return;
  }
  checkObject(context, sample, entity, sample.json);
}

function checkObject({ doc, report }: Context, sample: Sample, entity: Entity, object: JsonNode): void {
  const attributes = new Map(entity.attributes.map((attribute) => [attribute.name, attribute]));
  // While the attribute table still has placeholder rows, a key it lacks may be the one meant.
  const unfinished = entity.attributes.some((attribute) => !attribute.cells.name || doc.hasResidue(attribute.cells.name.range));
  const nearest = doc.attributeIndex(entity);
  const present = new Set<string>();
  const seen = new Map<string, Range>();
  // Attributes a misspelt key most likely means: reported once, at the key.
  const meant = new Set<string>();
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || typeof key.value !== 'string') continue;
    const keyRange = sample.rangeOf(key.offset, key.length);
    if (doc.hasResidue(keyRange)) continue;
    const first = seen.get(key.value);
    if (first) {
      report({ range: keyRange, message: `Sample key ${quote(key.value)} appears twice (first on line ${first.start.line}): JSON keeps only the last one` });
      continue;
    }
    seen.set(key.value, keyRange);
    present.add(key.value);
    const attribute = attributes.get(key.value);
    if (!attribute && unfinished) continue;
    if (!attribute) {
      const near = nearest.closest(key.value);
      if (near) meant.add(near.name);
      report({
        range: keyRange,
        message: `Sample key ${quote(key.value)} is not an attribute of ${quote(entity.name)} (Attributes table, line ${entity.attributesTable?.range.start.line ?? '?'})${
          near ? didYouMean({ name: near.name, line: near.value.row.range.start.line }) : ''
        }`,
        // The key's range holds its quotes: the replacement keeps them.
        ...renameTo(keyRange, near?.name, near ? JSON.stringify(near.name) : undefined),
      });
      continue;
    }
    if (value) checkValue(report, sample, attribute, value);
  }
  const opening = sample.rangeOf(object.offset, 1);
  for (const attribute of entity.attributes) {
    const name = attribute.cells.name;
    if (attribute.required !== true || present.has(attribute.name) || meant.has(attribute.name) || attribute.name === '' || !name || doc.hasResidue(name.range)) continue;
    report({ range: opening, message: `${quote(`Sample ${sample.entity.text}`)} lacks ${quote(attribute.name)}, a required attribute of ${quote(entity.name)} (line ${attribute.row.range.start.line})` });
  }
}

function checkValue(report: Context['report'], sample: Sample, attribute: Attribute, value: JsonNode): void {
  const range = sample.rangeOf(value.offset, value.length);
  const line = attribute.row.range.start.line;
  const kind = value.type as JsonKind;
  if (kind === 'null') {
    if (attribute.required === true) report({ range, message: `Sample value for ${quote(attribute.name)} is null, but the attribute is required (line ${line})` });
    return;
  }
  const type = attribute.valueType;
  if (!type) return;
  if (!type.accepts(kind, value.value)) {
    report({ range, message: `Sample value for ${quote(attribute.name)} is ${describe(value)}, but its Type ${quote(attribute.cells.type?.text ?? '')} (line ${line}) needs ${type.expects}` });
    return;
  }
  const allowed = attribute.enumValues;
  if (allowed && allowed.length > 0 && !allowed.includes(String(value.value))) {
    report({ range, message: `Sample value ${quote(String(value.value))} for ${quote(attribute.name)} is not one of its values: ${allowed.join(', ')} (line ${line})` });
  }
}

function describe(value: JsonNode): string {
  switch (value.type) {
    case 'string':
      return `the string ${quote(String(value.value), 40)}`;
    case 'number':
    case 'boolean':
      return `${value.type} ${String(value.value)}`;
    default:
      return `an ${value.type === 'array' ? 'array' : 'object'}`;
  }
}
