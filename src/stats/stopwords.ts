/**
 * English function words, and a few verbs that feedback uses whatever its topic (`need`, `like`,
 * `make`, `get`…): never offered alone as a distinctive term or a keyword, and a two-word
 * phrase made only of them (`of the`) is not offered either. Lower case, apostrophes dropped as
 * the normaliser drops them (`dont`).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can cant could couldnt did didnt do does doesnt doing dont down during each even ever few for from further get got had hadnt ' +
    'has hasnt have havent having he her here hers herself him himself his how i id if ill im in into is isnt it its itself ive ' +
    'just let lets me more most much my myself no nor not now of off on once only or other our ours ourselves out over own same ' +
    'she should shouldnt so some still such than that thats the their theirs them themselves then there theres these they theyre ' +
    'this those through to too under until up upon us very was wasnt we were werent weve what whats when where which while who ' +
    'whom why will with wont would wouldnt you youd youll your youre yours yourself yourselves ive us one two etc ' +
    'also really please need needs like make get go going know think want'
  ).split(' '),
);

/**
 * Function words that change what the content word after them means, so that the two make a
 * phrase (`not listened`, `dont listen`, `too long`, `more staff`, `need respite`): negations,
 * degree words and wants. Before a content word, any other function word (an article, pronoun,
 * auxiliary, conjunction or preposition: `the staff`, `for asking`) adds nothing to it.
 */
export const PHRASE_MODIFIERS: ReadonlySet<string> = new Set(
  (
    'no not nor never cant couldnt didnt doesnt dont hadnt hasnt havent isnt shouldnt wasnt werent wont wouldnt ' +
    'too more most very much few need needs want'
  ).split(' '),
);

/**
 * Particles that make a phrasal verb with the content word before them (`looked after`, `cut
 * off`, `follow up`, `sort out`, `cut off`, `taken over`, `fell through`), whose meaning the verb
 * alone does not carry. After a content word, any other function word (`nurses were`, `kind the`)
 * adds nothing to it.
 */
export const PHRASAL_PARTICLES: ReadonlySet<string> = new Set('after up out down off over through'.split(' '));
