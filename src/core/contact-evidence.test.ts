import { describe, expect, it } from 'vitest';
import {
  contactOfHref,
  hasEmailAddress,
  isContactAnchor,
  isContactPath,
} from './contact-evidence.js';

describe('contact evidence', () => {
  it('recognises mailto: and tel: hrefs in any case, after leading whitespace', () => {
    expect(contactOfHref('mailto:a@b.c')).toBe('email');
    expect(contactOfHref('\n MailTo:a@b.c')).toBe('email');
    expect(contactOfHref('TEL:+1')).toBe('phone');
    expect(contactOfHref('/mailto:x')).toBeUndefined();
    expect(contactOfHref('telegram:x')).toBeUndefined();
    expect(contactOfHref('')).toBeUndefined();
  });

  it('finds contact pages by the last path segment', () => {
    expect(isContactPath('https://a.com/contact')).toBe(true);
    expect(isContactPath('https://a.com/en/About-Us/')).toBe(true);
    expect(isContactPath('https://a.com/impressum.html?x=1')).toBe(true);
    expect(isContactPath('https://a.com/contact/form')).toBe(false);
    expect(isContactPath('https://a.com/contactless-payments')).toBe(false);
    expect(isContactPath('https://a.com/')).toBe(false);
    expect(isContactAnchor('Contact Us')).toBe(true);
    expect(isContactAnchor('Контакты')).toBe(true);
    expect(isContactAnchor('contact our sales team today')).toBe(false);
  });

  it('finds an e-mail address in text, in linear time on hostile text', () => {
    expect(hasEmailAddress('mail first.last+x@mail.example.co.uk.')).toBe(true);
    expect(hasEmailAddress('@user and a@b and x@y.z1 and .a@b.com')).toBe(false);
    expect(hasEmailAddress(`${'a'.repeat(200_000)}@${'b'.repeat(200_000)}`)).toBe(false);
    expect(hasEmailAddress('@'.repeat(100_000))).toBe(false);
  });
});
