/** What the routes that hand out documents say when there is none, in German. */
export const documentMessages = {
  noCirculationRecord: 'Zu dieser Projektskizze gibt es keinen Umlaufbeschluss.',
  voteLabel: 'Abstimmung',
} as const;
