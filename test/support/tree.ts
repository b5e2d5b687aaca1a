/** Every node of an mdast tree, in document order, walked with a stack (trees may nest deep). */
import type { Nodes } from 'mdast';
import { pushChildren } from '../../src/markdown/inline.js';

export function* nodesOf(root: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node;
    if ('children' in node) pushChildren(stack, node.children);
  }
}
