import { useCallback, useEffect, useState } from 'react';
import type { ServerSettings } from '../../../../shared/ipc/contract';
import type { IpcError } from '../../../../shared/ipc/result';
import { platform } from '../../platform/api';

/** The packaged and admin-chosen server addresses (undefined while loading), and a way to change them. */
export function useServerSettings(): {
  settings: ServerSettings | undefined;
  save(url: string | null): Promise<IpcError | null>;
} {
  const [settings, setSettings] = useState<ServerSettings | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void platform.getServerSettings().then((r) => {
      if (live) setSettings(r.ok ? r.value : { packaged: null, override: null });
    });
    return () => {
      live = false;
    };
  }, []);
  const save = useCallback(async (url: string | null) => {
    const result = await platform.setServerUrl(url);
    if (!result.ok) return result.error;
    setSettings(result.value);
    return null;
  }, []);
  return { settings, save };
}
