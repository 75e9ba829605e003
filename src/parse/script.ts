/**
 * Traditional Chinese pages use the same cue words in traditional characters (本報訊, 記者, 下轉第二版, 責任編輯).
 * The cue patterns are written once, in simplified characters, and run over a copy of the text in which just the
 * characters of those cue words are folded one to one. One to one keeps every offset valid, so spans still point
 * into the text the user gave, and the output text is taken from it unchanged.
 */
const PAIRS =
  '報报訊讯電电記记員员評评論论轉转續续據据華华聞闻國国責责編编輯辑對对設设計计術术攝摄圖图製制網网線线導导讀读' +
  '實实習习見见約约強强調调會会議议講讲話话時时與与來来隨随後后頁页週周發发稱称專专題题聯联體体';

const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) FOLD.set(PAIRS[i]!, PAIRS[i + 1]!);
const TRADITIONAL = new RegExp(`[${[...FOLD.keys()].join('')}]`, 'g');

/** The text with traditional cue characters folded to simplified, same length, same offsets. */
export function foldCueScript(text: string): string {
  TRADITIONAL.lastIndex = 0;
  return TRADITIONAL.test(text) ? text.replace(TRADITIONAL, (c) => FOLD.get(c)!) : text;
}
