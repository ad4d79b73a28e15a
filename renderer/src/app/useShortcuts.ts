import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useUiStore } from './uiStore';

/** Ctrl/⌘+K (and Ctrl/⌘+F) jumps to the customer search from anywhere. */
export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  const requestSearchFocus = useUiStore((s) => s.requestSearchFocus);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K' || e.key === 'f' || e.key === 'F')) {
        e.preventDefault();
        if (!location.hash.startsWith('#/customers') || location.hash.split('/').length > 2) navigate('/customers');
        requestSearchFocus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, requestSearchFocus]);
}
