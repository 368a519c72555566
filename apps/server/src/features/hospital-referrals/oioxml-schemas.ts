import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xsdSet, type XsdSet } from '../../platform/xml/xsd.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * MedCom's OIOXML schema set 2005/08/07 (XREF01, XCTL02, XCTL03 and the rest of that namespace),
 * shipped unchanged in refdata/medcom-oioxml/xsd/ (source and licence in its _SOURCE.json). The
 * built server finds it beside its bundle (scripts/build-server.mjs copies it there).
 */
const CANDIDATES = [path.join(here, 'medcom-oioxml-xsd/2005/08/07'), path.resolve(here, '../../../../../refdata/medcom-oioxml/xsd/2005/08/07')];

export function oioxml2005Schemas(): XsdSet {
  const dir = CANDIDATES.find((d) => fs.existsSync(path.join(d, 'EMessage.xsd')));
  if (!dir) throw new Error(`MedCom's OIOXML schemas are missing (looked in ${CANDIDATES.join(', ')})`);
  return xsdSet(dir, 'EMessage.xsd');
}
