import { describe, expect, it } from 'vitest';
import { quoteSettingParts } from './quote-setting.js';

const fmt = (iso: string) => `<${iso}>`;

describe('quoteSettingParts', () => {
  it('lists addressees, the audience, the setting and the date in reading order', () => {
    const parts = quoteSettingParts(
      {
        addressees: [{ id: 'person:a', type: 'Person', name: 'Ada Lind' }],
        audience: ['reporters'],
        settings: [{ id: 'place:b', type: 'Place', name: 'Bergen' }],
        date: '2026-03-10',
      },
      fmt,
    );
    expect(parts).toEqual([
      { text: 'Said to ' },
      { link: { id: 'person:a', type: 'Person', name: 'Ada Lind' } },
      { text: ' and ' },
      { text: 'reporters' },
      { text: ' · at ' },
      { link: { id: 'place:b', type: 'Place', name: 'Bergen' } },
      { text: ' · on <2026-03-10>' },
    ]);
  });

  it('opens with "Said at" or "Said on" when there is no addressee, and is empty when nothing is known', () => {
    expect(quoteSettingParts({ settings: [{ id: 'event:x', name: 'talks' }] }, fmt)[0]).toEqual({
      text: 'Said at ',
    });
    expect(quoteSettingParts({ date: '2026-03-10' }, fmt)).toEqual([{ text: 'Said on <2026-03-10>' }]);
    expect(quoteSettingParts({ addressees: [], settings: [], audience: [], date: null }, fmt)).toEqual([]);
    expect(quoteSettingParts({ addressees: 'garbage' }, fmt)).toEqual([]);
  });
});
