import { describe, expect, it } from 'vitest';
import { joinRefusal, removalNotice } from './refusals';

describe('joinRefusal', () => {
  it('keeps the server sentence and adds a heading', () => {
    expect(joinRefusal({ code: 'ROOM_FULL', message: 'This room is full (10 of 10).' })).toEqual({
      title: 'This room is full',
      message: 'This room is full (10 of 10).',
      canRetry: true,
    });
  });

  it('does not offer a retry for a ban', () => {
    const refusal = joinRefusal({ code: 'BANNED', message: 'You were banned from this room until 14:05.' });
    expect(refusal.canRetry).toBe(false);
    expect(refusal.message).toBe('You were banned from this room until 14:05.');
  });

  it('falls back to its own sentence when the server gave none, and copes with unknown codes', () => {
    expect(joinRefusal({ code: 'ROOM_PRIVATE', message: '' }).message).toMatch(/private/);
    expect(joinRefusal({ code: 'SOMETHING_NEW', message: 'No.' })).toEqual({
      title: 'You cannot join this room',
      message: 'No.',
      canRetry: true,
    });
  });
});

describe('removalNotice', () => {
  const now = new Date(2026, 0, 1, 12, 0);

  it('shows the server sentence and that a kick without an end is for good', () => {
    expect(
      removalNotice(
        {
          bannedUntil: null,
          reason: null,
          message: 'Lead removed you from the room and banned you from it.',
        },
        now,
      ),
    ).toEqual({
      title: 'You were removed from this room',
      message: 'Lead removed you from the room and banned you from it.',
      next: 'You cannot come back to this room. Find another one in the lobby.',
      canRejoin: false,
    });
  });

  it("says until when, in the viewer's clock, for a timed ban", () => {
    const notice = removalNotice(
      {
        bannedUntil: new Date(2026, 0, 1, 13, 0).toISOString(),
        reason: 'Spoilers',
        message: 'Lead removed you. Reason: Spoilers',
      },
      now,
      'en-GB',
    );
    expect(notice).toEqual({
      title: 'You were removed from this room',
      message: 'Lead removed you. Reason: Spoilers',
      next: 'You can come back after 13:00.',
      canRejoin: false,
    });
  });

  it('writes its own sentence when the server sent none', () => {
    const notice = removalNotice(
      { bannedUntil: new Date(2026, 0, 1, 13, 0).toISOString(), reason: 'Spoilers', message: ' ' },
      now,
      'en-GB',
    );
    expect(notice.message).toBe('You were removed from this room and banned until 13:00. Reason: Spoilers');
  });

  it('lets the person back once the ban ended', () => {
    const notice = removalNotice(
      { bannedUntil: new Date(2026, 0, 1, 11, 0).toISOString(), reason: null, message: 'Removed.' },
      now,
    );
    expect(notice.canRejoin).toBe(true);
  });
});
