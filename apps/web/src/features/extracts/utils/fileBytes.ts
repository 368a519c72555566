/** Bytes → base64 in slices, so a file of tens of megabytes does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

/** Error rows sorted as a person reads them: file, then row, then column. */
export function sortErrors<E extends { file: string; row: number; column: string }>(errors: readonly E[]): E[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row || a.column.localeCompare(b.column));
}
