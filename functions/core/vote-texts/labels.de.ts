/** Path parameters' names. */
export const voteParamLabels = { vote: 'Abstimmung' } as const;

/** A circulation vote's outcome per sketch, as pages, mails and exports name it. */
export const outcomeLabels = {
  endorsed: 'Befürwortet',
  not_endorsed: 'Nicht befürwortet',
  no_consensus: 'Kein Einvernehmen',
  no_quorum: 'Keine Entscheidung (zu wenige Stimmen)',
} as const satisfies Record<string, string>;

/** The Votum's decision, as it reads inside a sentence ("Der Sprecherkreis hat … befürwortet"). */
export const votumDecisionLabels = {
  endorsed: 'befürwortet',
  not_endorsed: 'nicht befürwortet',
  deferred: 'zurückgestellt',
} as const satisfies Record<string, string>;
