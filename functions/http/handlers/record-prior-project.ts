import { randomUUID } from 'node:crypto';
import * as m from '../../core/budget-texts/period-messages.de.ts';
import * as route from '../../core/contract/budget.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { type PriorProject, periodsOrDefault } from '../../core/periods.ts';
import { config } from '../../platform/config.ts';
import { putPeriod, putPriorProject, storedPeriods } from '../../store/periods.ts';
import { handle } from '../stack.ts';

/**
 * The office records a project approved before the portal was used, with its ESF per sub-region,
 * so the period's budget counts it from day one. Each amount names a sub-region of the profile.
 */
export default handle(route.recordPriorProject)(async ({ params, body, caller, now }) => {
  // One read of the partition: what is stored, and the periods it means.
  const stored = await storedPeriods();
  const periods = periodsOrDefault(stored, config().profile);
  if (!periods.some((p) => p.id === params.periodId)) throw new NotFoundError(m.unknownPeriod());
  const regions = config().profile.subRegions.map((r) => r.id);
  const fields = body.amounts.flatMap((a, i) =>
    !regions.includes(a.subRegionId)
      ? [{ field: `amounts.${i}.subRegionId`, message: m.unknownRegion(a.subRegionId) }]
      : body.amounts.findIndex((o) => o.subRegionId === a.subRegionId) !== i
        ? [{ field: `amounts.${i}.subRegionId`, message: m.regionTwice(a.subRegionId) }]
        : [],
  );
  if (fields.length) throw new InputError(fields[0]?.message ?? m.amountsMissing(), fields);
  // The profile's period becomes stored data with its first prior project.
  if (stored.length === 0) for (const p of periods) await putPeriod(p);
  const project: PriorProject = {
    id: randomUUID(),
    periodId: params.periodId,
    title: body.title,
    ...(body.organisation ? { organisation: body.organisation } : {}),
    ...(body.approvedOn ? { approvedOn: body.approvedOn } : {}),
    amounts: body.amounts.filter((a) => a.amountCents > 0),
    ...(body.note ? { note: body.note } : {}),
    recordedBy: caller.email,
    recordedAt: now.toISOString(),
  };
  await putPriorProject(project);
  return { status: 201, body: project };
});
