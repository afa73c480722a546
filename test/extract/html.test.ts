/**
 * The HTML and XML extractors: text model, exact positions, charsets, malformed and hostile markup.
 */
import { describe, expect, it } from '@jest/globals';
import { audit, AuditInputError } from '../../src/index';
import { extractHtml, extractXml } from '../../src/extract/html';
import { declaredCharset, decodeMarkup } from '../../src/extract/charset';
import { expectReturnsOrRefuses } from '../helpers';

/** Lines of the extracted text, tabs shown as `|`. */
const lines = (text: string) => text.split('\n').filter((l) => l.length > 0).map((l) => l.replace(/\t/g, '|'));

/** Checks the map: every character of the text points into the source, in bounds. */
function checkMap(source: string, text: string, map: Int32Array | undefined) {
  expect(map).toBeDefined();
  expect(map!.length).toBe(text.length + 1);
  expect(map![text.length]).toBe(source.length);
  for (let i = 0; i < text.length; i++) {
    expect(map![i]).toBeGreaterThanOrEqual(0);
    expect(map![i]).toBeLessThan(source.length);
  }
}

/** The source offset of the first occurrence of `needle` in the extracted text. */
function sourceOffsetOf(x: { text: string; map?: Int32Array }, needle: string): number {
  const at = x.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return x.map![at]!;
}

/** Encodes text as GBK bytes (built from the platform's GBK decoder; enough for the test text). */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

describe('HTML text model', () => {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>标题_某某网站</title>
<style>p { color: red }</style><script>var s = "<p>not text</p>"; if (a < b) {}</script></head>
<body><!-- 注释 <p>hidden</p> -->
<h1>某某区人民政府2024年政府信息公开工作年度报告</h1>
<p>本报告&nbsp;根据《条例》编制&amp;发布。<p>一&#x3001;总体情况
<p>2024年，&#x4E00;切
   顺利<br>第二行 <b>加粗</b>文字
<ul><li>一、要点<li>二、要点</ul><ol><li>甲</li><li>乙</li></ol>
<table border=1><tr><td rowspan=2>三、本年度办理结果<td colspan=2>（一）予以公开<td>5
<tr><td>（三）不予公开<td>1.属于国家秘密<td>0</tr>
<tr><th colspan="3">合计</th><td>5</td></tr></table>
<pre>甲  乙
丙</pre>
</body></html>`;
  const x = extractHtml(html);

  it('reads paragraphs, headings, lists, tables (spans resolved) and skips script, style, title, comments', () => {
    expect(lines(x.text)).toEqual([
      '某某区人民政府2024年政府信息公开工作年度报告',
      '本报告 根据《条例》编制&发布。',
      '一、总体情况',
      '2024年，一切顺利',
      '第二行 加粗文字',
      '- 一、要点',
      '- 二、要点',
      '1. 甲',
      '2. 乙',
      '三、本年度办理结果|（一）予以公开||5',
      '|（三）不予公开|1.属于国家秘密|0',
      '合计|||5',
      '甲  乙',
      '丙',
    ]);
    expect(x.format).toBe('html');
    expect(x.source).toBe(html);
  });

  it('maps every character into the source; entities to their start', () => {
    checkMap(html, x.text, x.map);
    expect(html.slice(sourceOffsetOf(x, '一切'), sourceOffsetOf(x, '一切') + 8)).toBe('&#x4E00;');
    expect(html.startsWith('&amp;', sourceOffsetOf(x, '&发布'))).toBe(true);
    expect(html.startsWith('&#x3001;', sourceOffsetOf(x, '、总体情况'))).toBe(true);
    expect(html.startsWith('（一）予以公开', sourceOffsetOf(x, '（一）予以公开'))).toBe(true);
    // The segment break between 一切 and 顺利 is dropped (CJK on both sides), so 切顺 are adjacent.
    expect(html.slice(sourceOffsetOf(x, '顺利'), sourceOffsetOf(x, '顺利') + 2)).toBe('顺利');
    // A tab stands for the cell it opens: the `<td` of （一）予以公开.
    const tab = x.text.indexOf('\t（一）');
    expect(html.startsWith('<td colspan=2>', x.map![tab]!)).toBe(true);
  });
});

describe('audit() on HTML: positions of findings and cells', () => {
  it('a table cell written with an entity and a span points at it', () => {
    const html =
      '<h1>某某县2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度共收到申请&#x20;12&nbsp;件。</p>' +
      '<table><tr><td colspan=2>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>&#55;</td></tr></table>';
    const r = audit({ content: html, format: 'html' });
    expect(r.report.format).toBe('html');
    const title = r.findings.find((f) => f.ruleId === 'statistics-period');
    if (title) expect(html.slice(title.position.start.offset, title.position.end.offset)).toContain('年度报告');
    for (const f of r.findings) {
      expect(f.position.start.offset).toBeGreaterThanOrEqual(0);
      expect(f.position.end.offset).toBeLessThanOrEqual(html.length);
    }
  });
});

describe('charset from bytes', () => {
  const body = '<p>一、总体情况</p><p>本机关2024年主动公开政府信息331条。</p>';

  it('GBK bytes with <meta charset="gbk">', () => {
    const html = `<html><head><meta charset="gbk"></head><body>${body}</body></html>`;
    const bytes = encodeGbk(html);
    expect(declaredCharset(bytes)).toBe('gbk');
    const x = extractHtml(bytes);
    expect(x.source).toBe(html);
    expect(lines(x.text)).toEqual(['一、总体情况', '本机关2024年主动公开政府信息331条。']);
    const r = audit({ content: bytes, uri: 'report.html' });
    expect(r.report.text ?? '').not.toContain('\uFFFD');
  });

  it('GB2312 declared through http-equiv, and XML encoding="GBK"', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${body}</body></html>`;
    expect(decodeMarkup(encodeGbk(html))).toBe(html);
    const xml = `<?xml version="1.0" encoding="GBK"?><report><p>一、总体情况</p></report>`;
    expect(decodeMarkup(encodeGbk(xml))).toBe(xml);
  });

  it('undeclared GBK falls back to GB18030; a UTF-8 page declared GBK is read as UTF-8; BOM wins', () => {
    const plain = `<html><body>${body}</body></html>`;
    expect(decodeMarkup(encodeGbk(plain))).toBe(plain);
    const mislabelled = `<html><head><meta charset="gbk"></head><body>${body}</body></html>`;
    expect(decodeMarkup(new TextEncoder().encode(mislabelled))).toBe(mislabelled);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(mislabelled)]);
    expect(decodeMarkup(bom)).toBe(mislabelled);
    const latin = `<html><head><meta charset="iso-8859-1"></head><body>${body}</body></html>`;
    expect(decodeMarkup(new TextEncoder().encode(latin))).toBe(latin);
    expect(decodeMarkup(new Uint8Array([...new TextEncoder().encode('<meta charset=windows-1252><p>caf'), 0xe9]))).toBe('<meta charset=windows-1252><p>café');
  });
});

describe('malformed markup is tolerated', () => {
  it.each([
    ['unclosed <p> and <td>', '<p>一、总体情况<p>正文<table><tr><td>规章<td>3<tr><td>行政规范性文件<td>8</table>', ['一、总体情况', '正文', '规章|3', '行政规范性文件|8']],
    ['stray < and & in text', '<p>a < b && c <3 d</p><p>e &unknown; f &#0; g</p>', ['a < b && c <3 d', 'e &unknown; f \uFFFD g']],
    // (a browser would swallow the rest of the page into the attribute; the value ends at the next `>` here)
    ['an unterminated attribute quote', '<p class="x>文字</p><p>后文</p>', ['文字', '后文']],
    ['a tag cut by a stray <', '<p class=x <b>粗体</b></p>', ['粗体']],
    ['end tags without start tags', '</td></tr></table></p>正文</div>', ['正文']],
    ['cells outside a table', '<td>一</td><td>二</td>', ['一', '二']],
    ['an unclosed table at the end', '<table><tr><td>甲<td>乙', ['甲|乙']],
    ['an unclosed comment and script', '<p>前</p><!-- 未闭合 <p>后</p>', ['前', '后']],
    ['unclosed <script>', '<p>前</p><script>var x;<p>后</p>', ['前', 'var x;', '后']],
    ['uppercase tags and attributes', '<P>段落<TABLE><TR><TD COLSPAN=2>合并<TR><TD>a<TD>b</TABLE>', ['段落', '合并|', 'a|b']],
    ['a DOCTYPE with an internal subset', '<!DOCTYPE html [<!ENTITY x "boom">]><p>&x;正文</p>', ['&x;正文']],
    ['Word HTML: conditional comments, o:p, mso lists', '<p class=MsoNormal><![if !supportLists]>1.<![endif]>正文<o:p></o:p></p>', ['1.正文']],
  ])('%s', (_name, html, expected) => {
    const x = extractHtml(html);
    expect(lines(x.text)).toEqual(expected);
    checkMap(html, x.text, x.map);
  });

  it('a page-layout table (one cell holding the whole report) is read as blocks', () => {
    const html =
      '<table><tr><td><h2>一、总体情况</h2><p>正文一</p><table><tr><td>规章</td><td>3</td></tr></table><p>二、主动公开</p></td></tr></table>';
    expect(lines(extractHtml(html).text)).toEqual(['一、总体情况', '正文一', '规章|3', '二、主动公开']);
  });

  it('random bytes given as HTML are refused with AuditInputError', () => {
    const bytes = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    expect(() => audit({ content: bytes, format: 'html' })).toThrow(AuditInputError);
    expect(() => audit({ content: bytes, format: 'html' })).toThrow(/does not look like text/);
  });
});

describe('hostile HTML returns quickly or throws AuditInputError', () => {
  function returnsOrRefuses(html: string): void {
    expectReturnsOrRefuses({ content: html, format: 'html' }, 'html', html.length);
  }

  it('1,000,000 <div> opens', () => returnsOrRefuses('<div>'.repeat(1_000_000) + '一、总体情况'));
  it('a 200,000-cell table row', () => returnsOrRefuses('<table><tr>' + '<td>1'.repeat(200_000) + '</table>'));
  it('100,000 nested tables', () => returnsOrRefuses('<table><tr><td>'.repeat(100_000) + '正文'));
  it('a 5 MB attribute value', () => returnsOrRefuses(`<p title="${'a'.repeat(5_000_000)}">正文</p>`));
  it('2,000,000 stray <', () => returnsOrRefuses('<'.repeat(2_000_000)));
  it('1,000,000 unterminated comments', () => returnsOrRefuses('<!--'.repeat(1_000_000)));
  it('500,000 unclosed <script>', () => returnsOrRefuses('<script>'.repeat(500_000)));
  it('a million entities', () => returnsOrRefuses('&amp;&#x4E00;&nbsp;'.repeat(1_000_000 / 3)));

  it('huge rowspan × colspan is refused with a message naming the problem', () => {
    const html = '<table>' + '<tr><td colspan=1000 rowspan=65534>x'.repeat(10_000) + '</table>';
    expect(() => extractHtml(html)).toThrow(AuditInputError);
    expect(() => extractHtml(html)).toThrow(/table spans more than/);
  });
});

describe('XML', () => {
  it('reads a generic XML document element by element, inline elements kept in the line', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><report><title>某某局2024年政府信息公开工作年度报告</title>' +
      '<section><heading>一、总体情况</heading><para>本年度<em>主动公开</em>信息&#x20;331&amp;条。</para></section>' +
      '<table><row><entry morerows="1">三、本年度办理结果</entry><entry>（一）予以公开</entry><entry>5</entry></row>' +
      '<row><entry>（二）部分公开</entry><entry>0</entry></row></table><![CDATA[<附注> 无]]></report>';
    const x = extractXml(xml);
    expect(x.format).toBe('xml');
    expect(lines(x.text)).toEqual([
      '某某局2024年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度主动公开信息 331&条。',
      '三、本年度办理结果|（一）予以公开|5',
      '|（二）部分公开|0',
      '<附注> 无',
    ]);
    checkMap(xml, x.text, x.map);
  });

  it('never expands DTD entities (a billion-laughs document stays small)', () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>';
    const x = extractXml(lol);
    expect(x.text.trim()).toBe('&lol3;');
  });

  it('audit() sniffs XML from the uri and from the content', () => {
    const xml = '<?xml version="1.0"?><report><p>一、总体情况</p><p>本机关主动公开政府信息10条。</p></report>';
    expect(audit({ content: xml, uri: 'r.xml' }).report.format).toBe('xml');
    expect(audit({ content: xml }).report.format).toBe('xml');
  });
});
