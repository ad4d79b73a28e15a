/** Every IPC call and every fallible boundary answers with this shape instead of throwing. */
export type IpcError = { code: string; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string): Result<T> => ({ ok: false, error: { code, message } });
