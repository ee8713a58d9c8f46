// Error texts for the review rules and kinds.
export default {
  errors: {
    duplicate_review: 'This account already has a review for {period}. Open that one instead.',
    review_final: 'This review is final: its pages are frozen and cannot change.',
    before_prepared: '{field} cannot be before the date it was prepared ({prepared}).',
    annual_no_quarter: 'An annual evaluation has no quarter.',
    folder_not_writable: 'Keystone cannot write into {folder}. Choose another folder.',
    no_accounts_selected: 'No account matches this selection.',
    pdf_failed: 'The PDF could not be printed: {message}',
    kinds: {
      review: 'review',
      batch: 'export',
    },
  },
}
