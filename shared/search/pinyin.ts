/**
 * Pinyin search keys for Chinese text, so a rep can type "zhangwei", "zhang wei" or "zw"
 * for 张伟 without switching input method.
 */
import { pinyin } from 'pinyin-pro';
import { foldText } from './normalize';

export interface PinyinKeys {
  /** Toneless pinyin without spaces, e.g. "zhangwei"; non-Chinese letters and digits kept. */
  full: string;
  /** First letter of each syllable, e.g. "zw"; non-Chinese letters and digits kept. */
  initials: string;
  /** `full` spelled with v for ü (吕 → "lv"), as Chinese IMEs type it; only when it differs. */
  fullV?: string;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const HAS_HAN = /\p{Script=Han}/u;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;

export function hasHan(text: string): boolean {
  return HAS_HAN.test(text);
}

/**
 * Pinyin keys of a text, or undefined when it has no Chinese characters.
 * `personName` reads the first character as a surname (单 → shan, 曾 → zeng).
 * Han runs are converted whole so pinyin-pro can use word context for polyphones
 * (重庆 → chongqing, 长沙 → changsha).
 */
export function pinyinKeys(text: string, personName = false): PinyinKeys | undefined {
  if (!hasHan(text)) return undefined;
  let full = '';
  let fullV = '';
  let initials = '';
  let last = 0;
  let first = true;
  const addOther = (other: string): void => {
    const kept = foldText(other).replace(NOT_ALNUM, '');
    full += kept;
    fullV += kept;
    initials += kept;
  };
  for (const m of text.matchAll(HAN_RUN)) {
    addOther(text.slice(last, m.index));
    const syllables = pinyin(m[0], {
      toneType: 'none',
      type: 'array',
      surname: personName && first ? 'head' : 'off',
    });
    for (const s of syllables) {
      const folded = foldText(s); // "lü" → "lu"
      full += folded;
      fullV += s.replace(/ü/g, 'v');
      initials += folded.charAt(0);
    }
    first = false;
    last = m.index + m[0].length;
  }
  addOther(text.slice(last));
  return fullV === full ? { full, initials } : { full, initials, fullV };
}
