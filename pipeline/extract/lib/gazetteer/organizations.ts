import { readFileSync } from 'node:fs';

/** An organisation of states as the bundled gazetteer gives it. */
export interface OrganizationEntry {
  name: string;
  acronyms: string[];
  alternateNames: string[];
}

let byForm: Map<string, OrganizationEntry> | undefined;

/** International organisations by every name and acronym they go by. */
export function internationalOrganizations(): Map<string, OrganizationEntry> {
  if (byForm) return byForm;
  const data = JSON.parse(
    readFileSync(new URL('../../data/international-organizations.json', import.meta.url), 'utf8'),
  ) as { organizations: OrganizationEntry[] };
  byForm = new Map();
  for (const entry of data.organizations) {
    for (const form of [entry.name, ...entry.alternateNames, ...entry.acronyms]) {
      if (!byForm.has(form)) byForm.set(form, entry);
    }
  }
  return byForm;
}
