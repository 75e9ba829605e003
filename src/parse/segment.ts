import type { Article, ArticleSpans, Page, PageItem, ParseHints, Span, Warning } from '../model/page.js';
import { PAGE_SCHEMA_VERSION } from '../model/page.js';
import { attach, type Story } from './attach.js';
import { detectChannel, detectLanguage } from './channel.js';
import { assignRoles } from './layout.js';
import { paragraphs } from './paragraphs.js';
import { reassemble } from './reassemble.js';
import { pageLexicon, renderSpans, type Lexicon } from './render.js';
import { buildStream, type Block, type Piece } from './stream.js';
import { titleRoles } from './titles.js';
import { cutUnits, type Unit } from './units.js';
import { foldCueScript } from './script.js';
import type { Look } from './features.js';
import { applyLayout, layoutTitleRoles } from './layout-hints.js';
import type { LayoutRole } from '../model/page.js';

/** Bumped whenever the output for some input changes; stored articles record it so they can be re-derived. */
export const PARSER_VERSION = '1.1.0';

/**
 * Splits the text of one newspaper page into articles.
 *
 * Never throws; every non-space character of `text` ends up in exactly one field of one article or page item,
 * and each field records the spans it came from.
 *
 * @example
 * const page = parsePage(pastedText);
 * for (const a of page.articles) console.log(a.headline, a.dateline, a.paragraphs.length);
 */
export function parsePage(text: string, hints: ParseHints = {}): Page {
  const warnings: Warning[] = [];
  const page: Page = {
    schemaVersion: PAGE_SCHEMA_VERSION, parserVersion: PARSER_VERSION,
    language: hints.language ?? detectLanguage(text), channel: hints.channel ?? detectChannel(text),
    headlineOrder: 'before', articles: [], items: [], warnings,
  };
  if (!/\S/.test(text)) {
    warnings.push({ code: 'empty', message: 'the text is empty or only white space' });
    return page;
  }
  // Cues are read on a copy with traditional cue characters folded (same offsets); output comes from `text`.
  const cue = foldCueScript(text);
  const units = cutUnits(cue);
  const looks = assignRoles(cue, units, page.channel);
  // A layout reader (the PDF path) saw type sizes and positions: its line roles win over the text's look.
  const layout = hints.layout ? applyLayout(cue, units, hints.layout) : null;
  const stream = buildStream(units, looks, page.channel);
  relinkStrandedDatelines(units, stream);
  // The layout reader emits headline blocks before their bodies, in reading order: nothing to repair there.
  const attached = attach(cue, units, stream, page.channel === 'web' || layout ? 'before' : undefined);
  page.headlineOrder = attached.order;
  if (page.channel !== 'web' && !layout) attached.stories = reassemble(cue, units, looks, attached.stories);
  const lex = pageLexicon(text);
  const ctx: Ctx = { text, cue, units, looks, lex, channel: page.channel, layout };
  for (const story of attached.stories) {
    const a = buildArticle(ctx, story);
    if (a) page.articles.push(a);
    else page.items.push(leftover(ctx, storyUnits(story)));
  }
  const firstSeg = stream.findIndex((p) => 'seg' in p);
  const position = new Map(stream.flatMap((p, k) => ('block' in p ? [[p.block, k] as const] : [])));
  for (const b of attached.orphans) {
    const atTop = firstSeg < 0 || position.get(b)! < firstSeg;
    const kind: PageItem['kind'] = page.channel === 'web' ? 'furniture' : atTop && b.lines.length <= 2 ? 'banner' : 'leftover';
    page.items.push(item(ctx, kind, b.lines));
    if (kind === 'leftover') warnings.push({ code: 'orphan-headline', message: 'a headline block fits no article body', span: spanOf(units, b.lines) });
    if (kind === 'banner') for (const a of page.articles.slice(0, 1)) a.section = page.items[page.items.length - 1]!.text;
  }
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.role === 'furniture') page.items.push(item(ctx, 'furniture', [i]));
    else if (u.role === 'credit') page.items.push(item(ctx, 'caption', [i]));
  }
  page.items.sort((x, y) => x.spans[0]!.start - y.spans[0]!.start);
  return page;
}

interface Ctx {
  text: string;
  /** `text` with traditional cue characters folded; the cue strings found in it are mapped back to `text`. */
  cue: string;
  units: Unit[];
  looks: Look[];
  lex: Lexicon;
  channel: Page['channel'];
  /** Layout roles per unit, when the caller gave `hints.layout`; its lines are whole paragraphs. */
  layout: (LayoutRole | undefined)[] | null;
}

const spansOf = (units: Unit[], idx: number[]): Span[] => idx.map((i) => ({ start: units[i]!.s, end: units[i]!.e }));
const spanOf = (units: Unit[], idx: number[]): Span => ({ start: units[idx[0]!]!.s, end: units[idx[idx.length - 1]!]!.e });

function buildArticle(ctx: Ctx, story: Story): Article | null {
  const { text, units, looks, lex } = ctx;
  const { seg, block } = story;
  if (!seg.body.length && !block) return null;
  const display = block ? block.lines.filter((i) => units[i]!.role === 'display') : [];
  const bylines = block ? block.lines.filter((i) => units[i]!.role === 'byline') : [];
  const roles = ctx.layout ? layoutTitleRoles(ctx.layout, display) : titleRoles(text, units, looks, display);
  const paras = paragraphs(text, units, looks, seg.body, ctx.layout ? 'web' : ctx.channel);
  const field = (idx: number[], mode: 'body' | 'title' = 'body') => (idx.length ? renderSpans(text, spansOf(units, idx), lex, mode) : null);
  const headlineText = roles.headline.length > 1 && roles.headline.every((i) => looks[i]!.spaced)
    ? roles.headline.map((i) => field([i], 'title')).join(' ') // a 对仗 couplet: two lines, one headline
    : field(roles.headline, 'title');
  const original = (s: string, i: number) => {
    const at = ctx.cue.indexOf(s, units[i]!.s);
    return at >= 0 && at + s.length <= units[i]!.e ? text.slice(at, at + s.length) : s;
  };
  const authors = [
    ...seg.dateline.flatMap((i) => (units[i]!.dateline?.authors ?? []).map((a) => original(a, i))),
    ...bylines.flatMap((i) => (units[i]!.byline?.authors ?? []).map((a) => original(a, i))),
  ];
  const byline = bylines.length ? bylines.map((i) => units[i]!.byline!.text.split(' ').map((t) => original(t, i)).join(' ')).join(' ') : null;
  const jumpTo = seg.jumpTo === null ? [] : [seg.jumpTo];
  const jumpFrom = seg.jumpFrom === null ? [] : [seg.jumpFrom];
  const spans: ArticleSpans = {
    kicker: spansOf(units, roles.kicker), headline: spansOf(units, roles.headline), subtitle: spansOf(units, roles.subtitle),
    dateline: spansOf(units, seg.dateline), byline: spansOf(units, bylines),
    paragraphs: paras.map((p) => spansOf(units, p)),
    continuedTo: spansOf(units, jumpTo), continuedFrom: spansOf(units, jumpFrom), captions: [],
  };
  const subtitle = field(roles.subtitle, 'title');
  return {
    kicker: field(roles.kicker, 'title'),
    headline: headlineText,
    subtitle,
    // A space between two reporters' names is kept (于小博 李强); after a role word it is only layout (记者 张三).
    dateline: field(seg.dateline, 'title')?.replace(/(记者|記者|通讯员|通訊員|实习生|實習生)\s+/g, '$1') ?? null,
    byline,
    authors: [...new Set(authors)],
    paragraphs: paras.map((p) => field(p)!).filter((p) => p !== ''),
    continuedTo: seg.jumpTo === null ? null : units[seg.jumpTo]!.jump!.page,
    continuedFrom: seg.jumpFrom === null ? null : units[seg.jumpFrom]!.jump!.page,
    captions: [],
    section: null,
    type: /评论员|社论|编辑部/.test(byline ?? '') || (!seg.dateline.length && /^——论/.test(subtitle ?? '')) ? 'commentary' : 'news',
    spans,
  };
}

function storyUnits(story: Story): number[] {
  const s = story.seg;
  return [...(story.block?.lines ?? []), ...s.dateline, ...s.body, ...(s.jumpTo === null ? [] : [s.jumpTo]), ...(s.jumpFrom === null ? [] : [s.jumpFrom])].sort((a, b) => a - b);
}

function item(ctx: Ctx, kind: PageItem['kind'], idx: number[]): PageItem {
  return { kind, text: idx.map((i) => renderSpans(ctx.text, spansOf(ctx.units, [i]), ctx.lex, 'title')).join(' '), spans: spansOf(ctx.units, idx) };
}

function leftover(ctx: Ctx, idx: number[]): PageItem {
  return item(ctx, 'leftover', idx);
}

/**
 * pdftotext can strand the 电 of `新华社北京9月14日电` in another text block. When the page has exactly such a
 * pair, a dateline missing its 电 and a lone 电 opening a body, the dateline moves to that body.
 */
function relinkStrandedDatelines(units: Unit[], stream: Piece[]): void {
  const segs = stream.flatMap((p) => ('seg' in p ? [p.seg] : []));
  const tails = segs.filter((s) => s.dateline.length === 1 && units[s.dateline[0]!]!.kind === 'tail');
  const partial = segs.filter((s) => s.dateline.length === 1 && units[s.dateline[0]!]!.dateline?.complete === false);
  if (tails.length !== 1 || partial.length !== 1 || tails[0] === partial[0]) return;
  const [t, p] = [tails[0]!, partial[0]!];
  t.dateline.unshift(p.dateline.pop()!);
  p.soft = true;
}

