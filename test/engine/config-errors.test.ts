/**
 * Configuration errors a CMS can act on (issue #16, problem 9): a stable `code`, the property named,
 * the allowed values listed; ESLint's 'warn' and 0/1/2 accepted as severities.
 */
import { describe, expect, it } from '@jest/globals';
import { audit, createAuditor, AuditConfigError, type AuditConfig, type RuleSetting } from '../../src/index';
import { seeds } from '../helpers';

function errorOf(config: unknown): AuditConfigError {
  try {
    createAuditor(config as AuditConfig);
  } catch (e) {
    if (e instanceof AuditConfigError) return e;
    throw e;
  }
  throw new Error('no AuditConfigError');
}

describe('configuration errors', () => {
  it('accepts ESLint severities: warn, 0, 1, 2', () => {
    const text = seeds()['004']!;
    const asWarning = audit(text, { rules: { 'contact-info': 'warning' } });
    for (const s of ['warn', 1, ['warn'], { severity: 1 }] as RuleSetting[]) {
      expect(audit(text, { rules: { 'contact-info': s } }).rules).toEqual(asWarning.rules);
    }
    expect(audit(text, { rules: { 'contact-info': 0 } }).rules.some((r) => r.ruleId === 'contact-info')).toBe(false);
    expect(audit(text, { rules: { 'contact-info': 2 } }).rules).toEqual(audit(text, { rules: { 'contact-info': 'error' } }).rules);
  });

  it('a bad severity: BAD_SEVERITY, the property, the allowed values', () => {
    for (const [setting, property] of [
      ['bad', 'rules.contact-info'],
      [['nope'], 'rules.contact-info[0]'],
      [{ severity: 'x' }, 'rules.contact-info.severity'],
      [{ messages: { missing: 3 } }, 'rules.contact-info.messages.missing'],
    ] as const) {
      const e = errorOf({ rules: { 'contact-info': setting } });
      expect([e.code, e.property, e.ruleId]).toEqual(['BAD_SEVERITY', property, 'contact-info']);
      expect(e.allowed).toEqual(expect.arrayContaining(['off', 'info', 'warning', 'error', 'warn']));
      expect(e.message).toContain('off, info, warning, error');
    }
  });

  it('an unknown property is named, with the allowed ones', () => {
    const e = errorOf({ rulez: {} });
    expect([e.code, e.property]).toEqual(['BAD_CONFIG', 'rulez']);
    expect(e.message).toMatch(/unknown property "rulez".*allowed: locale, plugins, rules/);
    const inRule = errorOf({ rules: { 'contact-info': { sev: 'x' } } });
    expect(inRule.message).toMatch(/rules\.contact-info: unknown property "sev"; allowed: severity, options, messages/);
  });

  it('an unknown rule: UNKNOWN_RULE with the known ones', () => {
    const e = errorOf({ rules: { nosuch: 'off' } });
    expect([e.code, e.property, e.ruleId]).toEqual(['UNKNOWN_RULE', 'rules.nosuch', 'nosuch']);
    expect(e.allowed).toContain('contact-info');
  });

  it('other codes: a bad locale lists the locales; bad options; an unknown message', () => {
    const locale = errorOf({ locale: 'fr' });
    expect([locale.code, locale.property, locale.allowed]).toEqual(['BAD_CONFIG', 'locale', ['zh-CN', 'en']]);
    expect(errorOf({ rules: { 'contact-info': ['warning', { labelWindow: 'x' }] } }).code).toBe('BAD_OPTIONS');
    expect(errorOf({ rules: { 'contact-info': { messages: { nosuch: 'off' } } } }).code).toBe('UNKNOWN_MESSAGE');
  });
});
