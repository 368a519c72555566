import type { DataAccessRequestBody, MyDataFile, MyDataFormat } from '@samkraft/contracts/my-data';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { CitizenContext } from '../../platform/http/service-context.ts';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import { citizenRecordResources } from '../fhir-api/fhir-record.service.ts';
import { myDataPdf } from './my-data-pdf.ts';
import { fhirTables, myDataExcluded, myDataSections } from './my-data.sections.ts';

/*
 * Aktindsigt: everything Samkraft holds about a citizen, for the citizen themself (their door) or
 * for the home municipality's contact person or lead answering a written request. Every record is
 * read through its owner's service as the actor (each read audited as such), and the whole is
 * audited once more as `my_data.export`, with the request's reference as its purpose.
 */

type Requested = { by: 'citizen' } | { by: 'staff'; reference: string; municipality: string };

async function collect(ctx: ServiceContext, citizenId: string, request: Requested, fhirBaseUrl: string): Promise<MyDataFile> {
  const { citizen, resources } = await citizenRecordResources(ctx, citizenId);
  const subject = { citizenId, courseIds: citizen.courses.map((c) => c.courseId) };
  const sections: Record<string, unknown[]> = {};
  for (const s of myDataSections) sections[s.key] = await s.collect(ctx, subject);
  const now = ctx.clock.now().toISOString();
  return {
    format: 'samkraft-aktindsigt/1',
    generatedAt: now,
    request: request.by === 'citizen' ? { by: 'citizen', reference: null, municipality: null } : { by: 'staff', reference: request.reference, municipality: request.municipality },
    citizen: { id: citizen.id, name: citizen.name },
    fhir: {
      resourceType: 'Bundle',
      meta: { lastUpdated: now },
      type: 'collection',
      timestamp: now,
      ...(resources.length > 0 ? { entry: resources.map((resource) => ({ fullUrl: `${fhirBaseUrl}/${resource.resourceType}/${resource.id}`, resource })) } : {}),
    },
    sections,
    coverage: { sections: [{ key: 'fhir', tables: [...fhirTables] }, ...myDataSections.map((s) => ({ key: s.key, tables: [...s.tables] }))], excluded: { ...myDataExcluded } },
  };
}

export type MyDataDownload = { format: 'json'; file: MyDataFile } | { format: 'pdf'; bytes: Buffer };

async function deliver(ctx: ServiceContext, file: MyDataFile, format: MyDataFormat, purpose: string): Promise<MyDataDownload> {
  const download: MyDataDownload = format === 'pdf' ? { format, bytes: await renderPdf(myDataPdf(file)) } : { format, file };
  await audit(ctx.db, ctx, [{ action: 'my_data.export', citizenId: file.citizen.id, entityType: 'citizen', entityId: file.citizen.id, purpose, outcome: 'allowed', detail: { format, sections: Object.keys(file.sections).length } }]);
  return download;
}

/** The signed-in citizen's own data (the citizen of the session, never one the request names). */
export async function downloadMyData(ctx: CitizenContext, format: MyDataFormat, fhirBaseUrl: string): Promise<MyDataDownload> {
  const file = await collect(ctx, ctx.actor.citizenId, { by: 'citizen' }, fhirBaseUrl);
  return deliver(ctx, file, format, 'citizen_request');
}

/**
 * The same for a written request, produced by the course's home municipality's contact person or
 * lead (the course's write rule); the request's reference is kept as the audit's purpose, so the
 * citizen's log says why. Covers that municipality's courses of the citizen.
 */
export async function produceDataAccessResponse(ctx: ServiceContext, courseId: string, body: DataAccessRequestBody, fhirBaseUrl: string): Promise<MyDataDownload> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'my_data.export');
  const municipality = ctx.actor.kind === 'staff' ? ctx.actor.municipalityCode : key.homeMunicipalityCode;
  const file = await collect(ctx, key.citizenId, { by: 'staff', reference: body.reference, municipality }, fhirBaseUrl);
  return deliver(ctx, file, body.format, `Skriftlig anmodning om aktindsigt: ${body.reference}`);
}
