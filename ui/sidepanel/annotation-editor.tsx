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

  useEffect(() => {
    let live = true;
    Promise.all([engine.listCollections(), engine.collectionsOf(articleId), engine.getAnnotation(articleId)]).then(([c, of, a]) => {
      if (!live) return;
      setAll(c);
      setInside(of);
      setTags(a?.tags ?? []);
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
  const saveTags = (next: string[]) => act(async () => setTags(await engine.setTags(articleId, next)));
  const addTags = () => {
    const more = tagInput.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
    setTagInput('');
    if (more.length) void saveTags([...tags, ...more]);
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
            <button type="button" class="chip-remove" aria-label={t('removeTag', tag)} onClick={() => saveTags(tags.filter((x) => x !== tag))}>×</button>
          </span>
        ))}
        <input type="text" class="tag-input" value={tagInput} maxLength={200} placeholder={t('addTagPlaceholder')} aria-label={t('addTagPlaceholder')}
          onInput={(e) => setTagInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') { e.preventDefault(); addTags(); }
            else if (e.key === 'Backspace' && !tagInput && tags.length) void saveTags(tags.slice(0, -1));
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
