import { useEffect, useState } from 'preact/hooks';
import type { CollectionSummary } from '../../src/engine/types.js';
import { articleCount, t } from '../../src/extension/i18n.js';
import type { EngineApi } from '../common/engine.js';
import { errorText } from '../common/format.js';
import type { NoticeKind } from '../common/notice.js';
import type { ExportTarget } from './export-dialog.js';

interface Props {
  engine: EngineApi;
  /** Selected article ids, in the order they were chosen. */
  selected: string[];
  version: number;
  onClear: () => void;
  onExport: (target: ExportTarget) => void;
  onChanged: () => void;
  notify: (kind: NoticeKind, text: string) => void;
}

/** Shown while articles are selected (archive list or search results): add them to a collection, or export them. */
export function SelectionBar({ engine, selected, version, onClear, onExport, onChanged, notify }: Props) {
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  useEffect(() => {
    let live = true;
    engine.listCollections().then((c) => { if (live) setCollections(c); }, (e: unknown) => notify('error', errorText(e)));
    return () => { live = false; };
  }, [engine, version]);

  async function addTo(collectionId: string) {
    const name = collections.find((c) => c.id === collectionId)?.name ?? '';
    try {
      const added = await engine.addToCollection(collectionId, selected);
      onChanged();
      onClear();
      notify('success', t('addedToCollection', articleCount(added), name));
    } catch (e) {
      notify('error', errorText(e));
    }
  }

  if (!selected.length) return null;
  const label = t('selectedCount', articleCount(selected.length));
  return (
    <div class="selection-bar" role="region" aria-label={label}>
      <span class="selection-count">{label}</span>
      <select class="selection-add" aria-label={t('addToCollection')} value="" disabled={!collections.length}
        title={collections.length ? undefined : t('noCollectionsYet')}
        onChange={(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; if (v) void addTo(v); }}>
        <option value="">{t('addToCollection')}</option>
        {collections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      <button type="button" class="selection-export" onClick={() => onExport({ scope: { kind: 'articles', ids: selected }, label })}>{t('exportSelection')}</button>
      <button type="button" class="link selection-clear" onClick={onClear}>{t('clearSelection')}</button>
    </div>
  );
}
