/** Every dataset format by its `isnad convert` name: one module each in shared/formats/. */
import { bratFormat } from './brat';
import { conllFormat } from './conll';
import type { DatasetFormat, FormatName } from './dataset';
import { doccanoFormat } from './doccano';
import { jsonlFormat } from './jsonl';
import { labelStudioFormat } from './label-studio';
import { nativeFormat } from './native-dataset';
import { spacyFormat } from './spacy';
import { webAnnotationFormat } from './web-annotation';

/** The formats, keyed by name. */
export const DATASET_FORMATS: Readonly<Record<FormatName, DatasetFormat>> = {
  native: nativeFormat,
  jsonl: jsonlFormat,
  doccano: doccanoFormat,
  'label-studio': labelStudioFormat,
  brat: bratFormat,
  conll: conllFormat,
  spacy: spacyFormat,
  'web-annotation': webAnnotationFormat,
};

/** The format names, in the order the UI and the CLI list them. */
export const FORMAT_NAMES = Object.keys(DATASET_FORMATS) as FormatName[];
