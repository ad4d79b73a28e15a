import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useToastStore } from '../../app/toastStore';
import { platform } from '../../platform/api';

/** Opens an article link in the system browser when it is on the allow-list; otherwise says where it points. */
export function useOpenLink(): (url: string) => void {
  const { t } = useTranslation();
  const show = useToastStore((s) => s.show);
  return useCallback(
    (url: string) => {
      void platform.openExternal(url).then((r) => {
        if (!r.ok) show(t('knowledge.linkBlocked', { url }));
      });
    },
    [show, t],
  );
}
