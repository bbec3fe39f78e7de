/**
 * brat's `annotation.conf` for an export (the layout of `examples/brat_annotation.conf`):
 * [entities] the span labels, [relations] AttributedTo / Cue / Via with the labels that
 * occur at each end, [attributes] Quotation / Stance / ClaimType with their values. Reading
 * takes the entity types and the Arg1 types of AttributedTo (which labels are claims).
 */
import { BRAT_RELATIONS } from './brat-mapping';
import { appendAll } from '../arrays';

/** What an export's annotation.conf declares. */
export interface BratConfInput {
  labels: readonly string[];
  /** Labels at each end of each relation type (empty → every label). */
  relationArgs: Record<string, { arg1: Set<string>; arg2: Set<string> }>;
  /** Label(s) that carry the attribute, and the values of each attribute. */
  attributeArgs: Set<string>;
  attributeValues: Record<string, readonly string[]>;
}

function types(set: ReadonlySet<string>, all: readonly string[]): string {
  return (set.size ? [...set] : all).join('|') || '<ENTITY>';
}

/** The text of annotation.conf. */
export function writeAnnotationConf(input: BratConfInput): string {
  const lines = ['[entities]', ...input.labels, '', '[relations]'];
  for (const type of Object.values(BRAT_RELATIONS)) {
    const args = input.relationArgs[type] ?? { arg1: new Set<string>(), arg2: new Set<string>() };
    lines.push(`${type}\tArg1:${types(args.arg1, input.labels)}, Arg2:${types(args.arg2, input.labels)}`);
  }
  lines.push('', '[events]', '', '[attributes]');
  for (const [name, values] of Object.entries(input.attributeValues)) {
    lines.push(`${name}\tArg:${types(input.attributeArgs, input.labels)}${values.length ? `, Value:${values.join('|')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The entity types and the claim labels (Arg1 of AttributedTo) an annotation.conf declares. */
export function readAnnotationConf(contents: string): { labels: string[]; claimLabels: string[] } {
  const labels: string[] = [];
  const claimLabels: string[] = [];
  let section = '';
  for (const raw of contents.replace(/^\uFEFF/u, '').split(/\r?\n/u)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/u.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    if (section === 'entities') labels.push(line.split(/\s/u)[0]!);
    if (section === 'relations' && line.startsWith(`${BRAT_RELATIONS.attributedTo}\t`)) {
      const arg1 = /Arg1:([^,]+)/u.exec(line);
      if (arg1) appendAll(claimLabels, arg1[1]!.split('|').map((s) => s.trim()));
    }
  }
  return { labels, claimLabels };
}
