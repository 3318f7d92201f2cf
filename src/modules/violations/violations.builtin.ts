import type { Rule } from './violations.model.ts';

/** The programme's default rules; a VIOLATION_RULES_FILE replaces them all. */
export const builtinRules: readonly Rule[] = [
  {
    id: 'late-serious-report',
    name: 'High or critical vulnerability reported more than 24 hours late, or not at all',
    severity: 'major',
    description:
      'An obligation of a report of high or critical severity was met more than 24 hours after its due time, ' +
      'or is missed and more than 24 hours overdue.',
    when: { kind: 'obligation', statuses: ['late', 'missed'], minLateness: 'PT24H', reportSeverityAtLeast: 'high' },
    builtIn: true,
  },
  {
    id: 'repeated-late-reporting',
    name: 'Three late obligations within 90 days',
    severity: 'minor',
    description: 'Three obligations of one organisation, falling due within 90 days of each other, were met late.',
    when: { kind: 'count', statuses: ['late'], atLeast: 3, within: 'P90D' },
    builtIn: true,
  },
];
