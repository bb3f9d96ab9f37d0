// Word lists for the synthetic corpus: social-care vocabulary (much of it in themes.yaml, some
// not), everyday filler, names and places. Changing a list changes every corpus, so bump
// CORPUS_VERSION in make-corpus.js when you do.

/** Social-care words and phrases, as people write them (some are codebook keywords). */
export const CARE_PHRASES = [
  'personal budget', 'personal budgets', 'direct payment', 'direct payments', 'managed account',
  'support plan', 'care package', 'home care', 'day centre', 'community centre', 'respite',
  'short break', 'unpaid carer', 'unpaid carers', 'family carer', 'young carers', "carer's allowance",
  'social worker', 'care worker', 'support worker', 'personal assistant', 'PAs', 'staff turnover',
  'zero hours', 'minimum wage', '15-minute visits', 'training', 'recruitment', 'the council',
  'the local authority', 'commissioners', 'the NHS', 'GP', 'hospital discharge', 'housing',
  'supported living', 'residential care', 'care home', 'continuity', 'joined-up', 'integrated care',
  'health and social care', 'choice and control', 'more control', 'person-centred', 'personalisation',
  'what matters to me', 'my life', 'independence', 'wellbeing', 'quality of life', 'loneliness',
  'isolation', 'mental health', 'learning disability', 'autism', 'dementia', 'safeguarding',
  'positive risk', 'cotton wool', 'duty of care', 'co-production', 'coproduction', 'lived experience',
  'experts by experience', 'equal partners', 'consultation', 'engagement', 'listen to us',
  'information', 'advice', 'easy read', 'plain English', 'jargon', 'helpline', 'website', 'leaflet',
  'signposting', 'peer support', 'volunteers', 'neighbours', 'local groups', 'library', 'friendship',
  'circle of support', 'user-led', 'funding', 'cuts', 'austerity', 'budget', 'money', 'charges',
  'means test', 'eligibility criteria', 'cost of living', 'paperwork', 'bureaucracy', 'red tape',
  'audit', 'assessment', 'review', 'waiting list', 'Making it Real', 'Care Act', 'advocacy',
  'transport', 'equipment', 'adaptations', 'occupational therapist', 'reablement', 'telecare',
];

/** Everyday words that carry no theme. */
export const FILLER_WORDS = [
  'the', 'the', 'the', 'a', 'a', 'and', 'and', 'to', 'to', 'of', 'of', 'in', 'is', 'it', 'that',
  'for', 'we', 'I', 'I', 'my', 'our', 'they', 'you', 'was', 'were', 'have', 'has', 'had', 'be',
  'been', 'not', 'no', 'but', 'so', 'if', 'when', 'what', 'who', 'how', 'really', 'just', 'very',
  'still', 'always', 'never', 'often', 'sometimes', 'again', 'because', 'about', 'with', 'without',
  'from', 'at', 'on', 'by', 'there', 'their', 'this', 'those', 'more', 'less', 'much', 'many',
  'people', 'person', 'family', 'mum', 'dad', 'son', 'daughter', 'husband', 'wife', 'friend',
  'time', 'year', 'years', 'week', 'weeks', 'month', 'day', 'morning', 'evening', 'home', 'house',
  'life', 'work', 'job', 'help', 'helped', 'need', 'needs', 'needed', 'want', 'wanted', 'feel',
  'felt', 'think', 'thought', 'know', 'knew', 'say', 'said', 'told', 'asked', 'get', 'got', 'go',
  'went', 'make', 'made', 'take', 'took', 'come', 'came', 'see', 'saw', 'find', 'found', 'call',
  'called', 'phone', 'letter', 'email', 'meeting', 'form', 'forms', 'system', 'service', 'services',
  'support', 'care', 'good', 'bad', 'better', 'worse', 'hard', 'easy', 'difficult', 'simple', 'fair',
  'unfair', 'clear', 'confusing', 'slow', 'quick', 'late', 'early', 'local', 'national', 'small',
  'big', 'right', 'wrong', 'new', 'old', 'same', 'different', "don't", "can't", "won't", "didn't",
  "isn't", "it's", "I'm", "we've", "they're", 'honestly', 'frankly', 'basically', 'actually',
  'anyway', 'though', 'however', 'perhaps', 'maybe', 'probably', 'certainly', 'thanks', 'please',
];

/** Openings of a sentence. */
export const OPENINGS = [
  'I think', 'In my experience', 'For us', 'Honestly,', 'As a carer,', 'As someone who uses services,',
  'Our family found that', 'The main thing is', 'Please', 'It would help if', 'We were told',
  'My mum', 'My son', 'The agreement should say', 'What works is', 'What does not work is',
  'Since the pandemic', 'Last year', 'Every week', 'Nobody explained', 'I would like',
];

/** Given names. */
export const GIVEN_NAMES = [
  'Alice', 'Amir', 'Anna', 'Ben', 'Bethan', 'Chloe', 'Chidi', 'Dave', 'Deepa', 'Eilidh', 'Emma',
  'Fatima', 'Gareth', 'Grace', 'Hassan', 'Helen', 'Ian', 'Iqbal', 'Jack', 'Jane', 'Jo', 'Kamal',
  'Kate', 'Liam', 'Lucy', 'Mark', 'Mary', 'Mohammed', 'Niamh', 'Oliver', 'Olu', 'Pat', 'Priya',
  'Rachel', 'Rhys', 'Sam', 'Sarah', 'Siobhan', 'Tom', 'Tunde', 'Wei', 'Yasmin', 'Zoë', 'Renée',
];

/** Family names. */
export const FAMILY_NAMES = [
  'Adeyemi', 'Ahmed', 'Baker', 'Brown', 'Campbell', 'Chen', 'Clarke', 'Davies', 'Evans', 'Green',
  'Hughes', 'Jones', 'Kaur', 'Khan', "O'Brien", 'Okafor', 'Patel', 'Roberts', 'Robinson', 'Singh',
  'Smith', 'Taylor', 'Thomas', 'Walker', 'White', 'Williams', 'Wilson', 'Wright', 'Nowak', 'Müller',
];

/** Places. */
export const PLACES = [
  'Leeds', 'Bradford', 'Manchester', 'Salford', 'Birmingham', 'Coventry', 'Bristol', 'Plymouth',
  'Norfolk', 'Suffolk', 'Cornwall', 'Cumbria', 'Durham', 'Newcastle', 'Sunderland', 'Hackney',
  'Lambeth', 'Croydon', 'Kent', 'Essex', 'Devon', 'Lancashire', 'Nottingham', 'Derby', 'Leicester',
];

/** Who a survey respondent is (a choice column, kept as context). */
export const RESPONDENT_TYPES = [
  'Person who uses services', 'Family carer', 'Provider organisation', 'Council officer',
  'Voluntary sector', 'NHS staff', 'Other',
];

/** Syllables for the long tail of rare words (names, typos, local terms) a real corpus has. */
export const SYLLABLES = [
  'ba', 'ber', 'cal', 'dun', 'el', 'fen', 'gor', 'ham', 'ish', 'jet', 'kin', 'lor', 'mar', 'nel',
  'ock', 'pen', 'quin', 'ros', 'sel', 'tor', 'ul', 'ven', 'wick', 'yar', 'zed', 'an', 'by', 'ton',
];
