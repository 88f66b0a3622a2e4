/** The identity context's emails: plain text, one link each, saying how long the link lasts. */
import type { Email } from '../notifications/mailer.ts';

const sign = '\n\n-- \nWholesail, the wholesale marketplace\n';

export const verificationEmail = (to: string, link: string): Email => ({
  to,
  subject: 'Confirm your email address for Wholesail',
  text: `Welcome to Wholesail.\n\nConfirm your email address by opening this link (valid for 48 hours):\n\n${link}\n\nUntil you do, you can log in and look around, but you cannot sell, buy or manage your team.\nIf you did not sign up, ignore this email.${sign}`,
});

export const alreadyRegisteredEmail = (to: string, loginLink: string, resetLink: string): Email => ({
  to,
  subject: 'You already have a Wholesail account',
  text: `Someone (hopefully you) tried to sign up to Wholesail with this email address, which already has an account.\n\nLog in: ${loginLink}\nForgot your password? ${resetLink}\n\nIf it was not you, you can ignore this email: nothing has changed.${sign}`,
});

export const passwordResetEmail = (to: string, link: string): Email => ({
  to,
  subject: 'Reset your Wholesail password',
  text: `Choose a new password by opening this link (valid for 1 hour, once):\n\n${link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.${sign}`,
});

export const invitationEmail = (to: string, companyName: string, role: string, link: string): Email => ({
  to,
  subject: `You are invited to join ${companyName} on Wholesail`,
  text: `You are invited to join ${companyName} on Wholesail as ${role.replace(/_/g, ' ')}.\n\nAccept and choose your password here (valid for 7 days):\n\n${link}${sign}`,
});
