import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArticleFilter, ArticleRow } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';
import { articleLabel } from '../common/article-label.js';
import type { EngineApi } from '../common/engine.js';
import { formatDate, sourceLabel } from '../common/format.js';
import { rowWindow } from './window-range.js';

/** Row height in CSS pixels; sidepanel.css gives `.row` the same height. */
export const ROW_HEIGHT = 56;
const PAGE_SIZE = 100;
const OVERSCAN = 8;

interface Props {
  engine: EngineApi;
  /** Changes whenever the archive does; cached rows and the count are fetched again then. */
  version: number;
  onOpen: (row: ArticleRow) => void;
  /** Reports the number of articles once the engine has counted them. */
  onCount: (total: number) => void;
  onError: (e: unknown) => void;
  hidden?: boolean;
  /** Only one collection's or tag's articles (issue 5). */
  filter?: ArticleFilter;
  /** Multi-select (issue 5): ids ticked, and what a tick does; without `onToggle` rows have no checkbox. */
  selected?: readonly string[];
  onToggle?: (id: string) => void;
}

/**
 * The archive, newest clipping first: a windowed list that draws only the rows in view and fetches them from the
 * engine a page at a time, so 100,000 articles scroll like 100. A row that starts a clipping carries its source
 * and date.
 */
export function ArchiveList({ engine, version, onOpen, onCount, onError, hidden, filter, selected, onToggle }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  const pages = useRef(new Map<number, ArticleRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const frame = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [, redraw] = useState(0);

  /** Fetches one page of rows unless it is there or on its way; rows of an archive that changed since are dropped. */
  function fetchPage(page: number): Promise<void> {
    if (pages.current.has(page) || loading.current.has(page)) return Promise.resolve();
    loading.current.add(page);
    const gen = generation.current;
    return engine.listArticles(page * PAGE_SIZE, PAGE_SIZE, filter).then((rows) => {
      if (gen !== generation.current) return;
      pages.current.set(page, rows);
      loading.current.delete(page);
      redraw((n) => n + 1);
    }, (e: unknown) => {
      loading.current.delete(page);
      onError(e);
    });
  }

  useLayoutEffect(() => {
    const el = scroller.current!;
    // While hidden the list measures 0 high and may report scrollTop 0: keep the last real position instead.
    const measure = () => { if (el.clientHeight) setViewport({ top: el.scrollTop, height: el.clientHeight }); };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Back from the reader returns to the same rows, whatever the browser did to the hidden list's scroll offset.
  useLayoutEffect(() => {
    const el = scroller.current!;
    if (!hidden && el.scrollTop !== viewport.top) el.scrollTop = viewport.top;
  }, [hidden]);

  // IndexedDB counts a big index slowly (seconds at 100,000 articles) and serves nothing else meanwhile, so the
  // newest rows are read first and counted after; until then the list is as long as its first page.
  useEffect(() => {
    let live = true;
    generation.current++;
    pages.current.clear();
    loading.current.clear();
    redraw((n) => n + 1);
    fetchPage(0).then(() => engine.countArticles(filter)).then((n) => {
      if (!live) return;
      setTotal(n);
      onCount(n);
    }, onError);
    return () => { live = false; };
  }, [version, filter]);

  const rowCount = total ?? pages.current.get(0)?.length ?? 0;
  const win = rowWindow({ scrollTop: viewport.top, height: viewport.height || 800, rowHeight: ROW_HEIGHT, total: rowCount, overscan: OVERSCAN, pageSize: PAGE_SIZE });

  useEffect(() => {
    if (total !== null) for (const page of win.pages) void fetchPage(page);
  });

  const rowAt = (i: number) => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
  // One layout read and one redraw per frame, however many scroll events the frame had.
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = scroller.current;
      if (el) setViewport({ top: el.scrollTop, height: el.clientHeight });
    });
  };

  const rows = [];
  for (let i = win.first; i < win.last; i++) {
    const row = rowAt(i);
    const above = i > 0 ? rowAt(i - 1) : undefined;
    rows.push(<Row key={row?.id ?? `pending-${i}`} index={i} row={row} startsClipping={!!row && (i === 0 || (!!above && above.clippingId !== row.clippingId))} onOpen={onOpen} selected={!!row && !!selected?.includes(row.id)} onToggle={onToggle} />);
  }

  return (
    <div class="archive" ref={scroller} onScroll={onScroll} hidden={hidden} role="list" aria-label={t('archiveHeading')}>
      <div class="archive-rows" style={{ height: `${rowCount * ROW_HEIGHT}px` }}>{rows}</div>
    </div>
  );
}

function Row({ index, row, startsClipping, onOpen, selected, onToggle }: {
  index: number; row: ArticleRow | undefined; startsClipping: boolean; onOpen: (r: ArticleRow) => void; selected: boolean; onToggle?: (id: string) => void;
}) {
  const style = { transform: `translateY(${index * ROW_HEIGHT}px)` };
  if (!row) return <div class="row row-pending" style={style} role="listitem" aria-busy="true" />;
  const meta = [row.kicker && row.headline ? row.kicker : null, row.dateline].filter(Boolean).join(' · ');
  return (
    <div class={startsClipping ? 'row row-first' : 'row'} style={style} role="listitem">
      {onToggle && <input type="checkbox" class="row-select" checked={selected} aria-label={t('selectArticle', articleLabel(row))} onChange={() => onToggle(row.id)} />}
      <button type="button" class="row-button" data-article-id={row.id} data-clipping-id={row.clippingId} onClick={() => onOpen(row)}>
        {startsClipping
          ? <span class="row-group">{sourceLabel(row.newspaper, row.sourceTitle)} · {formatDate(row.capturedAt)}</span>
          : meta && <span class="row-meta">{meta}</span>}
        <span class="row-headline">{articleLabel(row)}</span>
      </button>
    </div>
  );
}
