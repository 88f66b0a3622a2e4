/**
 * Events the identity context emits (payload schemas in ingest/events/catalog.ts). They never carry secrets,
 * password hashes, tokens or email addresses: only ids, roles and what changed.
 */
export const USER_REGISTERED = 'user.registered';
export interface UserRegisteredV1 {
  userId: string;
  companyId: string;
  role: string;
  /** How the account came to be: public sign-up, an accepted invitation, or added by an operator/seeder. */
  via: 'sign_up' | 'invitation' | 'operator';
}

export const USER_EMAIL_VERIFIED = 'user.email_verified';
export const USER_PASSWORD_CHANGED = 'user.password_changed';
export const USER_TWO_FACTOR_ENABLED = 'user.two_factor_enabled';
export const USER_TWO_FACTOR_DISABLED = 'user.two_factor_disabled';
export interface UserChangedV1 {
  userId: string;
  companyId: string;
}

export const USER_SUSPENDED = 'user.suspended';
export const USER_REINSTATED = 'user.reinstated';
export const COMPANY_SUSPENDED = 'company.suspended';
export const COMPANY_REINSTATED = 'company.reinstated';
export interface SuspensionChangedV1 {
  /** The user (for user.*) or company (for company.*) concerned. */
  targetId: string;
  companyId: string;
  reason: string;
}

export const COMPANY_MEMBER_INVITED = 'company.member_invited';
export interface MemberInvitedV1 {
  companyId: string;
  invitationId: string;
  role: string;
  invitedBy: string;
}

export const COMPANY_MEMBER_ROLE_CHANGED = 'company.member_role_changed';
export interface MemberRoleChangedV1 {
  companyId: string;
  userId: string;
  fromRole: string;
  toRole: string;
}

export const COMPANY_MEMBER_REMOVED = 'company.member_removed';
export interface MemberRemovedV1 {
  companyId: string;
  userId: string;
  role: string;
}
