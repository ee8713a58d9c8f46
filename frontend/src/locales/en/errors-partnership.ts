// Error rules and record kinds of the partnership and relationship areas.
export default {
  errors: {
    not_above: '{field} must be above {other}.',
    in_future: '{field} cannot be after today.',
    stale: 'The settings were changed elsewhere since you opened them (version {have}, now {current}). Reload them.',
    kinds: {
      partnership: 'partnership assessment',
      relationship: 'relationship profile',
    },
  },
}
