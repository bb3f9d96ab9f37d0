import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { REDACTION_TOKENS } from '../../src/privacy/personal-data-kinds.js';
import { DEFAULT_REDACTION_POLICY } from '../../src/privacy/redaction-policy.js';
import { digitPartLeft, labelledLines } from './labelled-details.js';

const lines = labelledLines('fixtures/privacy/public-service-ids/labelled.txt');
const LABEL = /\[\[case-number:(.*?)\]\]/gu;
const TOKEN = /\[[a-zA-Z ]+\]/gu;

function score(): { labels: number; hidden: number; ownKind: number; falseAlarms: number; wrong: string[] } {
  const figures = { labels: 0, hidden: 0, ownKind: 0, falseAlarms: 0, wrong: [] as string[] };
  for (const line of lines) {
    const details = [...line.matchAll(LABEL)].map((match) => match[1] ?? '');
    const output = redactPersonalData(line.replace(LABEL, '$1'), DEFAULT_REDACTION_POLICY).text;
    const hidden = details.filter((detail) => !digitPartLeft(detail, output)).length;
    const tokens = (output.match(TOKEN) ?? []).length;
    figures.labels += details.length;
    figures.hidden += hidden;
    figures.ownKind += Math.min(hidden, output.split(REDACTION_TOKENS['case-number']).length - 1);
    figures.falseAlarms += Math.max(0, tokens - details.length);
    if (hidden < details.length || tokens > details.length) figures.wrong.push(output);
  }
  return figures;
}

describe('numbers public services give a person (figures in README.md)', () => {
  test('labelled.txt: every such number is hidden whole as a case number, and the lines naming the services with no one’s number stay', () => {
    const figures = score();
    expect(lines.length).toBe(26);
    expect(figures).toEqual({ labels: 13, hidden: 13, ownKind: 13, falseAlarms: 0, wrong: [] });
  });
});
