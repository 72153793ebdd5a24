import { csrfHeaders } from "./urql.ts";

/**
 * The file name a Content-Disposition header offers: the UTF-8 `filename*`
 * (RFC 5987) when present, else the plain `filename`, else the fallback.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return sanitise(decodeURIComponent(extended[2]!.trim())) || fallback;
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]+)/i.exec(header);
  if (plain) return sanitise(plain[2] !== undefined ? plain[2].replace(/\\(.)/g, "$1") : plain[1]!.trim()) || fallback;
  return fallback;
}

/** No folders in a name the server chose. */
function sanitise(name: string): string {
  return name.replace(/[/\\]/g, "-").trim();
}

export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ExportError";
  }
}

/**
 * Downloads a run's whole result. The export route wants the Bearer header, so
 * a plain link cannot do it: fetch the file, then save the blob under the
 * server's name.
 */
export async function downloadExport(runId: string, format: "csv" | "json", token: string | null): Promise<string> {
  const response = await fetch(`/export/${encodeURIComponent(runId)}.${format}`, {
    headers: { ...csrfHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ExportError(body?.error?.code ?? "EXPORT_FAILED", body?.error?.message ?? `The export failed (${response.status}).`);
  }
  const name = fileNameFromDisposition(response.headers.get("content-disposition"), `agentmedha-result.${format}`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download; free it on the next turn.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return name;
}
