import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ArticlePatch, StoryView, UndoToken } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';
import type { ArticleView } from '../../src/model/records.js';
import type { EngineApi } from '../common/engine.js';
import { errorText, formatDate, sourceLabel } from '../common/format.js';
import type { NoticeKind } from '../common/notice.js';
import { AnnotationEditor } from './annotation-editor.js';
import { ArticleEditor } from './article-editor.js';
import { StoryParts } from './story.js';

export interface ReaderProps {
  engine: EngineApi;
  id: string;
  version: number;
  onBack: () => void;
  onOpen: (id: string) => void;
  onShowClipping: (clippingId: string, articleId: string) => void;
  onDeleted: (token: UndoToken) => void;
  /** The archive changed: lists must refetch. */
  onChanged: () => void;
  notify: (kind: NoticeKind, text: string) => void;
}

/** One article as the newspaper printed it, with the tools to correct how it was cut out. */
export function Reader({ engine, id, version, onBack, onOpen, onShowClipping, onDeleted, onChanged, notify }: ReaderProps) {
  const [article, setArticle] = useState<ArticleView | null | undefined>(undefined);
  const [mode, setMode] = useState<'read' | 'edit' | 'split'>('read');
  const [busy, setBusy] = useState(false);
  // A story continued on other pages is read whole, its parts joined; null when the article stands alone.
  const [story, setStory] = useState<StoryView | null>(null);

  useEffect(() => {
    let live = true;
    engine.getArticle(id).then((a) => { if (live) setArticle(a); }, () => { if (live) setArticle(null); });
    engine.storyOf(id).then((s) => { if (live) setStory(s); }, () => { if (live) setStory(null); });
    return () => { live = false; };
  }, [engine, id, version]);
  useEffect(() => setMode('read'), [id]);

  /** Runs one engine action, with the buttons held and any failure told to the user. */
  async function act(fn: () => Promise<void>) {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (article === undefined) return <p class="muted pad">{t('loading')}</p>;
  if (article === null) {
    return (
      <section class="reader">
        <nav class="toolbar"><button type="button" onClick={onBack}>← {t('back')}</button></nav>
        <p class="muted pad">{t('articleGone')}</p>
      </section>
    );
  }

  const save = (patch: ArticlePatch) => act(async () => {
    setArticle(await engine.updateArticle(id, patch));
    setMode('read');
    onChanged();
    notify('success', t('changesSaved'));
  });
  const merge = () => act(async () => {
    const merged = await engine.mergeWithNext(id);
    onChanged();
    onOpen(merged);
    notify('success', t('mergedDone'));
  });
  const split = (paragraph: number) => act(async () => {
    const [first] = await engine.splitAt(id, paragraph);
    onChanged();
    onOpen(first);
    setMode('read');
    notify('success', t('splitDone'));
  });
  const remove = () => act(async () => onDeleted(await engine.deleteArticle(id)));
  const unlink = (linkId: string) => act(async () => {
    await engine.unlink(linkId);
    setStory(await engine.storyOf(id));
    onChanged();
    notify('success', t('unlinkedDone'));
  });
  const joined = mode === 'read' && story !== null;
  // A story is headed by its first part, whichever part was opened.
  const head = joined ? story.parts[0]!.article : article;

  return (
    <section class="reader">
      <nav class="toolbar">
        <button type="button" onClick={onBack}>← {t('back')}</button>
        <span class="spacer" />
        <button type="button" class="action-edit" disabled={busy} aria-pressed={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? 'read' : 'edit')}>{t('edit')}</button>
        <button type="button" class="action-merge" disabled={busy} onClick={merge}>{t('mergeNext')}</button>
        <button type="button" class="action-split" disabled={busy || article.paragraphs.length < 2} aria-pressed={mode === 'split'} onClick={() => setMode(mode === 'split' ? 'read' : 'split')}>{t('split')}</button>
        <button type="button" class="action-delete danger" disabled={busy} onClick={remove}>{t('delete')}</button>
      </nav>
      {mode === 'edit' ? (
        <ArticleEditor article={article} onSave={save} onCancel={() => setMode('read')} />
      ) : (
        <article class="article">
          {head.section && <p class="section">{head.section}</p>}
          {head.kicker && <p class="kicker">{head.kicker}</p>}
          <h1 class="headline">{head.headline ?? t('noHeadline')}</h1>
          {head.subtitle && <p class="subtitle">{head.subtitle}</p>}
          {(head.dateline || head.byline) && (
            <p class="credit">
              {head.dateline && <span class="dateline">{head.dateline}</span>}
              {head.byline && <span class="byline">{head.byline}</span>}
            </p>
          )}
          {joined && <StoryParts story={story} currentId={id} busy={busy} onUnlink={unlink} />}
          {!joined && article.continuedFrom && <p class="jump">{t('continuedFrom', article.continuedFrom)}</p>}
          {mode === 'split' && <p class="hint">{t('splitHint')}</p>}
          {!joined && <div class="body">
            {article.paragraphs.map((p, i) => (
              <Fragment key={i}>
                {mode === 'split' && i > 0 && (
                  <button type="button" class="split-here" disabled={busy} onClick={() => split(i)}>✂ {t('splitHere')}</button>
                )}
                <p class="paragraph">{p}</p>
              </Fragment>
            ))}
          </div>}
          {!joined && article.continuedTo && <p class="jump">{t('continuedTo', article.continuedTo)}</p>}
          {article.captions.length > 0 && <ul class="captions">{article.captions.map((c, i) => <li key={i}>{c}</li>)}</ul>}
          <footer class="source">
            <SourceLink article={article} />
            <span class="muted">{formatDate(article.capturedAt)}</span>
            {article.corrected.length > 0 && <span class="muted">{t('correctedNote', article.corrected.map((f) => t(`field${f[0]!.toUpperCase()}${f.slice(1)}`)).join(t('listSeparator')))}</span>}
            <button type="button" class="link show-clipping" onClick={() => onShowClipping(article.clippingId, article.id)}>{t('showInClipping')}</button>
          </footer>
          <AnnotationEditor key={article.id} engine={engine} articleId={article.id} version={version} onChanged={onChanged} notify={notify} />
        </article>
      )}
    </section>
  );
}

function SourceLink({ article }: { article: ArticleView }) {
  const { url, title, via } = article.source;
  const label = sourceLabel(article.newspaper, title, via);
  if (url && /^https?:/.test(url)) {
    return <a class="source-link" href={url} target="_blank" rel="noopener noreferrer" title={url}>{label}</a>;
  }
  return <span class="source-link">{label}</span>;
}
