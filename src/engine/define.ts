import type { Plugin, Rule } from '../types';

/** Declares a rule (identity at run time; gives type checking and inference to rule authors). */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Declares a plugin: a named set of rules and optional shareable configs. */
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}
