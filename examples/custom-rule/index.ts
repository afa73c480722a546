/**
 * A third-party plugin for xxgk-audit, written as an upper-level office (市/县政务公开办) would write one:
 * its subordinate units' reports must mention the things it asks for, e.g. where the public finds the
 * 政府信息公开指南, or the 信息处理费 in section 六.
 *
 *   import { createAuditor } from 'xxgk-audit';
 *   import localRules from './index';
 *   const auditor = createAuditor({
 *     plugins: [localRules],
 *     rules: { 'required-phrases': ['warning', { phrases: ['政府信息公开指南'] }] },
 *   });
 *
 * From the command line: `xxgk-audit --plugin examples/custom-rule/index.ts reports/` (under tsx), or the
 * compiled JavaScript module with the installed command.
 *
 * The rule reads `context.model.text`, the normalised analysis text (traditional → simplified, full-width
 * folded), so 「政府信息公開指南」 in a traditional-script report counts as 「政府信息公开指南」.
 */
import { defineRule, definePlugin, type SectionKey } from '../../src/index';

const SECTION_KEYS: SectionKey[] = ['overview', 'proactive', 'requests', 'fees', 'review-litigation', 'problems', 'other'];

/** Escapes a phrase for a regular expression that allows line breaks and spaces between its characters. */
function phrasePattern(phrase: string): RegExp {
  const chars = [...phrase.replace(/\s+/gu, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A literal character class between literal characters: linear, no backtracking blow-up.
  return new RegExp(chars.join('\\s{0,4}'), 'u');
}

export const requiredPhrases = defineRule({
  meta: {
    id: 'required-phrases',
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN': '报告写明上级要求提及的事项（如“政府信息公开指南”）',
        en: 'The report mentions what the supervising office asks for (e.g. 政府信息公开指南)',
      },
    },
    messages: {
      missing: {
        severity: 'warning',
        text: { 'zh-CN': '报告未提及“{{phrase}}”', en: 'The report does not mention "{{phrase}}"' },
      },
      missingInSection: {
        severity: 'warning',
        text: {
          'zh-CN': '“{{section}}”部分未提及“{{phrase}}”',
          en: 'The section "{{section}}" does not mention "{{phrase}}"',
        },
      },
      noSection: {
        severity: 'info',
        text: {
          'zh-CN': '未找到应写明“{{phrase}}”的部分（{{key}}），请人工核对',
          en: 'No section ({{key}}) found that should mention "{{phrase}}"; check by hand',
        },
      },
    },
    schema: {
      type: 'object',
      properties: {
        phrases: {
          type: 'array',
          minItems: 1,
          maxItems: 50,
          items: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' },
        },
        section: { enum: SECTION_KEYS },
      },
      required: ['phrases'],
      additionalProperties: false,
    },
    defaultOptions: { phrases: ['政府信息公开指南'] },
  },
  create(context) {
    const phrases = context.options.phrases as string[];
    const sectionKey = context.options.section as SectionKey | undefined;
    const patterns = phrases.map((p) => ({ phrase: p, pattern: phrasePattern(p) }));
    return {
      'root:exit'() {
        const { model } = context;
        if (!sectionKey) {
          for (const { phrase, pattern } of patterns) {
            // No range: the finding points at the report's title.
            if (!pattern.test(model.text)) context.report({ messageId: 'missing', data: { phrase } });
          }
          return;
        }
        const sections = model.sectionsByKey(sectionKey).filter((s) => s.depth === 1);
        if (sections.length === 0) {
          for (const { phrase } of patterns) context.report({ messageId: 'noSection', data: { phrase, key: sectionKey } });
          return;
        }
        for (const { phrase, pattern } of patterns) {
          if (sections.some((s) => pattern.test(model.text.slice(s.headingStart, s.end)))) continue;
          const first = sections[0]!;
          // A range of the analysed text: the engine maps it back to the caller's line and column.
          context.report({
            messageId: 'missingInSection',
            range: [first.headingStart, first.headingEnd],
            data: { phrase, section: first.title },
          });
        }
      },
    };
  },
});

export default definePlugin({
  name: 'xxgk-audit-plugin-example',
  rules: { 'required-phrases': requiredPhrases },
  configs: {
    recommended: { rules: { 'required-phrases': 'warning' } },
  },
});
