export default {
  errors: {
    scored_twice: '{field}: “{value}” is given twice.',
    score_missing: '{field}: every item needs a score.',
    weights_not_100: 'The weights add up to {total}; they must add up to 100.',
    lever_unknown: '“{value}” is not a lever of this switching-cost plan.',
    due_before_start: 'The due date {value} is before the plan started ({start}).',
    start_after_due: 'The plan cannot start after “{title}”, which is due {due}.',
    closed_before_opened: 'A case cannot close before it was opened ({opened}).',
    won_back_not_lost: 'Only a lost account can be won back; an at-risk account is retained.',
    kinds: {
      'switching-assessment': 'switching-cost assessment',
      'satisfaction-survey': 'satisfaction survey',
      'switching-plan': 'switching-cost plan',
      'lever-cost': 'lever action cost',
      'retention-case': 'retention case',
      renewal: 'renewal date',
    },
  },
}
