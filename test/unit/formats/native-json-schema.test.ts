/**
 * The published JSON Schema of the native format (schema/isnad-native-v2.schema.json) is
 * generated from the zod schema with `z.toJSONSchema`. This test regenerates it and fails if
 * the committed file differs (run with ISNAD_WRITE_SCHEMA=1 to rewrite it), and checks a
 * fresh export against it with a small structural validator (no validator library).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NATIVE_FORMAT_VERSION, nativeFileSchema } from '../../../shared/formats/native-schema';
import { nativeFormat } from '../../../shared/formats/native-dataset';
import { sampleCorpus } from '../../fixtures/formats/web-annotation/corpus';

const schemaPath = fileURLToPath(new URL('../../../schema/isnad-native-v2.schema.json', import.meta.url));

/** The schema as published: zod's JSON Schema (draft 2020-12) with an id, title and description. */
function generateSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(nativeFileSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema,
    $id: 'urn:isnad:schema:native:v2',
    title: `Isnad native corpus file, format version ${NATIVE_FORMAT_VERSION}`,
    description: 'Generated from nativeFileSchema (shared/formats/native-schema.ts) by test/unit/formats/native-json-schema.test.ts; do not edit by hand. Span offsets count the unit named in offsetUnit and every span quotes its text.',
    ...rest,
  };
}

type Schema = Record<string, unknown>;

/** Checks `value` against the subset of JSON Schema that zod emits; returns the paths that fail. */
function validate(schema: Schema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const fail = (message: string): void => void errors.push(`${path}: ${message}`);
  if ('const' in schema && value !== schema.const) fail(`is not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail(`is not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => validate(s as Schema, value, path).length === 0)) fail('matches no alternative of anyOf');
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...errors, `${path}: is not an object`];
      const record = value as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[]) if (!(key in record)) fail(`lacks required ${key}`);
      for (const [key, v] of Object.entries(record)) {
        if (properties[key]) errors.push(...validate(properties[key], v, `${path}.${key}`));
        else if (schema.additionalProperties === false) fail(`has unexpected key ${key}`);
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) return [...errors, `${path}: is not an array`];
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('has too many items');
      if (schema.items) value.forEach((item, i) => errors.push(...validate(schema.items as Schema, item, `${path}[${i}]`)));
      break;
    case 'string':
      if (typeof value !== 'string') return [...errors, `${path}: is not a string`];
      if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) fail('is too short');
      if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) fail('is too long');
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
      break;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') return [...errors, `${path}: is not a number`];
      if (schema.type === 'integer' && !Number.isInteger(value)) fail('is not an integer');
      if (typeof schema.minimum === 'number' && value < schema.minimum) fail('is below the minimum');
      if (typeof schema.maximum === 'number' && value > schema.maximum) fail('is above the maximum');
      break;
    default:
      break;
  }
  return errors;
}

describe('schema/isnad-native-v2.schema.json', () => {
  if (process.env.ISNAD_WRITE_SCHEMA === '1') writeFileSync(schemaPath, JSON.stringify(generateSchema(), null, 2) + '\n');
  const committed = JSON.parse(readFileSync(schemaPath, 'utf8')) as Schema;

  it('is exactly what z.toJSONSchema(nativeFileSchema) generates (regenerate with ISNAD_WRITE_SCHEMA=1)', () => {
    expect(committed).toEqual(generateSchema());
    expect(readFileSync(schemaPath, 'utf8')).toBe(JSON.stringify(generateSchema(), null, 2) + '\n');
  });

  it('declares draft 2020-12 and the version-2 file shape', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'offsetUnit', 'corpus', 'schema', 'registry', 'documents']));
    const properties = committed.properties as Record<string, Schema>;
    expect(properties.formatVersion!.const).toBe(NATIVE_FORMAT_VERSION);
    expect(properties.format!.const).toBe('isnad-corpus');
  });

  it('a fresh native export satisfies it (both offset units)', () => {
    for (const offsetUnit of ['codepoint', 'utf16'] as const) {
      const out = nativeFormat.exportCorpus(sampleCorpus(), { offsetUnit });
      if (!out.ok) throw new Error(out.problems.join('\n'));
      expect(validate(committed, JSON.parse(out.files[0]!.contents))).toEqual([]);
    }
  });

  it('the structural check catches a broken file (missing key, bad enum, negative offset)', () => {
    const out = nativeFormat.exportCorpus(sampleCorpus());
    if (!out.ok) throw new Error(out.problems.join('\n'));
    const file = JSON.parse(out.files[0]!.contents);
    delete file.registry;
    file.offsetUnit = 'bytes';
    file.documents[0].spans[0].start = -1;
    const errors = validate(committed, file);
    expect(errors).toContain('$: lacks required registry');
    expect(errors.some((e) => e.startsWith('$.offsetUnit'))).toBe(true);
    expect(errors.some((e) => e.startsWith('$.documents[0].spans[0].start'))).toBe(true);
  });
});
