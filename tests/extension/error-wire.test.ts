import { expose, wrap } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/store/validate.js';
import { carryErrorCodes, fromWire, toWire, type CodedError } from '../../src/extension/error-wire.js';

describe('errors between the engine worker and the pages', () => {
  it('keep their code and params through comlink, so the UI can say them in the user\'s language', async () => {
    carryErrorCodes();
    const { port1, port2 } = new MessageChannel();
    expose({ merge: () => { throw new EngineError('bad-split', 'an article of 3 paragraphs can be split before paragraph 2 to 3, not 7', [3, 7]); } }, port1 as never);
    const remote = wrap<{ merge(): void }>(port2 as never);
    const error = await Promise.resolve(remote.merge()).then(() => null, (e: CodedError) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'bad-split', params: [3, 7], message: expect.stringContaining('not 7') });
    port1.close();
    port2.close();
  });

  it('keep them through the extension messages (as plain data), and plain errors stay plain', () => {
    const coded = fromWire(structuredClone(toWire(new EngineError('binary', 'a NUL character at position 4', [4]))));
    expect(coded).toMatchObject({ message: 'a NUL character at position 4', code: 'binary', params: [4] });
    const plain = fromWire(structuredClone(toWire(new TypeError('x is undefined'))));
    expect(plain.message).toBe('x is undefined');
    expect(plain.code).toBeUndefined();
    expect(fromWire(toWire('just a string')).message).toBe('just a string');
  });
});
