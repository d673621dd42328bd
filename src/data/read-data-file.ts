import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { DataFileError } from '../errors.js';

/** Formats zod issues as `field.path: what is wrong`, so staff know where to look. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>): string[] {
  return issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    return `${field}: ${issue.message}`;
  });
}

/** Parses a YAML or JSON text and checks it against a schema; errors name the file and the field. */
export function parseDataText<T>(file: string, raw: string, schema: ZodType<T, ZodTypeDef, unknown>): T {
  let value: unknown;
  try {
    value = parseYaml(raw, { prettyErrors: true });
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : '';
    throw new DataFileError(file, [`not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`]);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new DataFileError(file, describeIssues(result.error.issues));
  return result.data;
}

export function readDataFile<T>(file: string, schema: ZodType<T, ZodTypeDef, unknown>): T {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataFileError(file, [`cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`]);
  }
  return parseDataText(file, raw, schema);
}
