/** Photo credits and caption markers, which never belong to an article body. */

const ZH_CREDIT = /(?:(?:^|[。！？）)”][ \t\u3000]*)(?:新华社|本报|中新社|人民日报|特约)?(?:首席|特约)?(?:记者|通讯员)?[ \t\u3000]*[\u4e00-\u9fff·]{2,4}(?:[ \t\u3000]*[、 ][ \t\u3000]*[\u4e00-\u9fff·]{2,4}){0,3}[ \t\u3000]*摄(?:影)?$)|新华社发(?:[ \t\u3000]*[\u4e00-\u9fff·]{2,4}[ \t\u3000]*摄)?$|^(?:图|图片|制图|摄影|供图)[ \t]*[/／：:][ \t]*[\u4e00-\u9fff·]{2,6}$|^本版图片.{0,20}提供$|(?:视觉中国|资料图片|受访者供图)$/;
const EN_CREDIT = /^[A-Z][A-Za-z.'’ -]{1,40}\/(?:The |the )?[A-Z][A-Za-z.&'’ -]{1,40}$|\((?:AP|Reuters|AFP|Getty Images|EPA)(?: Photo)?\/[^)]{2,40}\)$|^(?:AP|AFP|Reuters|Getty Images|EPA) Photo|^Photo(?:s|graph)? (?:by|courtesy of) |^(?:Courtesy of|Illustration by) /;

// Every credit pattern holds one of these; the full patterns are slow to fail on ordinary lines.
const MARK = /摄|[/／]|图|提供|社发|视觉中国|Photo|Courtesy|Illustration/;

/** Whether a line (trimmed) is a photo credit such as `新华社记者 鞠鹏 摄`, `图/张三` or `XIN SHAN/The Stanford Daily`. */
export function isCredit(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 80 || !MARK.test(t)) return false;
  return ZH_CREDIT.test(t) || EN_CREDIT.test(t);
}
