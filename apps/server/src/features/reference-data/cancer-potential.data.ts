/**
 * Expected new cancer cases a year and citizens living with cancer per member municipality,
 * 2016 — report "Vi samler kræfterne" 2017, Tabel 1, citing Kræftens Bekæmpelse 2018,
 * "Kommunale kræfttal 2016" (totals 3,158 and 25,321). About 40 % of the newly diagnosed need
 * rehabilitation in municipal care (the report's estimate after Kræftens Bekæmpelse).
 */
export const CANCER_POTENTIAL_SOURCE = 'Vi samler kræfterne 2017, Tabel 1 (Kræftens Bekæmpelse: Kommunale kræfttal 2016)';
export const CANCER_POTENTIAL_YEAR = 2016;
export const REHAB_SHARE = 0.4;

export const CANCER_POTENTIAL: readonly { code: string; newCases: number; livingWithCancer: number }[] = [
  { code: '0151', newCases: 352, livingWithCancer: 2670 }, // Ballerup
  { code: '0159', newCases: 425, livingWithCancer: 3242 }, // Gladsaxe
  { code: '0163', newCases: 195, livingWithCancer: 1481 }, // Herlev
  { code: '0175', newCases: 259, livingWithCancer: 3242 }, // Rødovre
  { code: '0190', newCases: 289, livingWithCancer: 2251 }, // Furesø
  { code: '0240', newCases: 290, livingWithCancer: 2145 }, // Egedal
  { code: '0230', newCases: 437, livingWithCancer: 3326 }, // Rudersdal
  { code: '0157', newCases: 528, livingWithCancer: 4019 }, // Gentofte
  { code: '0173', newCases: 383, livingWithCancer: 2945 }, // Lyngby-Taarbæk
];
