/**
 * The KYB case's states and the moves between them, as data, so the service, the API's answers and the tests
 * read one table. A manufacturer is verified exactly when its case is `approved`.
 *
 *   not_submitted --submit--> submitted --approve--> approved
 *                                 |  \--reject--> rejected --submit--> submitted
 *                                 \--request_changes--> changes_requested --submit--> submitted
 *
 * While a case is `submitted` the company cannot change what is under review (documents, legal fields), so the
 * reviewer decides on exactly what the seller sent. After approval the legal identity (legal name, registration
 * number, tax id, registered address) is locked: changing it is a new review, which support starts.
 */
import { DomainError } from '../../platform/errors.ts';
import type { KybDocumentKind, KybStatus } from '../db/schema.ts';

export type KybAction = 'submit' | 'approve' | 'reject' | 'request_changes';

const MOVES: Record<KybAction, { from: KybStatus[]; to: KybStatus }> = {
  submit: { from: ['not_submitted', 'changes_requested', 'rejected'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  request_changes: { from: ['submitted'], to: 'changes_requested' },
};

/** States in which the seller may edit its legal profile, addresses and documents. */
export const EDITABLE: readonly KybStatus[] = ['not_submitted', 'changes_requested', 'rejected'];

/** What a complete submission carries: both documents, checked before a case reaches a reviewer. */
export const REQUIRED_DOCUMENTS: readonly KybDocumentKind[] = ['business_registration', 'tax_id'];

export function nextStatus(from: KybStatus, action: KybAction): KybStatus {
  const move = MOVES[action];
  if (!move.from.includes(from))
    throw new DomainError(
      'conflict',
      'kyb_invalid_transition',
      `A KYB case that is ${from.replace('_', ' ')} cannot be ${pastTense[action]} (only from ${move.from.join(' or ')}).`,
    );
  return move.to;
}

const pastTense: Record<KybAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'sent back for changes',
};

/** Refuses an edit of what is under review, or of an approved legal identity. */
export function assertEditable(status: KybStatus, what: string): void {
  if (EDITABLE.includes(status)) return;
  throw new DomainError(
    'conflict',
    status === 'submitted' ? 'kyb_under_review' : 'kyb_locked',
    status === 'submitted'
      ? `Your verification is under review: ${what} cannot change until the reviewer decides.`
      : `Your company is verified: ${what} is locked. Contact support to change your legal details.`,
  );
}
