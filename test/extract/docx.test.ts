/**
 * The DOCX extractor: paragraphs, numbering, merged cells, and refusal of bad files and zip bombs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { audit, AuditInputError } from '../../src/index';
import { extractDocx, MAX_DECOMPRESSED } from '../../src/extract/docx/index';
import { expectLinearCost, expectReturnsOrRefuses, fixturesDir } from '../helpers';
import { docxPackage } from './variants';

const template = new Uint8Array(readFileSync(join(fixturesDir, 'formats/govnianbao__template_blank_gbgkbh2021-30.docx')));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const lines = (text: string) => text.split('\n').filter((l) => l.length > 0).map((l) => l.replace(/\t/g, '|'));

/** Characters of a package's word/document.xml (what the reader's cost grows with). */
function documentXmlLength(bytes: Uint8Array): number {
  const xml = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
  return xml ? xml.length : bytes.length;
}

/** The error a DOCX input throws (it must be an AuditInputError). */
function refusal(bytes: Uint8Array, uri = 'report.docx'): AuditInputError {
  try {
    audit({ content: bytes, uri });
  } catch (e) {
    expect(e).toBeInstanceOf(AuditInputError);
    return e as AuditInputError;
  }
  throw new Error('expected an AuditInputError');
}

/** Little-endian u32 write. */
function setU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** Rewrites the uncompressed size an entry declares, in its local header and the central directory. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const nameBytes = strToU8(name);
  const matches = (at: number) => nameBytes.every((b, k) => out[at + k] === b);
  for (let i = 0; i + 4 < out.length; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x03 && out[i + 3] === 0x04 && matches(i + 30)) setU32(out, i + 22, size);
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x01 && out[i + 3] === 0x02 && matches(i + 46)) setU32(out, i + 24, size);
  }
  return out;
}

describe('paragraphs and tables', () => {
  it('reads runs, breaks, tabs, tracked changes, hidden text and field codes as Word shows them', () => {
    const body =
      p('某某局2024年政府信息公开工作年度报告') +
      '<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t>总体</w:t></w:r><w:ins><w:r><w:t>情况</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>' +
      '<w:p><w:r><w:t>电话</w:t><w:tab/><w:t>0517-1234&amp;5678</w:t><w:br/><w:t>第二行</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:sdt><w:sdtPr/><w:sdtContent>' + p('内容控件中的段落') + '</w:sdtContent></w:sdt>' +
      '<w:p/><w:p/><w:p/>' + p('空段落之后');
    const x = extractDocx(docxPackage(doc(body)));
    expect(x.format).toBe('docx');
    expect(x.map).toBeUndefined();
    expect(x.source).toBe(x.text);
    expect(x.text.split('\n')).toEqual([
      '某某局2024年政府信息公开工作年度报告',
      '一、总体情况',
      '电话 0517-1234&5678',
      '第二行',
      '3',
      '内容控件中的段落',
      '',
      '空段落之后',
      '',
    ]);
  });

  it('resolves gridSpan, vMerge and gridBefore into the grid', () => {
    const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('合并标题', '<w:gridSpan w:val="4"/>')}</w:tr>` +
      `<w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('5')}</w:tr>` +
      `<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>${tc('（三）不予公开')}${tc('1.属于国家秘密')}${tc('0')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('合计')}${tc('5')}</w:tr>` +
      `<w:tr>${tc('多段')}<w:tc><w:p><w:r><w:t>商业</w:t></w:r></w:p><w:p><w:r><w:t>企业</w:t></w:r></w:p></w:tc>${tc('　')}${tc('&#160;')}</w:tr>` +
      '</w:tbl>';
    expect(lines(extractDocx(docxPackage(doc(p('前文') + body + p('后文')))).text)).toEqual([
      '前文',
      '合并标题|||',
      '三、本年度办理结果|（一）予以公开||5',
      '|（三）不予公开|1.属于国家秘密|0',
      '||合计|5',
      '多段|商业 企业||',
      '后文',
    ]);
  });

  it('renders Word automatic numbering (一、 （一） 1.) through numbering.xml and the paragraph style', () => {
    const numbering =
      `<?xml version="1.0"?><w:numbering ${W}>` +
      '<w:abstractNum w:abstractNumId="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>' +
      '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
      '</w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>';
    const styles =
      `<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>` +
      '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>';
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
      '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
    const num = (level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`;
    const body =
      p('总体情况', '<w:pStyle w:val="Heading1"/>') +
      p('主动公开', num(1)) +
      p('依申请公开', num(1)) +
      p('规章', num(2)) +
      p('规范性文件', num(2)) +
      p('主动公开政府信息情况', '<w:pStyle w:val="Heading1"/>') +
      p('要点', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>') +
      Array.from({ length: 9 }, (_, k) => p(`第${k + 3}节`, num(0))).join('');
    const bytes = docxPackage(doc(body), { 'word/numbering.xml': numbering, 'word/styles.xml': styles, 'word/_rels/document.xml.rels': rels });
    expect(lines(extractDocx(bytes).text)).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1. 规章',
      '2. 规范性文件',
      '二、主动公开政府信息情况',
      '- 要点',
      '三、第3节',
      '四、第4节',
      '五、第5节',
      '六、第6节',
      '七、第7节',
      '八、第8节',
      '九、第9节',
      '十、第10节',
      '十一、第11节',
    ]);
  });
});

describe('the blank template', () => {
  it('is read at the cost of a normal report and refuses nothing', () => {
    let x = extractDocx(template);
    // Per character of its document.xml, which is most of what the reader parses.
    expectLinearCost(() => (x = extractDocx(template)), documentXmlLength(template));
    expect(x.text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况');
  });
});

describe('bad files give AuditInputError with a message naming the problem', () => {
  it('a text file called .docx', () => {
    const e = refusal(strToU8('一、总体情况\n这不是 Word 文件。\n'));
    expect(e.message).toMatch(/report\.docx: not a readable DOCX: the file is not a ZIP archive/);
  });

  it('random bytes', () => {
    const bytes = new Uint8Array(50_000);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1664525 + 1013904223) >>> 0) >>> 24;
    expect(refusal(bytes).message).toMatch(/not a ZIP archive/);
    expect(refusal(bytes, undefined as unknown as string).message).toMatch(/not a readable DOCX|does not look like text/);
  });

  it('an empty file', () => {
    expect(refusal(new Uint8Array(0)).message).toMatch(/empty/);
  });

  it('a truncated DOCX (the first half of the template)', () => {
    expect(refusal(template.subarray(0, template.length >> 1)).message).toMatch(/truncated or corrupt: its end-of-central-directory record is missing/);
  });

  it('a DOCX cut just before its end record', () => {
    expect(refusal(template.subarray(0, template.length - 30)).message).toMatch(/truncated|corrupt/);
  });

  it('a legacy .doc (OLE2)', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(ole).message).toMatch(/legacy Word \.doc/);
  });

  it('a ZIP that is not a Word document', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello'), 'data/a.xml': strToU8('<a/>') });
    expect(refusal(zip).message).toMatch(/has no word\/document\.xml/);
  });

  it('corrupt compressed data', () => {
    const zip = docxPackage(doc(p('正文'.repeat(2000))));
    const bad = zip.slice();
    // Scramble the middle of word/document.xml's deflate stream.
    const at = bad.findIndex((_, i) => i > 200 && bad[i - 1] === 0x6d && bad[i] === 0x6c) + 40;
    for (let i = at; i < at + 64; i++) bad[i] = bad[i]! ^ 0x5a;
    expect(refusal(bad).message).toMatch(/corrupt|not well-formed|inflates/);
  });

  it('document.xml that is not XML', () => {
    const zip = docxPackage('<w:document><w:body><w:p><w:r><w:t>未闭合');
    expect(refusal(zip).message).toMatch(/word\/document\.xml is not well-formed XML \(line 1/);
  });

  it('a part declaring a DTD', () => {
    const zip = docxPackage(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "x">]>${doc(p('&a;'))}`);
    expect(refusal(zip).message).toMatch(/declares a DTD/);
  });

  it('DOCX content given as a string', () => {
    expect(() => audit({ content: 'PK…', format: 'docx' })).toThrow(/must be given as bytes/);
  });
});

describe('hostile DOCX content returns or is refused, quickly', () => {
  function returnsOrRefuses(bytes: Uint8Array): void {
    expectReturnsOrRefuses({ content: bytes, uri: 'hostile.docx' }, 'docx', documentXmlLength(bytes));
  }

  it('100,000 nested content controls', () => {
    returnsOrRefuses(docxPackage(doc('<w:sdt><w:sdtContent>'.repeat(100_000) + p('正文') + '</w:sdtContent></w:sdt>'.repeat(100_000))));
  });

  it('a 200,000-cell table row', () => {
    returnsOrRefuses(docxPackage(doc(`<w:tbl><w:tr>${'<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'.repeat(200_000)}</w:tr></w:tbl>`)));
  });

  it('a gridSpan of a billion', () => {
    returnsOrRefuses(docxPackage(doc(`<w:tbl>${'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p/></w:tc></w:tr>'.repeat(10_000)}</w:tbl>`)));
  });
});

describe('zip bombs are refused before or while inflating', () => {
  it('an entry declaring more than the limit', () => {
    const big = new Uint8Array(MAX_DECOMPRESSED + 1024 * 1024);
    const zip = zipSync({ '_rels/.rels': strToU8('<Relationships/>'), 'word/document.xml': big }, { level: 9 });
    expect(zip.length).toBeLessThan(200_000);
    expect(refusal(zip).message).toMatch(/zip bomb/);
  });

  it('an entry under the limit with a ratio no document has', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const zip = zipSync({ 'word/document.xml': zeros }, { level: 9 });
    expect(refusal(zip).message).toMatch(/ratio \d+:1.*zip bomb/);
  });

  it('an entry that lies about its size stops inflating at the declared size', () => {
    const zeros = new Uint8Array(30 * 1024 * 1024);
    const zip = lieAboutSize(zipSync({ 'word/document.xml': zeros }, { level: 9 }), 'word/document.xml', 1000);
    // It stops at the declared size: the message names it, and the 30 MB are never inflated.
    expect(refusal(zip).message).toMatch(/inflates to more than the 1000 bytes it declares/);
  });
});
