/**
 * The built-in plugin: the rules of xxgk-audit, written exactly as a third party would write theirs.
 */
import type { Plugin } from '../src/types';
import { definePlugin } from '../src/engine/define';

const rules: Plugin['rules'] = {};

const builtIn: Plugin = definePlugin({
  name: 'xxgk-audit',
  rules,
  configs: {
    recommended: { rules: {} },
  },
});

export default builtIn;
