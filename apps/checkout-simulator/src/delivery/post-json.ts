const DELIVERY_TIMEOUT_MS = 10_000;

/** POSTs a JSON body; resolves with the HTTP status, or undefined when no answer came. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<number | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}
