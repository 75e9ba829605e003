import { useEffect, useRef, useState } from 'preact/hooks';
import type { CollectionSummary } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';
import { attempt } from '../common/attempt.js';
import type { EngineApi } from '../common/engine.js';
import { errorText } from '../common/format.js';
import type { NoticeKind } from '../common/notice.js';

/** A note is saved this long after the last keystroke, and at once when the field loses focus. */
const NOTE_DELAY_MS = 800;

interface Props {
  engine: EngineApi;
  articleId: string;
  version: number;
  onChanged: () => void;
  notify: (kind: NoticeKind, text: string) => void;
}

/** Under an article in the reader: its collections (add, remove), its tags (chips and an input) and its note. */
export function AnnotationEditor({ engine, articleId, version, onChanged, notify }: Props) {
  const [all, setAll] = useState<CollectionSummary[]>([]);
  const [inside, setInside] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [tagInput, setTagInput] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [noteState, setNoteState] = useState<'saved' | null>(null);
  const savedNote = useRef('');
  /** The typed note not yet saved, if any. */
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The tags as the reader last left them (a second Enter comes before the first save answers); one editor per article (reader.tsx keys it). */
  const latestTags = useRef<string[]>([]);
  /** Tag saves run one after another, so the last list the reader made is the one stored. */
  const tagSaves = useRef<Promise<void>>(Promise.resolve());
  const tagSavesWaiting = useRef(0);

  useEffect(() => {
    let live = true;
    Promise.all([engine.listCollections(), engine.collectionsOf(articleId), engine.getAnnotation(articleId)]).then(([c, of, a]) => {
      if (!live) return;
      setAll(c);
      setInside(of);
      // A reload that a tag save caused does not undo a later tag still being saved.
      if (tagSavesWaiting.current === 0) { setTags(a?.tags ?? []); latestTags.current = a?.tags ?? []; }
      // A note being typed is not replaced by a reload the typing itself caused.
      if (pending.current === null) { setNote(a?.note ?? ''); savedNote.current = a?.note ?? ''; setNoteState(null); }
    }, (e: unknown) => notify('error', errorText(e)));
    return () => { live = false; };
  }, [engine, articleId, version]);

  // Leaving the article (or the panel) saves a note still waiting for its delay.
  useEffect(() => () => {
    clearTimeout(timer.current);
    if (pending.current !== null && pending.current !== savedNote.current) void engine.setNote(articleId, pending.current).catch(() => undefined);
    pending.current = null;
  }, [articleId]);

  const act = (fn: () => Promise<unknown>) => attempt(fn, notify, onChanged);

  const addTo = (collectionId: string) => act(async () => {
    await engine.addToCollection(collectionId, [articleId]);
    setInside((s) => [...s, collectionId]);
  });
  const removeFrom = (collectionId: string) => act(async () => {
    await engine.removeFromCollection(collectionId, [articleId]);
    setInside((s) => s.filter((x) => x !== collectionId));
  });
  /**
   * Shows `next` at once and stores it after the saves before it. The engine's answer (tags cleaned) replaces it
   * unless the reader has changed the tags since; a refused save shows the stored tags again.
   */
  const saveTags = (next: string[]) => {
    latestTags.current = next;
    setTags(next);
    tagSavesWaiting.current++;
    const save = tagSaves.current.then(async () => {
      const show = (stored: string[]) => { if (latestTags.current === next) { latestTags.current = stored; setTags(stored); } };
      try {
        show(await engine.setTags(articleId, next));
        onChanged();
      } catch (e) {
        notify('error', errorText(e));
        show((await engine.getAnnotation(articleId).catch(() => null))?.tags ?? []);
      } finally {
        tagSavesWaiting.current--;
      }
    });
    tagSaves.current = save;
    return save;
  };
  const addTags = () => {
    const more = tagInput.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
    setTagInput('');
    if (more.length) void saveTags([...new Set([...latestTags.current, ...more])]);
  };
  async function saveNote(text: string) {
    clearTimeout(timer.current);
    pending.current = null;
    if (text === savedNote.current) return;
    try {
      await engine.setNote(articleId, text);
      savedNote.current = text;
      setNoteState('saved');
    } catch (e) {
      notify('error', errorText(e));
    }
  }

  const others = all.filter((c) => !inside.includes(c.id));
  return (
    <section class="annotations" aria-label={t('annotationsHeading')}>
      <div class="annotation-row in-collections">
        <span class="annotation-label">{t('inCollections')}</span>
        {all.filter((c) => inside.includes(c.id)).map((c) => (
          <span key={c.id} class="chip collection-chip">
            {c.name}
            <button type="button" class="chip-remove" aria-label={t('removeFromCollection', c.name)} onClick={() => removeFrom(c.id)}>×</button>
          </span>
        ))}
        {others.length > 0 && (
          <select class="add-to-collection" aria-label={t('addToCollection')} value=""
            onChange={(e) => { const v = e.currentTarget.value; e.currentTarget.value = ''; if (v) void addTo(v); }}>
            <option value="">{t('addToCollection')}</option>
            {others.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )}
        {all.length === 0 && <span class="muted small">{t('noCollectionsYet')}</span>}
      </div>
      <div class="annotation-row tags-editor">
        <span class="annotation-label">{t('tagsHeading')}</span>
        {tags.map((tag) => (
          <span key={tag} class="chip tag-chip">
            {tag}
            <button type="button" class="chip-remove" aria-label={t('removeTag', tag)} onClick={() => saveTags(latestTags.current.filter((x) => x !== tag))}>×</button>
          </span>
        ))}
        <input type="text" class="tag-input" value={tagInput} maxLength={200} placeholder={t('addTagPlaceholder')} aria-label={t('addTagPlaceholder')}
          onInput={(e) => setTagInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') { e.preventDefault(); addTags(); }
            else if (e.key === 'Backspace' && !tagInput && latestTags.current.length) void saveTags(latestTags.current.slice(0, -1));
          }}
          onBlur={() => { if (tagInput.trim()) addTags(); }} />
      </div>
      <label class="note-editor">
        <span class="annotation-label">{t('noteHeading')} <span class="note-state muted">{noteState === 'saved' ? t('noteSaved') : ''}</span></span>
        <textarea class="note-input" rows={3} value={note ?? ''} disabled={note === null} placeholder={t('notePlaceholder')}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setNote(text);
            setNoteState(null);
            pending.current = text;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => void saveNote(text), NOTE_DELAY_MS);
          }}
          onBlur={(e) => void saveNote(e.currentTarget.value)} />
      </label>
    </section>
  );
}
