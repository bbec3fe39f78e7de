/** How each dataset format is called in the export and import dialogs (message keys). */
import type { FormatName } from '../../shared/formats/dataset';
import type { MessageKey } from '../../shared/i18n/i18n';

/** The format names as the UI lists them, as keys of the interface-language catalogues. */
export const FORMAT_TITLES: Record<FormatName, MessageKey> = {
  native: 'exportDialog.format.native',
  jsonl: 'exportDialog.format.jsonl',
  doccano: 'exportDialog.format.doccano',
  'label-studio': 'exportDialog.format.labelStudio',
  brat: 'exportDialog.format.brat',
  conll: 'exportDialog.format.conll',
  spacy: 'exportDialog.format.spacy',
  'web-annotation': 'exportDialog.format.webAnnotation',
};
