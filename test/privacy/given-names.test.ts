import { describe, expect, test } from '@jest/globals';
import { GIVEN_NAMES, givenNameForms } from '../../src/privacy/given-names.js';
import { LEXICON_AMBIGUOUS_NAMES, LEXICON_NAMES, LEXICON_OTHER_WORDS } from '../../src/privacy/lexicon-words.js';
import { ORGANISATION_NAMES } from '../../src/privacy/organisation-names.js';

const words = (lines: readonly string[]): Set<string> => new Set(lines.join(' ').split(' '));

/**
 * Welsh and English words that feedback about health and care in Wales and the rest of the UK
 * uses as words, in place names or as the names of things, and that compromise's lexicon lacks:
 * among them the Welsh given names left out of the lexicon because they are also such words
 * (`bryn` hill, `glyn` valley, `afon` river, `dewi` as in Ysbyty Dewi Sant).
 */
const WELSH_AND_ENGLISH_WORDS = [
  ...['bryn', 'glyn', 'afon', 'nant', 'llyn', 'cwm', 'mynydd', 'pen', 'pont', 'aber', 'llan', 'coed', 'maes', 'bro', 'cae'],
  ...['craig', 'castell', 'neuadd', 'hafod', 'hendre', 'ffynnon', 'gwaun', 'tref', 'dinas', 'heol', 'ffordd', 'stryd', 'capel'],
  ...['eglwys', 'ysbyty', 'meddyg', 'nyrs', 'teulu', 'mam', 'nain', 'taid', 'tad', 'plant', 'ward', 'canolfan', 'ysgol', 'cartref'],
  ...['diolch', 'croeso', 'iechyd', 'gofal', 'cymru', 'cymraeg', 'cymraes', 'cymro', 'iawn', 'da', 'nos', 'bore', 'hwyl'],
  ...['cariad', 'annwyl', 'hiraeth', 'cwtch', 'cawl', 'paned', 'twp', 'mawr', 'fawr', 'bach', 'fach', 'gwyn', 'wyn', 'du', 'coch'],
  ...['celyn', 'eira', 'haf', 'seren', 'alaw', 'awen', 'enfys', 'heulwen', 'non', 'dewi', 'sant', 'santes', 'mair', 'tŷ', 'ty'],
  ...['emlyn', 'berwyn', 'islwyn', 'dyfed', 'ceri', 'aeron', 'irfon', 'teifi', 'tawe', 'gwent', 'powys', 'clwyd', 'gwynedd'],
  ...['nesta', 'yaw', 'yaa', 'asma', 'skye', 'iona', 'morven', 'euros', 'mali', 'ceilidh', 'glen', 'loch', 'strath', 'kirk'],
  ...['sister', 'matron', 'carer', 'nurse', 'doctor', 'reception', 'pharmacy', 'hospice', 'rota', 'shift', 'nights', 'days'],
];

/**
 * English words, abbreviations, places and dynasties that compromise's lexicon lacks and that
 * given names of the UK's Chinese, Vietnamese, Bengali, Filipino, Caribbean and Eritrean
 * communities are spelled like: among them the names left out of the lexicon because of it
 * (`lan` as in Pen-y-lan, `thu` Thursday, `tai` as in tai chi, `hong` as in Hong Kong, `sultana`).
 */
const WORDS_SPELLED_LIKE_GIVEN_NAMES = [
  ...['sultana', 'cherry', 'winsome', 'girlie', 'aster', 'bong', 'rumen', 'lovely', 'kit', 'chi', 'yuk', 'ping', 'fang', 'lei'],
  ...['dung', 'lam', 'tam', 'hue', 'lien', 'lan', 'thu', 'tai', 'tri', 'viet', 'nam', 'dat', 'mai', 'hong', 'kong', 'ming', 'qing'],
  ...['tao', 'wah', 'wing', 'man', 'kin', 'long', 'hung', 'hang', 'son', 'tan', 'van', 'yen', 'loan', 'gang', 'jun', 'sang'],
  ...['lourdes', 'linton', 'lennox', 'barrington', 'gladstone', 'bethel', 'wellington', 'everton', 'verona', 'sofia', 'asmara'],
  ...['mogadishu', 'hargeisa', 'sylhet', 'mirpur', 'kowloon', 'hanoi', 'manila', 'vilnius', 'bucharest', 'kingston', 'eid'],
];

describe('the given names name detection knows beside compromise', () => {
  const names = Object.values(GIVEN_NAMES).flat();
  const forms = givenNameForms();

  test('are listed once each, in any letter case, capitalised, each one word of three letters or more', () => {
    const lower = names.map((name) => name.toLowerCase());
    expect(lower.filter((name, index) => lower.indexOf(name) !== index)).toEqual([]);
    expect(names.filter((name) => !/^\p{Lu}[\p{Ll}\p{M}]{2,}$/u.test(name))).toEqual([]);
  });

  test('are names compromise lacks as written (a form without accents that it knows, `siobhan` for `Siobhán`, keeps its own tags)', () => {
    const known = words(LEXICON_NAMES);
    expect(forms.filter((form) => known.has(form) && names.some((name) => name.toLowerCase() === form))).toEqual([]);
  });

  test('hold no word compromise knows as another word (a common word, a place, a currency) or as maybe a person, in any form', () => {
    const others = words(LEXICON_OTHER_WORDS);
    const ambiguous = words(LEXICON_AMBIGUOUS_NAMES);
    expect(forms.filter((form) => others.has(form) || ambiguous.has(form))).toEqual([]);
  });

  test('hold no Welsh or English word that feedback uses as a word or in a place name', () => {
    const common = new Set(WELSH_AND_ENGLISH_WORDS);
    expect(forms.filter((form) => common.has(form))).toEqual([]);
  });

  test('hold no English word, abbreviation, place or dynasty that given names of other communities are spelled like', () => {
    const common = new Set(WORDS_SPELLED_LIKE_GIVEN_NAMES);
    expect(forms.filter((form) => common.has(form))).toEqual([]);
  });

  test('hold no organisation tlap knows', () => {
    const organisations = new Set(
      Object.values(ORGANISATION_NAMES)
        .flat()
        .map((name) => name.toLowerCase()),
    );
    expect(forms.filter((form) => organisations.has(form))).toEqual([]);
  });
});
