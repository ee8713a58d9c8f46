export default {
  errors: {
    weights_sum: 'The weights add up to {sum}; they must add up to 100.',
    missing_score: 'Every criterion needs a score ({key} has none).',
    order: '{field}: the values must go in order (ABC limits rising, pyramid bands from the highest down, the lowest at zero).',
    diverges: 'The retention rate must stay below 1 + the discount rate ({retention} ≥ 1 + {discount}): the lifetime value would be endless.',
    kinds: {
      scorecard: 'scorecard',
      tier: 'tier assignment',
      valueinputs: 'lifetime value inputs',
    },
  },
}
