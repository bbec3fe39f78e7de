/** The source registry, attributions of claims, the publisher, and the attribute palette. */
import {
  addAttribution,
  addSource,
  attributeToNewSource,
  deleteSource,
  mergeSources,
  removeAttribution,
  setAttributeValues,
  setPublisher,
  updateAttribution,
  updateSource,
  type AttributionFields,
  type SourceFields,
} from '../../../shared/model/attribution-commands';
import { importRegistrySources, planRegistryImport, type RegistryFileSources, type RegistryImportPlan } from '../../../shared/model/registry-import';
import { spansOfDocument } from '../../../shared/model/state';
import type { AppContext } from '../app-context';
import { actionKeyInText } from '../../i18n/key-names';
import { sourceName } from '../../i18n/labels';

export class AttributionActions {
  constructor(private readonly app: AppContext) {}

  /** Adds a registry source; resolves with its id. */
  async addSource(fields: SourceFields): Promise<string | null> {
    const tx = await this.app.run((state, ctx) => addSource(state, fields, ctx));
    return tx?.changes[0]?.id ?? null;
  }

  /**
   * Imports the sources of registry files chosen at once: the ones the registry lacks (same
   * names) are added in one undoable step named after the import, in IndexedDB when this
   * resolves. Resolves with how many sources were added, skipped as already there, and left
   * out as invalid, and whether nothing was added for a reason already told to the user (a
   * refused write, such as a full disk: `reported`).
   */
  async importRegistry(files: readonly RegistryFileSources[]): Promise<{ imported: number; skipped: number; refused: number; reported: boolean }> {
    let plan: RegistryImportPlan = planRegistryImport(this.app.corpus.state, files);
    if (!plan.fresh.length) return { imported: 0, skipped: plan.skipped, refused: 0, reported: false };
    // Planned again against the state the command runs on (a queued command may have changed it).
    const tx = await this.app.run((state, ctx) => importRegistrySources(state, (plan = planRegistryImport(state, files)), ctx));
    const imported = tx?.changes.length ?? 0;
    return { imported, skipped: plan.skipped, refused: plan.fresh.length - imported, reported: tx === null };
  }

  /** Edits a registry source. */
  async updateSource(sourceId: string, fields: SourceFields): Promise<boolean> {
    return (await this.app.run((state) => updateSource(state, { sourceId, fields }))) !== null;
  }

  /** Deletes a registry source (refused, with the reason, while anything points at it). */
  async deleteSource(sourceId: string): Promise<boolean> {
    return (await this.app.run((state) => deleteSource(state, { sourceId }))) !== null;
  }

  /** Merges one source into another; every link follows. */
  async mergeSources(keepId: string, mergeId: string): Promise<boolean> {
    return (await this.app.run((state) => mergeSources(state, { keepId, mergeId }))) !== null;
  }

  /** Attributes a claim; resolves with the attribution id. The status line says to which source. */
  async attribute(fields: AttributionFields): Promise<string | null> {
    const tx = await this.app.run((state, ctx) => addAttribution(state, fields, ctx));
    const id = tx?.changes[0]?.id ?? null;
    if (id) this.announceAttribution(id, false);
    return id;
  }

  /**
   * Adds a source and attributes a claim to it, as one undoable step; resolves with the
   * attribution id. The status line says so, and that the source is new in the registry.
   */
  async attributeToNewSource(source: SourceFields, fields: Omit<AttributionFields, 'sourceId'>): Promise<string | null> {
    const tx = await this.app.run((state, ctx) => attributeToNewSource(state, source, fields, ctx));
    const id = tx?.changes.find((change) => change.table === 'attributions')?.id ?? null;
    if (id) this.announceAttribution(id, true);
    return id;
  }

  /**
   * Confirms a stored attribution in the status line (a polite live region): the source, the
   * attribution it came via, and whether the source was just added to the registry.
   */
  private announceAttribution(attributionId: string, sourceAdded: boolean): void {
    const { state } = this.app.corpus;
    const { t } = this.app;
    const attribution = state.attributions.get(attributionId);
    const source = attribution ? state.sources.get(attribution.sourceId) : undefined;
    if (!attribution || !source) return;
    const via = attribution.viaId ? state.attributions.get(attribution.viaId) : undefined;
    const viaSource = via ? state.sources.get(via.sourceId) : undefined;
    const name = sourceName(source, t);
    const attributed = viaSource ? t('notice.attributedVia', { source: name, via: sourceName(viaSource, t) }) : t('notice.attributed', { source: name });
    this.app.notify('info', sourceAdded ? `${attributed} ${t('notice.sourceAdded', { source: name })}` : attributed);
  }

  /** Changes an attribution (undefined keeps a field, null clears it). */
  async updateAttribution(attributionId: string, patch: Parameters<typeof updateAttribution>[1]['patch']): Promise<boolean> {
    return (await this.app.run((state) => updateAttribution(state, { attributionId, patch }))) !== null;
  }

  /** Removes an attribution (chains through it are cut). */
  async removeAttribution(attributionId: string): Promise<boolean> {
    return (await this.app.run((state) => removeAttribution(state, { attributionId }))) !== null;
  }

  /** Replaces the attribute values of the corpus's schema (undoable). */
  async setAttributeValues(values: { quotation: string[]; stance: string[]; claimType: string[] }): Promise<boolean> {
    return (await this.app.run((state) => setAttributeValues(state, values))) !== null;
  }

  /** Sets or clears a document's publisher. */
  async setPublisher(docId: string, sourceId: string | null): Promise<boolean> {
    return (await this.app.run((state) => setPublisher(state, { docId, sourceId }))) !== null;
  }

  /** Opens the attribute palette for a claim span. */
  openPalette(claimSpanId: string): void {
    const span = this.app.corpus.state.spans.get(claimSpanId);
    if (!span || span.label !== 'CLAIM') return;
    this.app.ui.update({ palette: { claimSpanId }, focusedSpanId: claimSpanId });
  }

  /** Closes the attribute palette. */
  closePalette(): void {
    this.app.ui.update({ palette: null });
  }

  /** The key that attributes the focused claim now (A unless the user changed it), for a hint. */
  private attributeKey(): string {
    return actionKeyInText(this.app.bindings.keysFor('attribution.open'), this.app.t);
  }

  /** Key A: attribute the focused claim (or the claim around the focused span). */
  attributeFocused(): void {
    const { corpus, ui } = this.app;
    const focused = ui.state.focusedSpanId ? corpus.state.spans.get(ui.state.focusedSpanId) : undefined;
    if (!focused) {
      this.app.notifyMoment('info', this.app.t('notice.focusClaim', { next: actionKeyInText(this.app.bindings.keysFor('span.next'), this.app.t), attribute: this.attributeKey() }));
      return;
    }
    const claim =
      focused.label === 'CLAIM' ? focused : spansOfDocument(corpus.state, focused.docId).find((s) => s.label === 'CLAIM' && s.start <= focused.start && focused.end <= s.end);
    if (!claim) {
      this.app.notifyMoment('info', this.app.t('notice.notClaim', { label: focused.label, attribute: this.attributeKey() }));
      return;
    }
    this.openPalette(claim.id);
  }
}
