// Error texts for the global account program rules and kinds.
export default {
  errors: {
    end_before_start: '{field} cannot be earlier than the start ({start}).',
    after_end: '{field} cannot be after the contract ends ({end}).',
    duplicate_country: '{field}: this country is already in the program. Drop the other row first.',
    duplicate_quarter: 'Q{quarter} {year} is given twice.',
    not_in_program: '{field}: {value} is not a country of the program.',
    not_subsidiary: '{field} must be a subsidiary of this global account, not of another parent.',
    no_subsidiaries: 'This account has no subsidiaries yet. Set it as the parent of its subsidiaries first.',
    duplicate_program: 'This account already has a global account program. Open that one instead.',
    history_kept: 'Country rows are kept as history: drop {value} instead of removing it.',
    computed: '{field} is computed from the program and cannot be entered.',
    missing_rule: 'A health rule is missing ({value}). Restore the defaults.',
    threshold_order: '{field}: the milder step ({value}) cannot be stricter than the red one ({other}).',
    duplicate: '{field}: "{value}" is given twice.',
    other_parent: '{field} is already a subsidiary of {name}. Change its parent on the account first.',
    has_program: '{field} runs a global account program of its own. Archive that program first.',
    one_country: 'This group sits in one country ({countries}). A global account needs subsidiaries in several countries: set their countries or add subsidiaries abroad.',
    currency_in_use: "The program's amounts are in {value}: the currency cannot change to {other} once targets or actuals are entered.",
    kinds: {
      program: 'program',
      country: 'country row',
    },
  },
}
