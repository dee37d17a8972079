// The background check (RDC watch lists): match, monitoring, and the matched entities — or where to review them (ICAD).
import {
  asArray,
  asBoolean,
  asNumber,
  asRecord,
  asText,
  clip,
  formatScore,
  get,
  has,
  item,
  type JsonObject,
} from './read';
import type { SummaryItem, SummarySection } from './types';

/** Matched entities listed one by one; the rest are counted. */
const MAX_ENTITIES = 20;

const ICAD_NOTE =
  'With ICAD (Alert Decisioning) enabled Uqudo leaves content null even when match is true: the alert is reviewed on the RDC portal, not in this result.';

/** `data.backgroundCheck`: watch-list match, monitoring id and the matched entities (`content.alertEntity[]`). */
export function backgroundCheckSection(value: unknown, path: string): SummarySection | undefined {
  const check = asRecord(value);
  if (!check) return undefined;
  const items: SummaryItem[] = [];
  const type = asText(get(check, 'type'));
  if (type) items.push(item('Type', clip(type), 'info', undefined, `${path}.type`));
  const match = asBoolean(get(check, 'match'));
  const content = get(check, 'content');
  const icad = match === true && has(check, 'content') && content === null;
  if (match !== undefined) {
    items.push(
      item(
        'Watch-list match',
        match ? 'match found' : 'no match',
        match ? 'bad' : 'good',
        !match
          ? 'No background-check record matched.'
          : icad
            ? 'The person matched a background-check record: review it on the RDC portal before deciding.'
            : 'The person matched a background-check record: review the matched entities before deciding.',
        `${path}.match`,
      ),
    );
  }
  const monitoringId = asText(get(check, 'monitoringId'));
  if (monitoringId) {
    items.push(
      item(
        'Monitoring id',
        clip(monitoringId),
        'info',
        'Ongoing monitoring is active for this person.',
        `${path}.monitoringId`,
      ),
    );
  }
  if (icad) {
    items.push(item('Matched entities', 'on the RDC portal', 'info', ICAD_NOTE, `${path}.content`));
  } else if (has(check, 'content') && content === null) {
    items.push(
      item('Content', 'none', 'info', 'No record details in the result.', `${path}.content`),
    );
  } else {
    const record = asRecord(content);
    if (record) items.push(...entityItems(record, `${path}.content`));
  }
  if (items.length === 0) items.push(item('Background check', 'present', 'info', undefined, path));
  return { id: 'background-check', title: 'Background check', items };
}

/** One item per matched entity: its name, match score and risk score. */
function entityItems(content: JsonObject, path: string): SummaryItem[] {
  const items: SummaryItem[] = [];
  const alertDate = asText(get(content, 'alertDt'));
  if (alertDate)
    items.push(item('Alert date', clip(alertDate), 'info', undefined, `${path}.alertDt`));
  const entities = asArray(get(content, 'alertEntity')) ?? [];
  entities.slice(0, MAX_ENTITIES).forEach((entry, index) => {
    const entity = asRecord(entry);
    if (!entity) return;
    const entityPath = `${path}.alertEntity[${index}]`;
    const scores = [
      ['matchScore', 'match score'],
      ['riskScore', 'risk score'],
    ]
      .map(([key, words]) => {
        const score = asNumber(get(entity, key!));
        return score === undefined ? undefined : `${words} ${formatScore(score)}`;
      })
      .filter(Boolean);
    const kind = asText(get(entity, 'entityTyp')) ?? asText(get(entity, 'entityType'));
    const source = asText(get(asRecord(get(entity, 'source')) ?? {}, 'sourceName'));
    items.push(
      item(
        clip(asText(get(entity, 'entityName')) ?? `Entity ${index + 1}`, 120),
        scores.length ? scores.join(' · ') : 'no scores',
        'info',
        [kind && `type ${clip(kind, 40)}`, source && `source ${clip(source, 80)}`]
          .filter(Boolean)
          .join(', ') || undefined,
        entityPath,
      ),
    );
  });
  if (entities.length > MAX_ENTITIES) {
    items.push(
      item(
        'More entities',
        `${entities.length - MAX_ENTITIES} more`,
        'info',
        'See the payload for the rest.',
        `${path}.alertEntity`,
      ),
    );
  }
  return items;
}
