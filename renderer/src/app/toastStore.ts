import { create } from 'zustand';

interface ToastState {
  message: string | null;
  key: number;
  show(message: string): void;
  clear(): void;
}

/** One transient confirmation at a time ("Saved on this computer"). */
export const useToastStore = create<ToastState>()((set) => ({
  message: null,
  key: 0,
  show: (message) => set((s) => ({ message, key: s.key + 1 })),
  clear: () => set({ message: null }),
}));
