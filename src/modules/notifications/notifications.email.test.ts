import { describe, expect, it } from 'vitest';
import { composeEmail, recipientList } from './notifications.email.ts';

describe('recipientList', () => {
  it('keeps the first spelling of each address, contacts before admins, and drops blanks', () => {
    expect(recipientList(['SOC@x.example', ' ciso@x.example '], ['soc@x.example', '', 'admin@x.example'])).toEqual([
      'SOC@x.example',
      'ciso@x.example',
      'admin@x.example',
    ]);
  });
});

describe('composeEmail', () => {
  const to = ['soc@x.example'];
  const from = 'threatshare <noreply@localhost>';

  it('appends the link as a URL under PUBLIC_URL', () => {
    const mail = composeEmail(
      { title: 'Warned', body: 'Late reports.', link: '/programme' },
      { from, to, publicUrl: 'https://ts.example/base/' },
    );
    expect(mail).toEqual({ from, to, subject: 'Warned', text: 'Late reports.\n\nhttps://ts.example/base/programme' });
  });

  it('sends the body alone without a link, and keeps line breaks out of the subject', () => {
    const mail = composeEmail({ title: 'Two\r\nlines', body: 'Body', link: null }, { from, to, publicUrl: 'x' });
    expect(mail).toMatchObject({ subject: 'Two lines', text: 'Body' });
  });
});
