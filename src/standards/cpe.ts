/**
 * CPE 2.3 formatted string binding (NISTIR 7695 §6.2) and the CPE 2.2 URI binding (§6.1) seen in real advisories.
 *
 * No maintained npm package validates CPE 2.3 (see docs/adr/0005), so this file holds the minimal code: the official
 * regular expression from the CPE 2.3 dictionary schema (cpe-dictionary_2.3.xsd, type cpe23Type) decides validity;
 * the per-component checks only exist to name the component that is wrong.
 */

export const cpeComponents = [
  'part',
  'vendor',
  'product',
  'version',
  'update',
  'edition',
  'language',
  'swEdition',
  'targetSw',
  'targetHw',
  'other',
] as const;
export type CpeComponent = (typeof cpeComponents)[number];
/** Component values as bound in the string: `*` is ANY, `-` is NA, special characters stay backslash-quoted. */
export type Cpe23 = Record<CpeComponent, string>;
export type CpeResult = ({ ok: true; formatted: string } & Cpe23) | { ok: false; problem: string };

// cpe-dictionary_2.3.xsd, simple type cpe23Type (the `$$` of the XSD source is a literal `$` there, kept as `\$`).
const cpe23Type =
  /^cpe:2\.3:[aho*-](:(((\?*|\*?)([a-zA-Z0-9\-._]|(\\[\\*?!"#$%&'()+,/:;<=>@[\]^`{|}~]))+(\?*|\*?))|[*-])){5}(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[*-]))(:(((\?*|\*?)([a-zA-Z0-9\-._]|(\\[\\*?!"#$%&'()+,/:;<=>@[\]^`{|}~]))+(\?*|\*?))|[*-])){4}$/;
// The same grammar, one component at a time (avstring and the language tag of the pattern above).
const avString = /^(((\?*|\*?)([a-zA-Z0-9\-._]|(\\[\\*?!"#$%&'()+,/:;<=>@[\]^`{|}~]))+(\?*|\*?))|[*-])$/;
const language = /^(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[*-])$/;

const layout =
  'cpe:2.3:<part>:<vendor>:<product>:<version>:<update>:<edition>:<language>:<sw_edition>:<target_sw>:<target_hw>:<other>';

/** Splits on `:` that are not quoted with a backslash. */
function splitComponents(s: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      current += c + (s[i + 1] ?? '');
      i++;
    } else if (c === ':') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function componentProblem(name: CpeComponent, value: string): string | undefined {
  if (name === 'part') {
    return /^[aho*-]$/.test(value) ? undefined : `part has invalid value '${value}' (allowed: a, h, o)`;
  }
  if (name === 'language') {
    return language.test(value)
      ? undefined
      : `language has invalid value '${value}' (a language tag such as 'en' or 'en-us', or * or -)`;
  }
  if (value === '') return `${name} is empty (use * for ANY or - for NA)`;
  return avString.test(value)
    ? undefined
    : `${name} has invalid value '${value}' (letters, digits, '-', '.', '_' and the wildcards * and ?; quote other characters with '\\')`;
}

/** Validates a CPE 2.3 formatted string and returns its eleven components. */
export function checkCpe23(s: string): CpeResult {
  if (/^cpe:\//i.test(s)) {
    return { ok: false, problem: 'CPE 2.2 URI binding (cpe:/…) given; use the CPE 2.3 formatted string (cpe:2.3:…)' };
  }
  if (!s.startsWith('cpe:2.3:')) return { ok: false, problem: `not a CPE 2.3 formatted string (${layout})` };
  const values = splitComponents(s).slice(2);
  if (values.length !== cpeComponents.length) {
    return { ok: false, problem: `expected 13 colon-separated fields (${layout}), got ${values.length + 2}` };
  }
  for (const [i, name] of cpeComponents.entries()) {
    const problem = componentProblem(name, values[i] ?? '');
    if (problem) return { ok: false, problem };
  }
  if (!cpe23Type.test(s)) return { ok: false, problem: 'does not match the CPE 2.3 formatted string grammar' };
  const parts = Object.fromEntries(cpeComponents.map((name, i) => [name, values[i] ?? ''])) as Cpe23;
  return { ok: true, formatted: s, ...parts };
}

/** Quotes a decoded URI character for the formatted string binding (NISTIR 7695 §6.2.2.2). */
function quoteForFs(c: string): string {
  return /[a-zA-Z0-9\-._]/.test(c) ? c : `\\${c}`;
}

/** Unbinds one CPE 2.2 URI component (NISTIR 7695 §6.1.3.2) and binds it as a formatted-string value. */
function uriComponentToFs(value: string): string {
  if (value === '') return '*';
  if (value === '-') return '-';
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c !== '%') {
      out += quoteForFs(c.toLowerCase());
      continue;
    }
    const hex = value.slice(i + 1, i + 3);
    i += 2;
    if (hex === '01') out += '?';
    else if (hex === '02') out += '*';
    else out += quoteForFs(String.fromCharCode(Number.parseInt(hex, 16)).toLowerCase());
  }
  return out;
}

const cpe22Uri = /^[cC][pP][eE]:\/[AHOaho]?(:[A-Za-z0-9._\-~%]*){0,6}$/;

/**
 * Converts a CPE 2.2 URI (`cpe:/a:redhat:rhel_aus:8.6::appstream`, as Red Hat's CSAF uses) to the CPE 2.3
 * formatted string; unpacks a packed edition (`~edition~sw_edition~target_sw~target_hw~other`, §6.1.3.3).
 */
export function cpeUriToFormatted(uri: string): CpeResult {
  if (!cpe22Uri.test(uri)) return { ok: false, problem: 'not a CPE 2.2 URI (cpe:/<part>:<vendor>:<product>:…)' };
  const [part = '', vendor = '', product = '', version = '', update = '', edition = '', lang = ''] = uri
    .slice(5)
    .split(':');
  const packed = edition.startsWith('~') ? edition.slice(1).split('~') : [edition];
  const values = [part, vendor, product, version, update, packed[0] ?? '', lang, ...packed.slice(1)];
  while (values.length < cpeComponents.length) values.push('');
  return checkCpe23(`cpe:2.3:${values.map(uriComponentToFs).join(':')}`);
}

/** The CPE with version and update set to ANY: the product, whichever version (versions are listed apart). */
export function cpeProduct(cpe: Cpe23): string {
  const values = cpeComponents.map((name) => (name === 'version' || name === 'update' ? '*' : cpe[name]));
  return `cpe:2.3:${values.join(':')}`;
}
