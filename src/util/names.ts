/**
 * Looking up names the way a writer means them: entity and attribute names compared without
 * case, markup or separators (`OrderItem`, `order_item`, `Order Item`), tolerating plurals
 * (`Loans`, `Categories`), with the closest known name offered for a misspelling.
 */
import { distance } from 'fastest-levenshtein';
import { foldLetters, isFoldedLetterOrDigit } from './letters.js';

/** Lower-cased letters and digits (of any script) only. */
export function nameKey(name: string): string {
  const lower = name.toLowerCase();
  const folded = foldLetters(lower);
  if (folded === lower) return lower.replace(/[^a-z0-9]/g, '');
  let key = '';
  for (let i = 0; i < lower.length; i++) if (isFoldedLetterOrDigit(folded.charCodeAt(i))) key += lower.charAt(i);
  return key;
}

/**
 * Other numbers of a key: the singulars a plural may come from (`categories` → `category`,
 * `addresses` → `address`, `loans` → `loan`) and the plurals of a singular (`order` → `orders`).
 */
function otherNumbers(key: string): string[] {
  const forms: string[] = [];
  if (key.endsWith('ies')) forms.push(`${key.slice(0, -3)}y`);
  if (key.endsWith('es')) forms.push(key.slice(0, -2));
  if (key.endsWith('s')) forms.push(key.slice(0, -1));
  forms.push(`${key}s`, `${key}es`);
  if (key.endsWith('y')) forms.push(`${key.slice(0, -1)}ies`);
  return forms;
}

export class NameIndex<T> {
  private readonly byKey = new Map<string, { name: string; value: T }>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [name, value] of entries) {
      const key = nameKey(name);
      if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, { name, value });
    }
  }

  /** The entry a name means, exactly or in the other number (plural or singular). */
  get(name: string): T | undefined {
    const key = nameKey(name);
    const exact = this.byKey.get(key);
    if (exact) return exact.value;
    for (const form of otherNumbers(key)) {
      const found = this.byKey.get(form);
      if (found) return found.value;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The known name nearest to a misspelt one, if it is near enough to be a likely meaning. */
  closest(name: string): { name: string; value: T } | undefined {
    const key = nameKey(name);
    if (key === '') return undefined;
    let best: { name: string; value: T } | undefined;
    let bestDistance = Infinity;
    for (const [candidateKey, entry] of this.byKey) {
      const d = distance(key, candidateKey);
      if (d < bestDistance) {
        best = entry;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
  }

  get names(): string[] {
    return [...this.byKey.values()].map((entry) => entry.name);
  }
}
