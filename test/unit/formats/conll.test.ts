import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importConll } from '../../../shared/formats/conll';
import { tokenise } from '../../../shared/formats/tokenise';
it('explore', () => {
  for (const f of ['ner_anercorp_first300.txt', 'ner_anercorp_malformed_excerpts.txt', 'ner_newsfane_gold_first300.conll', 'ner_newsfane_gold_media150.conll']) {
    const r = importConll([{ path: f, contents: readFileSync('/work/shared/corpora/' + f, 'utf8') }]);
    if (!r.ok) { console.log(r.problems); continue; }
    const kinds: Record<string, number> = {};
    for (const n of r.notes) kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
    console.log(f, r.corpus.documents.length, r.corpus.documents.map(d => d.spans.length), kinds, r.notes.slice(0, 12).map(n => `${n.line} ${n.kind} ${n.message}`).join('\n'));
  }
  console.log(JSON.stringify(tokenise('قالَ وروسيا بالصواريخ، للأمم 😀 Reuters ٢٠١٩ 3.5 (مؤقتاً).', { splitClitics: true }).map(t => t.text)));
  console.log(JSON.stringify(tokenise('قالَ وروسيا بالصواريخ، للأمم 😀 Reuters ٢٠١٩ 3.5 (مؤقتاً).\u200fأنان\u200f').map(t => t.text)));
});
