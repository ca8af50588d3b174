import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionInScope, regionLikePatterns, scopeFor } from './scope.ts';

describe('scope', () => {
  const bandung = scopeFor('facilitator', [{ id: 'o1', regionCodes: ['32.04'] }]);

  it('covers the regions beneath an office’s regions and nothing else', () => {
    expect(regionInScope(bandung, '32.04')).toBe(true);
    expect(regionInScope(bandung, '32.04.11')).toBe(true);
    expect(regionInScope(bandung, '32.04.11.2002')).toBe(true);
    expect(regionInScope(bandung, '32.40.11.2002')).toBe(false);
    expect(regionInScope(bandung, '32.041')).toBe(false);
    expect(regionInScope(bandung, '32')).toBe(false);
    expect(regionInScope(bandung, '34.71.01.1001')).toBe(false);
  });

  it('gives the admin the whole organisation and everyone else only their offices', () => {
    expect(scopeFor('admin', [])).toEqual({ kind: 'all' });
    expect(scopeFor('auditor', [])).toEqual({ kind: 'regions', regionCodes: [], officeIds: [] });
    expect(regionInScope(scopeFor('auditor', []), '32.04')).toBe(false);
  });

  it('narrows an official to their area inside their offices: the lurah their kelurahan, the camat their kecamatan', () => {
    const yogya = [{ id: 'yk', regionCodes: ['34.71'] }];
    const lurah = scopeFor('official', yogya, ['34.71.01.1001']);
    expect(regionInScope(lurah, '34.71.01.1001')).toBe(true);
    expect(regionInScope(lurah, '34.71.01.1002')).toBe(false);
    const camat = scopeFor('official', yogya, ['34.71.01']);
    expect(regionInScope(camat, '34.71.01.1002')).toBe(true);
    expect(regionInScope(camat, '34.71.02.1001')).toBe(false);
    // An area outside the offices gives nothing.
    expect(scopeFor('official', yogya, ['32.04.11'])).toEqual({ kind: 'regions', regionCodes: [], officeIds: ['yk'] });
  });

  it('agrees with the SQL LIKE patterns it hands to queries', () => {
    const code = fc.stringMatching(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/);
    fc.assert(
      fc.property(fc.array(code, { maxLength: 4 }), code, (covered, candidate) => {
        const scope = scopeFor('manager', [{ id: 'o', regionCodes: covered }]);
        const patterns = regionLikePatterns(scope) ?? [];
        const likeMatches = patterns.some((p) => (p.endsWith('%') ? candidate.startsWith(p.slice(0, -1)) : candidate === p));
        expect(likeMatches).toBe(regionInScope(scope, candidate));
      }),
    );
  });
});
