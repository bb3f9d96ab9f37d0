import { describe, expect, test } from '@jest/globals';
import { findPersonNames } from '../../src/privacy/person-names.js';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { readLabelledSentences, scoreNameDetection } from './name-detection-figures.js';

const FIXTURES = 'fixtures/privacy/names';
const tuned = [...readLabelledSentences(`${FIXTURES}/with-names.txt`), ...readLabelledSentences(`${FIXTURES}/without-names.txt`)];
const heldOut = readLabelledSentences(`${FIXTURES}/held-out.txt`);
const heldOutCase = readLabelledSentences(`${FIXTURES}/held-out-case.txt`);
const heldOutOpeners = readLabelledSentences(`${FIXTURES}/held-out-openers.txt`);
const heldOutSurnamesLists = readLabelledSentences(`${FIXTURES}/held-out-surnames-lists.txt`);
const heldOutGiversOrgs = readLabelledSentences(`${FIXTURES}/held-out-givers-orgs.txt`);
const heldOutListsOrgs = readLabelledSentences(`${FIXTURES}/held-out-lists-orgs.txt`);
const heldOutListsWelsh = readLabelledSentences(`${FIXTURES}/held-out-lists-welsh.txt`);
const heldOutGivenNames = readLabelledSentences(`${FIXTURES}/held-out-given-names.txt`);
const heldOutCommunities = readLabelledSentences(`${FIXTURES}/held-out-communities.txt`);
const heldOutVirtues = readLabelledSentences(`${FIXTURES}/held-out-virtues.txt`);
const heldOutCuesSignoffs = readLabelledSentences(`${FIXTURES}/held-out-cues-signoffs.txt`);
const heldOutChatSignoffs = readLabelledSentences(`${FIXTURES}/held-out-chat-signoffs.txt`);
const possessives = readLabelledSentences(`${FIXTURES}/possessives.txt`);
const townsBrandsSpeakers = readLabelledSentences(`${FIXTURES}/towns-brands-speakers.txt`);

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** A labelled set's figures as the README prints them: how many names and sentences, precision and recall in percent, and what was missed or wrongly taken. */
function scored(sentences: Parameters<typeof scoreNameDetection>[0]) {
  const figures = scoreNameDetection(sentences);
  return {
    names: figures.names,
    sentences: sentences.length,
    precision: percent(figures.precision),
    recall: percent(figures.recall),
    missed: figures.missed,
    falseAlarms: figures.falseAlarms,
  };
}

describe('name detection, measured on labelled feedback (figures in README.md)', () => {
  test('the sentences it was developed on: precision and recall at least 95% (recall 96.9%, 96.2% before hyphenated given names opened a sentence)', () => {
    const figures = scoreNameDetection(tuned);
    expect([figures.names, tuned.length]).toEqual([131, 248]);
    expect({
      precision: percent(figures.precision),
      recall: percent(figures.recall),
      missed: figures.missed,
      falseAlarms: figures.falseAlarms,
    }).toEqual({
      precision: '100.0%',
      recall: '96.9%',
      missed: expect.any(Array),
      falseAlarms: [],
    });
    expect(figures.precision).toBeGreaterThanOrEqual(0.95);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
  });

  test('held-out sentences written afterwards: precision 100.0% (90.9% before Leonard Cheshire was known as an organisation, 95.2% before `Thanks so much,` was read as a sign-off, 95.5% before `The Lottery grant` was read as a word qualifying a noun), recall 100.0% (95.2% before)', () => {
    const figures = scoreNameDetection(heldOut);
    expect([figures.names, heldOut.length]).toEqual([21, 40]);
    expect([percent(figures.precision), percent(figures.recall)]).toEqual(['100.0%', '100.0%']);
  });

  test('held-out names after "her name is" and "called", sign-offs with a bracket, a kiss or a dash, names alone on a last line, common-word names asked for: precision 100.0%, recall 100.0% (100.0% / 30.0% before)', () => {
    expect(scored(heldOutCuesSignoffs)).toEqual({
      names: 20,
      sentences: 39,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out chat in lower case, cc and replies, sign-offs, initials, roles after names, hyphenated names and words that look like names, written before the code was read: precision 97.7% (91.2% before), recall 97.7% (68.2% before)', () => {
    expect(scored(heldOutChatSignoffs)).toEqual({
      names: 44,
      sentences: 71,
      precision: '97.7%',
      recall: '97.7%',
      missed: ['JS — JS said he would ring back on Friday and he never did.'],
      falseAlarms: ['Bovey Tracey — Newton Abbot and Bovey Tracey need a proper day centre.'],
    });
  });

  test('possessives inside a sentence, of people no lexicon lists and of shops, places, conditions, days and nouns, written after the rule: precision 100.0%, recall 100.0% (90.9% / 66.7% before)', () => {
    expect(scored(possessives)).toEqual({
      names: 15,
      sentences: 35,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('towns that are given names before a verb of saying, brands in the possessive and mixed-case transcript speakers, written after the rules: precision 100.0%, recall 100.0% (50.0% / 26.7% before; 93.8% / 100.0% first measured after)', () => {
    expect(scored(townsBrandsSpeakers)).toEqual({
      names: 15,
      sentences: 28,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out sentences in capitals or lower case, written before letter case was read: precision and recall 100%', () => {
    expect(scored(heldOutCase)).toEqual({ names: 10, sentences: 22, precision: '100.0%', recall: '100.0%', missed: [], falseAlarms: [] });
  });

  test('held-out openers and lists, written before plural openers and organisations in lists were looked at: precision 100.0% (70.0%, then 87.5% before), recall 100.0% (87.5% before names credited and listed before "for")', () => {
    expect(scored(heldOutOpeners)).toEqual({
      names: 16,
      sentences: 25,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out lists and surnames, written before organisations shaped as plurals and surnames alone were looked at: precision 100.0% (76.3%, then 88.2%, then 84.2% before organisations named like people were known), recall 100.0% (90.6%, then 93.8% before)', () => {
    expect(scored(heldOutSurnamesLists)).toEqual({
      names: 32,
      sentences: 41,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out credits and organisations named like given names, written before either was looked at: precision 100.0% (69.2%, then 81.5% before organisations named like people were known), recall 100.0% (78.3%, then 95.7% before a given name that is also a common word was read in a list)', () => {
    expect(scored(heldOutGiversOrgs)).toEqual({
      names: 23,
      sentences: 30,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out lists with given names that are common words and organisations shaped like given names, written before either was looked at: precision 100.0% (52.9% before), recall 100.0% (64.3%, then 83.9%, then 85.7% before lists with no name found first, names last before "at" or "on", plural roles and "Aled" were read: not a blind figure, its misses were the brief of that work)', () => {
    expect(scored(heldOutListsOrgs)).toEqual({
      names: 56,
      sentences: 46,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out lists with no name found first, names last before "at" or "on", plural roles before names and Welsh given names, written before any was looked at: precision 100.0% (94.1%, then 98.1%, then 98.3% before a virtue beside a quality was read as words), recall 100.0% (26.3%, then 93.0% before Welsh given names were known)', () => {
    expect(scored(heldOutListsWelsh)).toEqual({
      names: 57,
      sentences: 47,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out given names compromise lacks (Welsh, South Asian, African, Eastern European, Irish, Scottish Gaelic) beside places, health boards and words, written before the lexicon of them: precision 100.0% (100.0% before), recall 100.0% (4.5% before)', () => {
    expect(scored(heldOutGivenNames)).toEqual({
      names: 44,
      sentences: 55,
      precision: '100.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [],
    });
  });

  test('held-out given names of the UK communities the first lexicon left out (Somali, Arabic, Turkish and Kurdish, Bengali, Urdu and Pashto, Chinese, Vietnamese, Filipino, Portuguese, Lithuanian, Romanian and Bulgarian, Eritrean and Ethiopian, Caribbean) beside the same words as words and places, written before the lexicon grew: precision 97.0% (91.3% before), recall 100.0% (32.3% before)', () => {
    expect(scored(heldOutCommunities)).toEqual({
      names: 65,
      sentences: 70,
      precision: '97.0%',
      recall: '100.0%',
      missed: [],
      falseAlarms: [
        'Sofia — Bucharest, Sofia and Asmara were on the list of places the agency went to.',
        'Asmara — Bucharest, Sofia and Asmara were on the list of places the agency went to.',
      ],
    });
  });

  test('held-out virtues as words and as given names before "and", written before a virtue beside a quality was read: precision 100.0% (71.4% before), recall 38.5% (38.5% before: a virtue name alone before "and" and a person is still missed)', () => {
    expect(scored(heldOutVirtues)).toEqual({
      names: 13,
      sentences: 23,
      precision: '100.0%',
      recall: '38.5%',
      missed: [
        'Faith — Faith and I took turns sitting with Dad.',
        'Hope — Hope and the other carers came every morning.',
        'Patience — Patience and my sister did the night shifts.',
        'Joy — Joy and Mercy on reception were so helpful.',
        'Mercy — Joy and Mercy on reception were so helpful.',
        'Mercy — Mercy and the night nurse sat with her.',
        'Charity — Charity and two other carers cover the weekends.',
        'Faith — Faith and everyone at the hospice were wonderful.',
      ],
      falseAlarms: [],
    });
  });

  test('capitalised words that are not people stay: places, organisations, laws, holidays, days and months', () => {
    for (const text of [
      'I went to Sheffield for the Mental Capacity Act training at Easter.',
      'Scope, Healthwatch and the NHS met on Monday in March.',
      'The Care Act 2014 and Age UK in Bradford.',
    ]) {
      expect(findPersonNames(text)).toEqual([]);
    }
  });
});

describe('redacting names', () => {
  test.each([
    [
      'Tracey went to great trouble to rehabilitate my wife who has dementia',
      '[name] went to great trouble to rehabilitate my wife who has dementia',
    ],
    ['I work for Renée, who employs me with her direct payment', 'I work for [name], who employs me with her direct payment'],
    ["Hello, I'm Grace", "Hello, I'm [name]"],
    ["I'm Liam and I live alone", "I'm [name] and I live alone"],
    ['Our care coordinator Julie Barnes was great', 'Our care coordinator [name] was great'],
    ['Mr Okafor never rang', '[name] never rang'],
    ['Thank you for listening, Sam.', 'Thank you for listening, [name].'],
    ['Regards,\nLuc', 'Regards,\n[name]'],
    ['MY CARER SARAH JONES IS THE ONLY ONE WHO UNDERSTANDS MY BUDGET', 'MY CARER [name] IS THE ONLY ONE WHO UNDERSTANDS MY BUDGET'],
    ['ask for KAREN on ward 7', 'ask for [name] on ward 7'],
    ['my son tom needs respite too', 'my son [name] needs respite too'],
    ['my brother kevin does the paperwork.', 'my brother [name] does the paperwork.'],
    ['my sister-in-law meena has not had a day off', 'my sister-in-law [name] has not had a day off'],
    [
      'My daughter attends the day centre, my husband recently retired.',
      'My daughter attends the day centre, my husband recently retired.',
    ],
    ['THE NHS AND THE GP SURGERY NEVER TALK TO EACH OTHER', 'THE NHS AND THE GP SURGERY NEVER TALK TO EACH OTHER'],
    ['and IMPROVE DRIVERS ED CLASSES in High schools', 'and IMPROVE DRIVERS ED CLASSES in High schools'],
    ['I SAW MRS OKONJO ON THE WARD', 'I SAW [name] ON THE WARD'],
    ['THE MR SCAN WAS LATE AGAIN', 'THE MR SCAN WAS LATE AGAIN'],
    ['Fwd: carers respite - from Gareth Thompson (NHS no 5)', 'Fwd: carers respite - from [name] (NHS no 5)'],
    ['Thank you to Bernadette, Precious and Dr Ng for the help.', 'Thank you to [name], [name] and [name] for the help.'],
    ["my husband's carer, siobhan o'neill, is brilliant", "my husband's carer, [name], is brilliant"],
    ['speak to my sons key worker jamal at the hub', 'speak to my sons key worker [name] at the hub'],
    ['Respite is impossible.\n\ncheers,\ngaz', 'Respite is impossible.\n\ncheers,\n[name]'],
    [
      'massive thanks to sharon and kev from the hub, shout out to big dave',
      'massive thanks to [name] and [name] from the hub, shout out to big [name]',
    ],
    ['honestly nadia at the day centre is a legend', 'honestly [name] at the day centre is a legend'],
    [
      'please mark the form, will do. the grace period ends. omg at the hospital again',
      'please mark the form, will do. the grace period ends. omg at the hospital again',
    ],
    [
      'not really lang team business. dementia from the start. you are an angel',
      'not really lang team business. dementia from the start. you are an angel',
    ],
    ['cc Priya. bcc: Tom Hughes. FAO Janet. The engine is 1200cc', 'cc [name]. bcc: [name]. FAO [name]. The engine is 1200cc'],
    [
      'Totally agree Mo, well said Bev. I agree Labour, agreed Sunday.',
      'Totally agree [name], well said [name]. I agree Labour, agreed Sunday.',
    ],
    ['Dr A. Okafor and Mrs P. Kaur came.', '[name] and [name] came.'],
    ['Anne-Marie on reception was kind. Stoke-on-Trent on the news.', '[name] on reception was kind. Stoke-on-Trent on the news.'],
    [
      'Marek from St Helens Council came. Support from St Helens Council was poor.',
      '[name] from St Helens Council came. Support from St Helens Council was poor.',
    ],
    [
      'Thanks to the carers, Will and Faith, who come. Her carers Monday and Tuesday are off.',
      'Thanks to the carers, [name] and [name], who come. Her carers Monday and Tuesday are off.',
    ],
    [
      'Grace, Dignity and Respect are our values. Grace and Felicity came.',
      'Grace, Dignity and Respect are our values. [name] and [name] came.',
    ],
    ["My son dosen't mind seeing him", "My son dosen't mind seeing him"],
    ['between the roundabout and Campbell Ln', 'between the roundabout and Campbell Ln'],
    ['and ask for Precious at the carers centre', 'and ask for [name] at the carers centre'],
    ["My name is jane, i'm her carer. im sarah and this is dave.", "My name is [name], i'm her carer. im [name] and this is [name]."],
    ["i'm tired and im fed up, this is ridiculous, i am gutted", "i'm tired and im fed up, this is ridiculous, i am gutted"],
    ['Thanks\nM. Brown', 'Thanks\n[name]'],
    [
      'Respite for carers next: Raj, you had a point? Karen, what do you think?',
      'Respite for carers next: [name], you had a point? [name], what do you think?',
    ],
    ['Agenda: Salford, what next? Funding, how do we fix it?', 'Agenda: Salford, what next? Funding, how do we fix it?'],
    ['Professor Whitty said so, and Rev. Green agreed', '[name] said so, and [name] agreed'],
    ['same here Kath, my respite request has sat there. Yes Raj.', 'same here [name], my respite request has sat there. Yes [name].'],
    ['over there Salford, is better. Hello Mencap! Sorry Healthwatch.', 'over there Salford, is better. Hello Mencap! Sorry Healthwatch.'],
    ['mrs smith never rang back, dr. ahmed did', '[name] never rang back, [name] did'],
    ['my ms symptoms are worse; I miss the bus', 'my ms symptoms are worse; I miss the bus'],
    ['Signed: J. R. Smith', 'Signed: [name]'],
    ['Then I Smith, Plan A Smith', 'Then I [name], Plan A Smith'],
    ['Letters from the council arrive late. Leaflets helped nobody.', 'Letters from the council arrive late. Leaflets helped nobody.'],
    ['Mostly went well. Rhys from the hub rang.', 'Mostly went well. [name] from the hub rang.'],
    [
      'Thanks to Anne, Carefirst and Homeshare, and Bernadette, Okoro and Siobhan.',
      'Thanks to [name], Carefirst and Homeshare, and [name], [name] and [name].',
    ],
    ['ask for Healthwatch, or speak to Leeds City Council or Age UK', 'ask for Healthwatch, or speak to Leeds City Council or Age UK'],
    [
      'I spoke to Disability Rights UK, Community Catalysts, Crossroads and the Department of Health.',
      'I spoke to Disability Rights UK, Community Catalysts, Crossroads and the Department of Health.',
    ],
    [
      "We talked to Alzheimer's Society and Bluebird Care; ask for Dementia UK's leaflet.",
      "We talked to Alzheimer's Society and Bluebird Care; ask for Dementia UK's leaflet.",
    ],
    ['Thanks to Tom, Debenhams and Clarks for the help.', 'Thanks to [name], Debenhams and Clarks for the help.'],
    ['Thanks to Oxfam, Cruse and Jane for the support.', 'Thanks to Oxfam, Cruse and [name] for the support.'],
    [
      'Thanks to Oxfam for the parcels. Thanks to Tesco, Shelter and Crisis.',
      'Thanks to Oxfam for the parcels. Thanks to Tesco, Shelter and Crisis.',
    ],
    [
      'Help came from Dev in the end. Thanks go to Bethan. Shout out to Jonah and Precious for the lifts.',
      'Help came from [name] in the end. Thanks go to [name]. Shout out to [name] and [name] for the lifts.',
    ],
    [
      'Help came from Leeds City Council and Age UK. Thanks go to Healthwatch. Shout out to Mencap and the nurses.',
      'Help came from Leeds City Council and Age UK. Thanks go to Healthwatch. Shout out to Mencap and the nurses.',
    ],
    ["Thank you to Halfords, Sainsbury's and Joan.", "Thank you to Halfords, Sainsbury's and [name]."],
    ['Thanks to Ann, Charles and Carlos.', 'Thanks to [name], [name] and [name].'],
    ['Simons from the council rang. Dawkins at the surgery was kind.', '[name] from the council rang. [name] at the surgery was kind.'],
    [
      'I spoke to Wilkins at the surgery and spoke to Jeffreys from the trust.',
      'I spoke to [name] at the surgery and spoke to [name] from the trust.',
    ],
    [
      'Grants from the council were cut. Porters at the hospital were kind. I spoke to Admissions at the hospital.',
      'Grants from the council were cut. Porters at the hospital were kind. I spoke to Admissions at the hospital.',
    ],
    ['Thanks to Sue, Dawn and Raj', 'Thanks to [name], [name] and [name]'],
    ['Big thanks to Unison, Dawn and Malik.', 'Big thanks to Unison, [name] and [name].'],
    ['Ray, Bill and Tomasz kept him going.', '[name], [name] and [name] kept him going.'],
    [
      'Our values are Hope, Respect and Dignity. The units are Rose, Holly and Ivy.',
      'Our values are Hope, Respect and Dignity. The units are Rose, Holly and Ivy.',
    ],
    [
      'Thanks to Pauline, Cruse and Relate. Thank you to Wilko, Argos and Nicholas. Caremark and Unison helped.',
      'Thanks to [name], Cruse and Relate. Thank you to Wilko, Argos and [name]. Caremark and Unison helped.',
    ],
    [
      'Thank you to Cera, Kofi and Sevacare. Thanks to Jane, Oxfam and Dawn.',
      'Thank you to Cera, [name] and Sevacare. Thanks to [name], Oxfam and [name].',
    ],
    [
      'She works at John Lewis; Sue Ryder and Leonard Cheshire helped; Dad shops at Marks and Spencer.',
      'She works at John Lewis; Sue Ryder and Leonard Cheshire helped; Dad shops at Marks and Spencer.',
    ],
    ['Our carer Tom Mears and Dr Costa came.', 'Our carer [name] and [name] came.'],
    ['the intersection of Shive Lane and Jo Smith Blvd', 'the intersection of Shive Lane and [name] Blvd'],
    [
      'Holly, Femi and Joy were brilliant. Nights were covered by Joy, Ngozi and Pearl.',
      '[name], [name] and [name] were brilliant. Nights were covered by [name], [name] and [name].',
    ],
    [
      'Blessing, Chidi and Hope sorted the rota. Yesterday, Femi and Joy came.',
      '[name], [name] and [name] sorted the rota. Yesterday, [name] and [name] came.',
    ],
    [
      'The units are called Rose, Holly and Ivy now. Hope, Faith and Love are on the wall. We went to Rhyl, Prestatyn and Holywell.',
      'The units are called Rose, Holly and Ivy now. Hope, Faith and Love are on the wall. We went to Rhyl, Prestatyn and Holywell.',
    ],
    [
      'Thanks to Sue and Kwame at the day centre. Big thanks to Ade and Hope at the hub.',
      'Thanks to [name] and [name] at the day centre. Big thanks to [name] and [name] at the hub.',
    ],
    ['Thanks to Age Concern and Mind at the event.', 'Thanks to Age Concern and Mind at the event.'],
    [
      'Her carers Ruby and Precious come twice a day. Our district nurse Cerys rang.',
      'Her carers [name] and [name] come twice a day. Our district nurse [name] rang.',
    ],
    [
      'Her carers Monday to Friday are from the council. Our carers from Bluebird Care came.',
      'Her carers Monday to Friday are from the council. Our carers from Bluebird Care came.',
    ],
    [
      'Aled from the community team came. Ads from the council are useless.',
      '[name] from the community team came. Ads from the council are useless.',
    ],
    [
      'Diolch to Dafydd and Aled for the lifts. I rang Owain. I spoke to Eleri at the council.',
      'Diolch to [name] and [name] for the lifts. I rang [name]. I spoke to [name] at the council.',
    ],
    [
      'I rang Boots. I phoned Social Services. I spoke to Admissions at the hospital.',
      'I rang Boots. I phoned Social Services. I spoke to Admissions at the hospital.',
    ],
    ['Carys Evans from the council said no.', '[name] from the council said no.'],
    [
      'Betsi Cadwaladr said no. Aneurin Bevan and Hywel Dda were asked. Diolch yn fawr for listening.',
      'Betsi Cadwaladr said no. Aneurin Bevan and Hywel Dda were asked. Diolch yn fawr for listening.',
    ],
    ['Gethin, 12/05/1950, lives alone.', '[name], [date of birth], lives alone.'],
    [
      'Llandudno, 4 May 1944, was bombed. Pwllheli, 12 June 1941, was shelled. Aberfan, 21/10/1966, is still remembered.',
      'Llandudno, 4 May 1944, was bombed. Pwllheli, 12 June 1941, was shelled. Aberfan, 21/10/1966, is still remembered.',
    ],
    [
      'Oyelaran, 12/05/1950, was discharged. Ashworth, 3 May 1941, lives alone.',
      '[name], [date of birth], was discharged. [name], [date of birth], lives alone.',
    ],
    [
      'Llandudno, 4 May 2024, had the best turnout. Cardiff, 12/03/2024, was the last drop-in.',
      'Llandudno, 4 May 2024, had the best turnout. Cardiff, 12/03/2024, was the last drop-in.',
    ],
    [
      'Siân on reception was lovely. Iwan, Owain and Bethan on the ward were brilliant. We saw Dilys twice.',
      '[name] on reception was lovely. [name], [name] and [name] on the ward were brilliant. We saw [name] twice.',
    ],
    [
      'Gurpreet on reception helped. Temitope, Yetunde and Folake deserve a medal. Łukasz and Eilidh came.',
      '[name] on reception helped. [name], [name] and [name] deserve a medal. [name] and [name] came.',
    ],
    ['MY CARER GURPREET KAUR IS LOVELY. my daughter siân rang.', 'MY CARER [name] IS LOVELY. my daughter [name] rang.'],
    [
      'Bryn Celyn on the hill is the new home. The Afon Taf walk is lovely. Dad was moved to Ward Dewi. Hywel Dda and Aneurin Bevan said no.',
      'Bryn Celyn on the hill is the new home. The Afon Taf walk is lovely. Dad was moved to Ward Dewi. Hywel Dda and Aneurin Bevan said no.',
    ],
    [
      'We live in Ysbyty Ifan. The surgery at Capel Iwan closed. Mum was in Ailsa Hospital, then Alexandra Hospital.',
      'We live in Ysbyty Ifan. The surgery at Capel Iwan closed. Mum was in Ailsa Hospital, then Alexandra Hospital.',
    ],
    ['Sarah Church rang. Thanks, Jo Court. Our nurse Jane Ward was kind.', '[name] rang. Thanks, [name]. Our nurse [name] was kind.'],
    [
      'Abdirahman on reception helped. Hodan, Xamdi and Ubah came. We asked for Yousef. Özlem and Emre rang.',
      '[name] on reception helped. [name], [name] and [name] came. We asked for [name]. [name] and [name] rang.',
    ],
    [
      'Xiaoming on the ward helped. Siu Ling booked it. Thuy and Phuong came. Maricel on nights. José on the ward.',
      '[name] on the ward helped. [name] booked it. [name] and [name] came. [name] on nights. [name] on the ward.',
    ],
    [
      'Mindaugas, Mădălina and Desislava came. Tesfaye and Hiwot helped. Delroy on the ward. Fahmida and Zeeshan rang.',
      '[name], [name] and [name] came. [name] and [name] helped. [name] on the ward. [name] and [name] rang.',
    ],
    [
      'Long Covid clinic. Wing C has no lift. Hung up on twice. Man with a van. Hong Kong families. Tai Chi classes are full. Mon to Thu.',
      'Long Covid clinic. Wing C has no lift. Hung up on twice. Man with a van. Hong Kong families. Tai Chi classes are full. Mon to Thu.',
    ],
    [
      'Grace and patience go a long way. Grace and dignity matter. Grace and her team were lovely. Grace and Precious came.',
      'Grace and patience go a long way. Grace and dignity matter. [name] and her team were lovely. [name] and [name] came.',
    ],
    [
      'THE WAI GUIDELINES ARE IGNORED. WE SAW THE CEM TEAM. MR SIU CAME.',
      'THE WAI GUIDELINES ARE IGNORED. WE SAW THE CEM TEAM. [name] CAME.',
    ],
    [
      'Iqra Academy is next door. The Garfield Weston Foundation gave a grant. Mum was at Ailsa Clinic.',
      'Iqra Academy is next door. The Garfield Weston Foundation gave a grant. Mum was at Ailsa Clinic.',
    ],
    [
      'WE TOLD THINK LOCAL ACT PERSONAL, NHS ENGLAND AND THE CARE QUALITY COMMISSION',
      'WE TOLD THINK LOCAL ACT PERSONAL, NHS ENGLAND AND THE CARE QUALITY COMMISSION',
    ],
  ])('%j → %j', (text, redacted) => {
    expect(redactPersonalData(text, DEFAULT_REDACTION_POLICY).text).toBe(redacted);
  });

  test('keep_names keeps the public figures the analyst chose, in any letter case, whole or in part', () => {
    const policy = { ...DEFAULT_REDACTION_POLICY, keepNames: ['Sajid Javid'] };
    expect(redactPersonalData('Sajid Javid visited; later Javid spoke to Tracey.', policy).text).toBe(
      'Sajid Javid visited; later Javid spoke to [name].',
    );
  });

  test('keep_names keeps an organisation tlap does not know and cannot tell from a given name (a local charity) where the analyst lists it', () => {
    const text = 'Thanks to Pauline, Kinara and Relate. Thank you to Zarach, Argos and Nicholas.';
    expect(redactPersonalData(text, DEFAULT_REDACTION_POLICY).text).toBe(
      'Thanks to [name], [name] and Relate. Thank you to [name], Argos and [name].',
    );
    expect(redactPersonalData(text, { ...DEFAULT_REDACTION_POLICY, keepNames: ['Kinara', 'Zarach'] }).text).toBe(
      'Thanks to [name], Kinara and Relate. Thank you to Zarach, Argos and [name].',
    );
  });

  test('redaction is idempotent and counted', () => {
    const once = redactPersonalData('Our PA Kasia and Mr Singh helped.', DEFAULT_REDACTION_POLICY);
    expect(once).toEqual({ text: 'Our PA [name] and [name] helped.', counts: { name: 2 } });
    expect(redactPersonalData(once.text, DEFAULT_REDACTION_POLICY).text).toBe(once.text);
  });
});
