// Error texts of the opportunity and win-loss rules.
export default {
  errors: {
    unknown_stage: '{field}: “{value}” is not one of the pipeline stages (Settings → Win-loss).',
    unknown_reason: '{field}: “{value}” is not in the reason list (Settings → Win-loss).',
    unknown_question: '“{value}” is not a question of the Real–Win–Worth screen.',
    won_with_winner: 'A won deal has no winning competitor: we won it. Leave the competitor empty.',
    before_open: '{field} cannot be before the deal was opened ({open}).',
    same_as_primary: '{field}: “{value}” is already the primary reason.',
    already_closed: 'This deal is already closed. Reopen it to close it again.',
    closed: 'This deal is closed. Reopen it before moving it to another stage.',
    before_from: 'The period ends before it starts.',
    key_format: '{field}: “{value}” must be lower-case letters, digits and _ (at most 40).',
    count: '{field}: between {min} and {max} are needed (now {value}).',
    kinds: {
      opportunity: 'opportunity',
      'settings-winloss': 'win-loss settings',
    },
  },
}
