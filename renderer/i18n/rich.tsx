/**
 * Messages with elements inside (an isolated name, a key cap): the translated text keeps
 * `{name}` placeholders for the parameters `t()` was not given, and this puts elements there,
 * so each language orders the sentence its own way.
 */
import { Fragment, type ReactNode } from 'react';

/** Replaces `{name}` placeholders of a translated text by the given elements. */
export function withElements(text: string, elements: Record<string, ReactNode>): ReactNode {
  const parts = text.split(/\{(\w+)\}/);
  return parts.map((part, i) => (i % 2 === 1 && part in elements ? <Fragment key={i}>{elements[part]}</Fragment> : part === '' ? null : <Fragment key={i}>{i % 2 === 1 ? `{${part}}` : part}</Fragment>));
}
