import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../src/privacy/personal-data.js';

describe('a role and the noun it makes a compound with are no person (`The GP Surgery`, `my PA agency`)', () => {
  test.each([
    ['The GP Surgery is closed on Wednesdays.', 'The GP Surgery is closed on Wednesdays.'],
    ['Our GP Practice never answers the phone.', 'Our GP Practice never answers the phone.'],
    ['My GP surgery is great.', 'My GP surgery is great.'],
    ['our PA agency sent someone new every week', 'our PA agency sent someone new every week'],
    ['My Social Worker Visit was cancelled twice.', 'My Social Worker Visit was cancelled twice.'],
    ['My GP Receptionist was rude', 'My GP Receptionist was rude'],
    ['my OT Equipment arrived', 'my OT Equipment arrived'],
    ['My son Autism assessment took 2 years', 'My son Autism assessment took 2 years'],
    ['our Nurse Practitioner was kind', 'our Nurse Practitioner was kind'],
    ['The District Nurse Service visits daily', 'The District Nurse Service visits daily'],
  ])('%s stays', (text, published) => {
    expect(redactPersonalData(text).text).toBe(published);
  });

  test.each([
    ['my carer Will came late', 'my carer [name] came late'],
    ['Our nurse Jane Ward was kind.', 'Our nurse [name] was kind.'],
    ['my carer bogdan is brilliant', 'my carer [name] is brilliant'],
    ['my GP Dr Patel listened', 'my GP [name] listened'],
    ['Nurse Jenkins was lovely', '[name] was lovely'],
    ['my mum May is 90', 'my mum [name] is 90'],
  ])('%s still names a person', (text, published) => {
    expect(redactPersonalData(text).text).toBe(published);
  });

  test.each([
    ['I am Deaf and need BSL at every meeting', 'I am Deaf and need BSL at every meeting'],
    ["I'm Autistic and the forms are too long", "I'm Autistic and the forms are too long"],
    ['I am Disabled, not stupid', 'I am Disabled, not stupid'],
    ['Dear Sir or Madam,', 'Dear Sir or Madam,'],
    ['Dear Commissioner,', 'Dear Commissioner,'],
    ['Hello Everyone, here is my view', 'Hello Everyone, here is my view'],
  ])('%s names no one', (text, published) => {
    expect(redactPersonalData(text).text).toBe(published);
  });

  test('a person introduced or addressed is still a person', () => {
    expect(redactPersonalData("I'm Will and I care for my dad").text).toBe("I'm [name] and I care for my dad");
    expect(redactPersonalData('Dear Sarah,').text).toBe('Dear [name],');
    expect(redactPersonalData('Sir Keir Starmer said').text).toBe('[name] said');
  });

  test.each([
    ['I am Furious about the cuts', 'I am Furious about the cuts'],
    ['This is Outrageous', 'This is Outrageous'],
    ["I'm British and proud of the NHS", "I'm British and proud of the NHS"],
    ['I am Partially Sighted', 'I am Partially Sighted'],
    ['I’m Confused but everyone has been amazing', 'I’m Confused but everyone has been amazing'],
    ['Love, Mum', 'Love, Mum'],
    ['Hi All,', 'Hi All,'],
    ['Dear Councillors,', 'Dear Councillors,'],
  ])('%s: how someone is, or a family word signing off, is no name', (text, published) => {
    expect(redactPersonalData(text).text).toBe(published);
  });

  test.each([
    ["I'm Poppy", "I'm [name]"],
    ['I am May', 'I am [name]'],
    ['This is Sarah', 'This is [name]'],
    ["I'm Hope", "I'm [name]"],
  ])('%s: a person named with an English word that is no adjective is still a person', (text, published) => {
    expect(redactPersonalData(text).text).toBe(published);
  });

  test.each([
    ['Thanks to In Control', 'Thanks to In Control'],
    ['Thanks to People First and Inclusion London', 'Thanks to People First and Inclusion London'],
    ['Thank you Skills for Care', 'Thank you Skills for Care'],
    ['Best wishes,\nCarers Leeds', 'Best wishes,\nCarers Leeds'],
    ['Thanks to Priya from People First', 'Thanks to [name] from People First'],
  ])('%s: the personalisation movement’s organisations are no people, their staff are', (text, published) => {
    expect(redactPersonalData(text).text).toBe(published);
  });

  test.each([
    ['Auntie Bisi brings food every Sunday', '[name] brings food every Sunday'],
    ['the carer, called Dumisani, was late', 'the carer, called [name], was late'],
  ])('%s: a family word used as a title, and a name after a role and a comma, go', (text, published) => {
    expect(redactPersonalData(text).text).toBe(published);
  });

  test('a family word ending its sentence is no title of the next one', () => {
    expect(redactPersonalData('Scottish. Retired. Grandpa. Lapsed physicist.').text).toBe('Scottish. Retired. Grandpa. Lapsed physicist.');
  });
});
