/**
 * Towns, cities and counties that compromise's lexicon files as a person's name
 * (`bradford`, `chester`, `preston`, `dudley`: given names; `lincoln`: a surname; `houston`, `kent`:
 * a person), so that a tagger takes `Bradford needs more buses` or `Houston "courtesy police"` for a
 * person. Only places whose reading as a person is a surname or a given name seldom met in the
 * UK: a place that is also a common given name (`Beverley`, `Shirley`, `Stanley`, `Chelsea`,
 * `Charlotte`, `Austin`, `Sydney`, `Nelson`, `Leigh`) is left out, since publishing a person so
 * named is worse than redacting a town. Name detection reads one of these as the place when no
 * given name, title, role or greeting says a person is meant (`Mr Preston`, `John Preston`, `my son
 * Preston`, `Hi Preston` are still people), nor a verb of saying or thinking after it (`Preston
 * said no`, but not `People in Preston said…`).
 */
export const PLACES_NAMED_LIKE_PEOPLE: readonly string[] = [
  'Alton',
  'Bradford',
  'Brent',
  'Burton',
  'Chester',
  'Clifton',
  'Devon',
  'Dudley',
  'Hamilton',
  'Hayes',
  'Houston',
  'Kent',
  'Lincoln',
  'Preston',
  'Walton',
  'Weston',
];

/**
 * Towns that are given names too but that compromise files as places only or knows not at all
 * (`Carlisle`, `Kendal`, `Kingston`), so that nothing reads them as a person. Name detection reads
 * one of these, as it reads those of {@link PLACES_NAMED_LIKE_PEOPLE}, as a person only where the
 * sentence says so: before a verb of saying or thinking (`Carlisle asked about the forms`), not
 * after `in`, `to` or `the` (`People in Carlisle said…`).
 */
export const TOWNS_THAT_ARE_GIVEN_NAMES: readonly string[] = ['Carlisle', 'Kendal', 'Kingston', 'Denver', 'Sheldon', 'Crosby', 'Tyrone'];
