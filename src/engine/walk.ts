/**
 * Running rule code: one traversal of the tree for all rules, each call guarded (a throw is a crash, time is charged to the rule's budget).
 */
import type { TreeNode } from '../types';
import { describeError, type RuleRun } from './context';

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Runs rule code with up to two arguments (no closure on the hot path): a throw is recorded as a
 * crash, and the time is counted against the rule's budget.
 */
export function guarded<A, B>(run: RuleRun, budget: number, fn: (a: A, b: B) => void, a: A, b: B): void {
  if (run.crashed) return;
  const t0 = now();
  try {
    fn(a, b);
  } catch (e) {
    run.crashed = describeError(run.resolved.id, e);
  }
  charge(run, budget, t0);
}

function charge(run: RuleRun, budget: number, t0: number): void {
  run.spent += now() - t0;
  if (run.spent > budget && !run.crashed) {
    run.crashed = {
      ruleId: run.resolved.id,
      message: `stopped after ${Math.round(run.spent)} ms, over its time budget of ${budget} ms (ruleTimeBudget)`,
    };
  }
}

type Visitor = (node: TreeNode, parent: TreeNode | null) => void;

type Dispatch = Map<string, Array<[RuleRun, Visitor]>>;

/** Node type (or `type:exit`) → the rules that visit it, in rule order. */
export function dispatchOf(runs: RuleRun[]): Dispatch {
  const dispatch: Dispatch = new Map();
  for (const run of runs) {
    if (run.crashed) continue;
    let entries: Array<[string, unknown]>;
    try {
      // What create() returned is the rule's: a proxy or getters can throw.
      entries = run.visitors && typeof run.visitors === 'object' ? Object.entries(run.visitors) : [];
    } catch (e) {
      run.crashed = describeError(run.resolved.id, e);
      continue;
    }
    for (const [key, fn] of entries) {
      if (typeof fn !== 'function') continue;
      let list = dispatch.get(key);
      if (!list) dispatch.set(key, (list = []));
      list.push([run, fn as Visitor]);
    }
  }
  return dispatch;
}

function visit(list: Array<[RuleRun, Visitor]> | undefined, node: TreeNode, parent: TreeNode | null, budget: number): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) guarded(list[i]![0], budget, list[i]![1], node, parent);
}

const EXIT = new Map<string, string>();

/** The state of one walk over the tree. */
interface Walk {
  dispatch: Dispatch;
  budget: number;
  /** Nodes already walked: a rule that links nodes into a cycle cannot make the walk loop. */
  seen: Set<TreeNode>;
  /** Whether any rule visits a node below the root: if none does (the built-in rules read the model
   *  at 'root:exit'), the walk stops at the root: the tree below it is then never built (see buildModel). */
  below: boolean;
}

/** Deeper than any tree the model builds; only a rule growing the tree while it is walked gets there. */
const MAX_WALK_DEPTH = 256;

/**
 * Walks the tree as the model built it: the children are read before any rule runs on them, each
 * node is walked once and the walk stops at MAX_WALK_DEPTH, so a rule that adds, removes, replaces
 * or links nodes cannot make the walk loop, stray or overflow the stack.
 */
export function traverse(node: TreeNode, parent: TreeNode | null, walk: Walk, depth: number): void {
  if (!node || typeof node !== 'object' || walk.seen.has(node)) return;
  walk.seen.add(node);
  const type = node.type;
  const children = walk.below && Array.isArray(node.children) ? node.children.slice() : undefined;
  visit(walk.dispatch.get(type), node, parent, walk.budget);
  if (children && depth < MAX_WALK_DEPTH) for (let i = 0; i < children.length; i++) traverse(children[i]!, node, walk, depth + 1);
  let exit = EXIT.get(type);
  if (exit === undefined) EXIT.set(type, (exit = `${type}:exit`));
  visit(walk.dispatch.get(exit), node, parent, walk.budget);
}
