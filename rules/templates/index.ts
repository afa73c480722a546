/**
 * The built-in table templates: one JSON file each (schemas/template.schema.json), registered here
 * in the order the reader tries them. A new template is one new file plus one line below.
 */
import type { TemplateDefinition } from '../../src/types';
import tpl2021T2 from './tpl2021-t2.json' with { type: 'json' };
import tpl2019T2 from './tpl2019-t2.json' with { type: 'json' };
import tpl2021T3 from './tpl2021-t3.json' with { type: 'json' };
import tpl2019T3 from './tpl2019-t3.json' with { type: 'json' };
import t4 from './t4.json' with { type: 'json' };
import stat from './stat.json' with { type: 'json' };

// JSON imports are typed by their literal shape; the schema check when a configuration is resolved
// is what makes them TemplateDefinitions.
const templates = [tpl2021T2, tpl2019T2, tpl2021T3, tpl2019T3, t4, stat] as unknown as readonly TemplateDefinition[];

export default templates;
