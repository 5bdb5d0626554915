import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/core/peer/seeded-random.ts';
import { jsonWithoutField } from '../src/adapters/slack/json-without-field.ts';

/**
 * jsonWithoutField (the sender's chat.postMessage reply, less its echoed message): for any
 * JSON object, parsing its result equals parsing the text and deleting the field; for
 * anything it cannot walk, it gives the text unchanged.
 */
function expectSameAsDelete(text: string, field = 'message'): void {
  const expected = JSON.parse(text) as Record<string, unknown>;
  delete expected[field];
  expect(JSON.parse(jsonWithoutField(Buffer.from(text), field))).toEqual(expected);
}

describe('a JSON object without one top-level field', () => {
  it('drops the field first, in the middle, last, alone, or not at all', () => {
    const message = { text: 'a "quoted" {brace} [bracket] \\ back,slash: ünïcode ’ 🙂', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '}]"\\' } }, [], {}], n: -1.5e3, t: true, z: null };
    expectSameAsDelete(JSON.stringify({ message, ok: true, ts: '1.2' }));
    expectSameAsDelete(JSON.stringify({ ok: true, message, ts: '1.2' }));
    expectSameAsDelete(JSON.stringify({ ok: true, ts: '1.2', message }));
    expectSameAsDelete(JSON.stringify({ message }));
    expectSameAsDelete(JSON.stringify({ ok: true, ts: '1.2' }));
    expectSameAsDelete(JSON.stringify({}));
    expectSameAsDelete(JSON.stringify({ ok: false, message: 'a string', error: 'x' }));
    expectSameAsDelete(JSON.stringify({ ok: true, message: 12, ts: '1' }));
    expectSameAsDelete(JSON.stringify({ ok: true, message: null }));
    expectSameAsDelete(JSON.stringify({ ok: true, messages: [{ message: 1 }], ts: '1' }));
    expectSameAsDelete(JSON.stringify({ ok: true, 'mess\\"age': 1, message: [1, [2, { a: '"' }]] }));
  });

  it('keeps the field named inside other values, and handles spaces and new lines between tokens', () => {
    expectSameAsDelete('{ "ok" : true ,\n "note": "\\"message\\": 1" , "nested" : { "message" : 2 } ,\r\n\t"message" : { "a" : [ 1 , 2 ] } \n}');
    expectSameAsDelete(' {"message":{"a":"}"}  ,  "ts":"1"} ');
  });

  it('gives the text unchanged when it cannot walk it', () => {
    for (const text of ['[1,2]', '"message"', 'not json', '{"ok":true,"message":{"a":1}', '{"ok":tr', '{"message":"unterminated}', '{ok:true}', '']) {
      expect(jsonWithoutField(Buffer.from(text), 'message')).toBe(text);
    }
  });

  it('matches parse-and-delete on random objects', () => {
    const random = seededRandom(7);
    const pieces = ['a', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'ü', '🙂', 'message'];
    const text = (): string => Array.from({ length: Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const value = (depth: number): unknown => {
      const pick = Math.floor(random() * (depth > 2 ? 4 : 6));
      if (pick === 0) return text();
      if (pick === 1) return Math.round(random() * 1000) / 10;
      if (pick === 2) return random() < 0.5;
      if (pick === 3) return null;
      if (pick === 4) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [random() < 0.3 ? 'message' : text(), value(depth + 1)]));
    };
    for (let run = 0; run < 500; run += 1) {
      const object: Record<string, unknown> = {};
      for (let index = Math.floor(random() * 5); index > 0; index -= 1) object[random() < 0.4 ? 'message' : text()] = value(0);
      const spaced = random() < 0.5 ? JSON.stringify(object) : JSON.stringify(object, null, random() < 0.5 ? 2 : '\t');
      expectSameAsDelete(spaced);
    }
  });
});
