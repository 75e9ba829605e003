/** Role words that precede reporters' names in Chinese bylines: 记者, 本报记者, 新华社记者, 通讯员 … */
export const ZH_ROLE = /(?:(?:本报|本刊|新华社|中新社|人民日报|光明日报|经济日报|央视|中央人民广播电台)?(?:首席|特约|见习|实习|驻[\u4e00-\u9fff]{1,4})?(?:记者|通讯员|实习生|评论员|报道员|摄影记者))/g;

/**
 * Splits a Chinese reporter string into names, only at explicit delimiters and role words (run-together names
 * stay together: guessing where 李冬梅高瑶 splits would invent people).
 * @example splitZhNames('记者于小博') -> ['于小博']; splitZhNames('中央人民广播电台记者刘振英、新华社记者张宿堂') -> ['刘振英', '张宿堂']
 */
export function splitZhNames(s: string): string[] {
  const names: string[] = [];
  for (const part of s.split(/[、，,；;]/)) {
    const pieces = part.split(ZH_ROLE);
    // Text before the first role word is the outlet (中央人民广播电台), not a person.
    const tail = pieces.length > 1 ? pieces.slice(1) : pieces;
    for (const p of tail) for (const tok of p.trim().split(/[\s\u3000]+/)) {
      const t = tok.replace(/^[:：]/, '');
      if (/^[\u4e00-\u9fff·]{2,6}$/.test(t)) names.push(t);
    }
  }
  return names;
}
