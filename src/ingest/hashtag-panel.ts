/**
 * Hashtag panels: a host tweets numbered questions (`Q1 …`, `Q2 …`) under a hashtag and people
 * answer with the number (`A1 …`, `A1:`, `A1)`, `a1`, `Q1/A1 …`) or by replying to the question
 * tweet. Reading one export, this finds the host's questions (the organisation's prompts, not
 * feedback) and which tweets answer which question, so that each answer can carry the question's
 * text as `meta.question`.
 */

/** A tweet as the panel pass needs it. */
export interface PanelTweet {
  /** The tweet id. */
  id: string;
  author: string | null;
  date: string | null;
  inReplyTo: string | null;
  /** The tweet's text as stored. */
  text: string;
}

/** A numbered question or answer label at the start of a tweet. */
export interface PanelLabel {
  kind: 'question' | 'answer';
  number: number;
}

/** The question an answer was linked to. */
export interface PanelLink {
  /** The question tweet's id. */
  questionId: string;
  /** The question tweet's text. */
  question: string;
}

/** What the pass found in one export. */
export interface PanelResolution {
  /** The answers, by tweet id. */
  answers: Map<string, PanelLink>;
  /** The host's question tweets, by id, with their question numbers. */
  questions: Map<string, number>;
}

/** How far up a reply chain the pass looks for the question (chains are walked, never recursed). */
const MAX_CHAIN_STEPS = 50;

/**
 * Mentions and hashtags that may stand before the label (`@host A1: …`, `#chat Q2 …`), a mention
 * also as a Bluesky handle or a Mastodon address (`@host.bsky.social`, `@host@mastodon.social`).
 */
const LEADING_TAGS = /^(?:[@#][\p{L}\p{N}_]+(?:[.@-][\p{L}\p{N}_]+)*[\s,:]+)*/u;

/** `Q1`, `A1`, `a1`, `A1:`, `A1)`, `Q1/A1`, `Q1 A1`, `Q1-A1`; the number ends the word (`A1C` is no label). */
const LABEL = /^(?:Q(\d{1,2})\s*[/|-]?\s*)?([QA])(\d{1,2})(?![\p{L}\p{N}])/iu;

/** The label a tweet starts with, or null. `Q1/A1` is an answer to question 1. */
export function panelLabel(text: string): PanelLabel | null {
  const rest = text.replace(LEADING_TAGS, '');
  const match = LABEL.exec(rest);
  if (match === null) return null;
  const letter = (match[2] ?? '').toUpperCase();
  const number = Number(match[3]);
  if (match[1] !== undefined) return { kind: 'answer', number: Number(match[1]) };
  return { kind: letter === 'Q' ? 'question' : 'answer', number };
}

interface KeptTweet {
  id: string;
  author: string | null;
  date: string | null;
  inReplyTo: string | null;
  label: PanelLabel | null;
  /** Kept only for question-labelled tweets. */
  text: string | null;
}

/**
 * Collects an export's tweets (only those that can take part: labelled tweets and replies) and
 * links answers to questions:
 *
 * 1. The hosts are the authors who tweeted the most distinct question numbers; their `Qn` tweets
 *    are the questions (a participant's "Q1 was hard" is not one). A `Qn` tweet replying to
 *    someone else's tweet is a comment in the conversation, never a question; when several
 *    authors tie, only those who tweeted some question number before the others did are hosts
 *    (a participant's lone "Q1 was hard" after a one-question panel's Q1).
 * 2. A tweet labelled `An` answers question n: the question its reply chain reaches when that is
 *    question n, else the only question n, else the latest question n tweeted before it (a
 *    hashtag that ran several sessions); unlinked when none fits.
 * 3. An unlabelled tweet whose reply chain reaches a question answers it; one that continues its
 *    own author's labelled answer (a thread) answers the same question.
 */
export class PanelLinker {
  private readonly tweets = new Map<string, KeptTweet>();

  /** Adds one tweet of the export (in any order). */
  add(tweet: PanelTweet): void {
    const label = panelLabel(tweet.text);
    if (label === null && tweet.inReplyTo === null) return;
    this.tweets.set(tweet.id, {
      id: tweet.id,
      author: tweet.author,
      date: tweet.date,
      inReplyTo: tweet.inReplyTo,
      label,
      text: label?.kind === 'question' ? tweet.text : null,
    });
  }

  /** The host's questions and the answers found. */
  resolve(): PanelResolution {
    const questions = this.questions();
    const byNumber = new Map<number, QuestionsNumbered>();
    for (const question of questions.values()) {
      const number = question.label?.number ?? 0;
      let numbered = byNumber.get(number);
      if (numbered === undefined) {
        numbered = { all: [], dated: [] };
        byNumber.set(number, numbered);
      }
      numbered.all.push(question);
      if (question.date !== null) numbered.dated.push(question);
    }
    for (const numbered of byNumber.values()) numbered.dated.sort((first, second) => compareDates(first.date, second.date));
    const links = new Map<string, PanelLink>();
    const linkTo = (tweet: KeptTweet, question: KeptTweet | null): void => {
      if (question !== null) links.set(tweet.id, { questionId: question.id, question: question.text ?? '' });
    };
    for (const tweet of this.tweets.values()) {
      if (questions.has(tweet.id) || tweet.label?.kind !== 'answer') continue;
      const number = tweet.label.number;
      const inChain = this.questionUpChain(tweet, questions);
      linkTo(tweet, inChain !== null && inChain.label?.number === number ? inChain : pickQuestion(byNumber.get(number), tweet.date));
    }
    for (const tweet of this.tweets.values()) {
      if (questions.has(tweet.id) || tweet.label?.kind === 'answer') continue;
      let sameAuthor = true;
      let parentId = tweet.inReplyTo;
      for (let step = 0; step < MAX_CHAIN_STEPS && parentId !== null; step += 1) {
        const parent = this.tweets.get(parentId);
        if (questions.has(parentId)) {
          linkTo(tweet, questions.get(parentId) ?? null);
          break;
        }
        if (parent === undefined) break;
        sameAuthor &&= parent.author !== null && parent.author === tweet.author;
        if (parent.label?.kind === 'answer') {
          const link = links.get(parent.id);
          if (sameAuthor && link !== undefined) links.set(tweet.id, link);
          break;
        }
        parentId = parent.inReplyTo;
      }
    }
    return { answers: links, questions: new Map([...questions.values()].map((question) => [question.id, question.label?.number ?? 0])) };
  }

  private questions(): Map<string, KeptTweet> {
    const asked: KeptTweet[] = [];
    const numbersByAuthor = new Map<string, Set<number>>();
    for (const tweet of this.tweets.values()) {
      if (tweet.label?.kind !== 'question' || this.repliesToSomeoneElse(tweet)) continue;
      asked.push(tweet);
      const author = tweet.author ?? '';
      const numbers = numbersByAuthor.get(author) ?? new Set<number>();
      numbers.add(tweet.label.number);
      numbersByAuthor.set(author, numbers);
    }
    let most = 0;
    for (const numbers of numbersByAuthor.values()) most = Math.max(most, numbers.size);
    let hosts = new Set([...numbersByAuthor].filter(([, numbers]) => numbers.size === most).map(([author]) => author));
    if (hosts.size > 1) {
      const first = firstAskers(asked.filter((tweet) => hosts.has(tweet.author ?? '')));
      if (first.size > 0) hosts = first;
    }
    const questions = new Map<string, KeptTweet>();
    for (const tweet of asked) if (hosts.has(tweet.author ?? '')) questions.set(tweet.id, tweet);
    return questions;
  }

  /** True when the tweet replies to a tweet of this export written by someone else. */
  private repliesToSomeoneElse(tweet: KeptTweet): boolean {
    if (tweet.inReplyTo === null) return false;
    const parent = this.tweets.get(tweet.inReplyTo);
    return parent !== undefined && parent.author !== tweet.author;
  }

  private questionUpChain(tweet: KeptTweet, questions: ReadonlyMap<string, KeptTweet>): KeptTweet | null {
    let parentId = tweet.inReplyTo;
    for (let step = 0; step < MAX_CHAIN_STEPS && parentId !== null; step += 1) {
      const question = questions.get(parentId);
      if (question !== undefined) return question;
      parentId = this.tweets.get(parentId)?.inReplyTo ?? null;
    }
    return null;
  }
}

/**
 * The authors who tweeted some question number before anyone else did (by date; a number whose
 * earliest tweet has no date, or whose earliest tweets tie, counts for each of its askers).
 */
function firstAskers(asked: readonly KeptTweet[]): Set<string> {
  const byNumber = new Map<number, KeptTweet[]>();
  for (const tweet of asked) {
    const number = tweet.label?.number ?? 0;
    const tweets = byNumber.get(number);
    if (tweets === undefined) byNumber.set(number, [tweet]);
    else tweets.push(tweet);
  }
  const first = new Set<string>();
  for (const tweets of byNumber.values()) {
    const undated = tweets.some((tweet) => tweet.date === null);
    const earliest = tweets.reduce<string | null>(
      (least, tweet) => (tweet.date !== null && (least === null || tweet.date < least) ? tweet.date : least),
      null,
    );
    for (const tweet of tweets) if (undated || tweet.date === earliest) first.add(tweet.author ?? '');
  }
  return first;
}

/** The questions of one number: all of them, in the order they were added, and those with a date, by date (the earlier-added first among equal dates). */
interface QuestionsNumbered {
  all: KeptTweet[];
  dated: KeptTweet[];
}

function compareDates(first: string | null, second: string | null): number {
  const a = first ?? '';
  const b = second ?? '';
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The only question of the number, else the latest one dated at or before `date` (the first added
 * of those on that date); null when none fits. Found by halving, so that a file of many sessions'
 * questions and answers costs no more than sorting them.
 */
function pickQuestion(numbered: QuestionsNumbered | undefined, date: string | null): KeptTweet | null {
  if (numbered === undefined) return null;
  if (numbered.all.length === 1) return numbered.all[0] ?? null;
  if (date === null) return null;
  const { dated } = numbered;
  const after = firstDatedAfter(dated, (written) => written > date);
  const latest = dated[after - 1]?.date;
  if (latest === undefined || latest === null) return null;
  return dated[firstDatedAfter(dated, (written) => written >= latest)] ?? null;
}

/** The index of the first question whose date passes `test`, in questions sorted by date (their length when none does). */
function firstDatedAfter(dated: readonly KeptTweet[], test: (date: string) => boolean): number {
  let low = 0;
  let high = dated.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(dated[middle]?.date ?? '')) high = middle;
    else low = middle + 1;
  }
  return low;
}
