import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './api';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Runs load() when deps change (and on reload()), keeping the last result, error and loading flag. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    setLoading(true);
    run().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e) => {
        if (!current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [run, generation]);
  return { data, error, loading, reload: () => setGeneration((g) => g + 1) };
}
