import { apiError } from '@samkraft/contracts/common';
import {
  acceptDraftReferralBody,
  acceptDraftReferralResult,
  draftReferralCount,
  draftReferralDetail,
  draftReferralList,
  draftReferralListQuery,
  draftReferralParams,
  MAX_OIOXML_BYTES,
  oioxmlUpload,
  oioxmlUploadResult,
  rejectDraftReferralBody,
  rejectDraftReferralResult,
} from '@samkraft/contracts/hospital-referrals';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { acceptDraftReferral, countPendingDraftReferrals, getDraftReferral, listDraftReferrals, rejectDraftReferral } from './draft-referral.service.ts';
import { uploadHospitalReferral } from './receive-referral.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };

/** Base64 in JSON: a third larger than the file, plus the JSON around it. */
const UPLOAD_BODY_LIMIT = Math.ceil(MAX_OIOXML_BYTES / 3) * 4 + 16 * 1024;

export function registerHospitalReferralRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.post('/api/draft-referrals/oioxml', {
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags: ['hospital-referrals'],
      summary:
        "Receive a hospital referral (MedCom OIOXML XREF01) uploaded by hand (administrators): it becomes a draft of the municipality whose unit's EAN it is addressed to, answered with its XCTL03 receipt; the same letter again gets the same receipt and no second draft; a file that cannot be taken is refused naming why, and nothing is stored",
      body: oioxmlUpload,
      response: { 200: oioxmlUploadResult, ...errors },
    },
    handler: async (request) => uploadHospitalReferral(ctx(request), request.body.contentBase64),
  });

  app.get('/api/draft-referrals', {
    schema: {
      tags: ['hospital-referrals'],
      summary: "Your municipality's hospital referrals waiting to be reviewed (or the accepted or rejected ones), newest first; each shown is audited",
      querystring: draftReferralListQuery,
      response: { 200: draftReferralList, ...errors },
    },
    handler: async (request) => listDraftReferrals(ctx(request), request.query.state),
  });

  app.get('/api/draft-referrals/pending-count', {
    schema: { tags: ['hospital-referrals'], summary: "How many hospital referrals wait in your municipality", response: { 200: draftReferralCount, ...errors } },
    handler: async (request) => countPendingDraftReferrals(ctx(request)),
  });

  app.get('/api/draft-referrals/:draftId', {
    schema: {
      tags: ['hospital-referrals'],
      summary: 'One hospital referral as it arrived, with what the intake form starts from (audited)',
      params: draftReferralParams,
      response: { 200: draftReferralDetail, ...errors },
    },
    handler: async (request) => getDraftReferral(ctx(request), request.params.draftId),
  });

  app.post('/api/draft-referrals/:draftId/accept', {
    schema: {
      tags: ['hospital-referrals'],
      summary: 'Accept a hospital referral into the intake: the body is a typed referral\'s, checked by the same rules; registers the referral and opens its course',
      params: draftReferralParams,
      body: acceptDraftReferralBody,
      response: { 201: acceptDraftReferralResult, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await acceptDraftReferral(ctx(request), request.params.draftId, request.body)),
  });

  app.post('/api/draft-referrals/:draftId/reject', {
    schema: {
      tags: ['hospital-referrals'],
      summary: 'Reject a hospital referral, with the reason; nothing is registered',
      params: draftReferralParams,
      body: rejectDraftReferralBody,
      response: { 200: rejectDraftReferralResult, ...errors },
    },
    handler: async (request) => rejectDraftReferral(ctx(request), request.params.draftId, request.body.reason),
  });
}
