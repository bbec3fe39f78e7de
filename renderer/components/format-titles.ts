/** How each dataset format is called in the export and import dialogs. */
import type { FormatName } from '../../shared/formats/dataset';

/** The format names as the UI lists them. */
export const FORMAT_TITLES: Record<FormatName, string> = {
  native: 'Isnad native JSON (lossless)',
  jsonl: 'JSON Lines for training',
  doccano: 'doccano JSONL',
  'label-studio': 'Label Studio tasks',
  brat: 'brat standoff (.txt + .ann)',
  conll: 'CoNLL BIO',
  spacy: 'spaCy JSON',
  'web-annotation': 'W3C Web Annotation (JSON-LD)',
};
