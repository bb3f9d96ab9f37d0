/** natural's Porter stemmer module on its own: importing it loads none of natural's other stemmers. */
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: {
    /** The Porter stem of a word (lower-cased first). */
    stem(token: string): string;
  };
  export default PorterStemmer;
}
