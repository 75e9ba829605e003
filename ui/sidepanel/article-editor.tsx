import { useState } from 'preact/hooks';
import type { ArticlePatch } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';
import type { ArticleView, EditableField } from '../../src/model/records.js';

const LINE_FIELDS = ['kicker', 'headline', 'subtitle', 'dateline', 'byline', 'continuedFrom', 'continuedTo'] as const;
const LABEL: Record<EditableField, string> = {
  kicker: 'fieldKicker', headline: 'fieldHeadline', subtitle: 'fieldSubtitle', dateline: 'fieldDateline', byline: 'fieldByline',
  authors: 'fieldAuthors', paragraphs: 'fieldParagraphs', continuedTo: 'fieldContinuedTo', continuedFrom: 'fieldContinuedFrom',
};

/** Paragraphs are edited as one text, a blank line between two. */
const PARAGRAPH_BREAK = /\n\s*\n/;
const AUTHOR_BREAK = /[,，、;；]/;

/** Edits every field a user may correct; only the fields actually changed are sent, so the others keep following the parser. */
export function ArticleEditor({ article, onSave, onCancel }: { article: ArticleView; onSave: (patch: ArticlePatch) => Promise<void>; onCancel: () => void }) {
  const [values, setValues] = useState<Record<EditableField, string>>(() => ({
    ...Object.fromEntries(LINE_FIELDS.map((f) => [f, article[f] ?? ''])) as Record<(typeof LINE_FIELDS)[number], string>,
    authors: article.authors.join('，'),
    paragraphs: article.paragraphs.join('\n\n'),
  }));
  const [saving, setSaving] = useState(false);
  const set = (f: EditableField) => (e: Event) => setValues((v) => ({ ...v, [f]: (e.currentTarget as HTMLInputElement).value }));

  async function submit(e: Event) {
    e.preventDefault();
    const patch: ArticlePatch = {};
    for (const f of LINE_FIELDS) {
      const v = values[f].trim() || null;
      if (v !== article[f]) patch[f] = v;
    }
    const authors = values.authors.split(AUTHOR_BREAK).map((a) => a.trim()).filter(Boolean);
    if (authors.join('\n') !== article.authors.join('\n')) patch.authors = authors;
    const paragraphs = values.paragraphs.split(PARAGRAPH_BREAK).map((p) => p.trim()).filter(Boolean);
    if (paragraphs.join('\n') !== article.paragraphs.join('\n')) patch.paragraphs = paragraphs;
    if (!Object.keys(patch).length) return onCancel();
    setSaving(true);
    try {
      await onSave(patch);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="editor" onSubmit={submit}>
      {LINE_FIELDS.map((f) => (
        <label key={f} class="field">
          <span>{t(LABEL[f])}</span>
          <input name={f} value={values[f]} onInput={set(f)} />
        </label>
      ))}
      <label class="field">
        <span>{t(LABEL.authors)}</span>
        <input name="authors" value={values.authors} onInput={set('authors')} />
      </label>
      <label class="field">
        <span>{t(LABEL.paragraphs)}</span>
        <textarea name="paragraphs" rows={12} value={values.paragraphs} onInput={set('paragraphs')} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>{t('saveChanges')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
