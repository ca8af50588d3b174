import { describe, expect, it } from 'vitest';
import { AidUsageError, parseAidArgs } from './aid.ts';

const CYCLE = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('jaring aid arguments', () => {
  it('takes a chunk size and a pause between chunks', () => {
    expect(parseAidArgs(['cycle', 'compute', CYCLE, '--as', 'manajer', '--chunk', '500', '--pause', '200'])).toEqual({
      action: 'compute',
      cycleId: CYCLE,
      as: 'manajer',
      chunk: 500,
      pause: 200,
    });
  });

  it('refuses a pause that is not whole milliseconds from 0 to 600000', () => {
    for (const pause of ['-1', '1.5', 'abc', '600001']) {
      expect(() => parseAidArgs(['cycle', 'compute', CYCLE, '--as', 'manajer', `--pause=${pause}`])).toThrow(AidUsageError);
    }
  });
});
