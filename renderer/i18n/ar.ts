import { en } from './en';
import type { Catalogue } from './i18n';
export const ar: Catalogue = en;
