import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ClippingDetail } from '../../src/engine/types.js';
import { articleCount, t } from '../../src/extension/i18n.js';
import type { EngineApi } from '../common/engine.js';
import { errorText, formatDate, sourceLabel } from '../common/format.js';
import { Notice, type NoticeKind } from '../common/notice.js';
import { highlightRuns } from './highlight.js';

/** Highlight colours cycle through this many classes (`.hl-0` … in sidepanel.css). */
const COLOURS = 6;

export interface ClippingViewProps {
  engine: EngineApi;
  id: string;
  /** The article to scroll to. */
  focus: string | null;
  version: number;
  onBack: () => void;
  onOpenArticle: (id: string) => void;
  onChanged: () => void;
  notify: (kind: NoticeKind, text: string) => void;
}

/** The text as it was clipped, each article's extent highlighted: how the page was split, at a glance. */
export function ClippingView({ engine, id, focus, version, onBack, onOpenArticle, onChanged, notify }: ClippingViewProps) {
  const [detail, setDetail] = useState<ClippingDetail | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLPreElement>(null);

  useEffect(() => {
    let live = true;
    engine.getClipping(id).then((d) => { if (live) setDetail(d); }, () => { if (live) setDetail(null); });
    return () => { live = false; };
  }, [engine, id, version]);

  const runs = useMemo(() => (detail ? highlightRuns(detail.clipping.text, detail.articles.map((a) => a.extent)) : []), [detail]);

  useLayoutEffect(() => {
    if (!focus || !textRef.current) return;
    textRef.current.querySelector(`mark[data-article-id="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focus, runs]);

  async function reparse() {
    setBusy(true);
    try {
      const r = await engine.reparse(id);
      onChanged();
      notify('success', r.orphanedCorrections ? t('reparsedOrphans', articleCount(r.articles), r.orphanedCorrections) : t('reparsed', articleCount(r.articles)));
    } catch (e) {
      notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (detail === undefined) return <p class="muted pad">{t('loading')}</p>;
  const toolbar = (
    <nav class="toolbar">
      <button type="button" onClick={onBack}>← {t('back')}</button>
      <span class="spacer" />
      {detail && <button type="button" class="action-reparse" disabled={busy} onClick={reparse}>{t('reparse')}</button>}
    </nav>
  );
  if (detail === null) return <section class="clipping">{toolbar}<p class="muted pad">{t('clippingGone')}</p></section>;

  const { clipping, articles } = detail;
  const text = clipping.text;
  const seen = new Set<number>();
  return (
    <section class="clipping">
      {toolbar}
      <header class="clipping-head">
        <h1>{sourceLabel(clipping.newspaper, clipping.source.title, clipping.source.via)}</h1>
        <p class="muted">
          {articleCount(articles.length)} · {formatDate(clipping.capturedAt)}
          {clipping.source.url && /^https?:/.test(clipping.source.url) && <> · <a href={clipping.source.url} target="_blank" rel="noopener noreferrer">{t('openSource')}</a></>}
        </p>
        {clipping.parseError && <Notice kind="error">{t('parseFailed', clipping.parseError)}</Notice>}
        <p class="muted">{t('clippingLegend')}</p>
      </header>
      <pre class="clipping-text" ref={textRef}>
        {runs.map((r) => {
          const piece = text.slice(r.start, r.end);
          if (r.article === null) return piece;
          const a = articles[r.article]!;
          const first = !seen.has(r.article);
          seen.add(r.article);
          return (
            // The article number is drawn by CSS from data-index, so copying the text copies only the text.
            <mark key={r.start} class={`hl hl-${r.article % COLOURS}${first ? ' hl-first' : ''}${r.block ? ' hl-block' : ''}`} data-index={first ? r.article + 1 : undefined}
              data-article-id={a.id} title={a.headline ?? ''} onClick={() => onOpenArticle(a.id)}>
              {piece}
            </mark>
          );
        })}
      </pre>
    </section>
  );
}
