// Error rules and record kinds of the partnership and relationship areas.
export default {
  errors: {
    in_future: '{field} cannot be after today.',
    kinds: {
      partnership: 'partnership assessment',
      relationship: 'relationship profile',
    },
  },
}
