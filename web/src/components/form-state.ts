import { useCallback, useState } from 'react';
import { fieldErrors } from '../api/client';

export interface FormState<T> {
  values: T;
  setValue: <K extends keyof T>(key: K, value: T[K]) => void;
  setValues: (values: T) => void;
  errors: Record<string, string>;
  setErrors: (errors: Record<string, string>) => void;
  error: (field: string) => string | undefined;
  // Maps problem+json errors[] onto fields and keeps the whole error for the form-level alert.
  applyError: (error: unknown) => void;
  formError: unknown;
  reset: (values?: T) => void;
}

export function useFormState<T>(initial: T): FormState<T> {
  const [values, setValuesState] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const setValue = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValuesState((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => {
      const name = String(key);
      if (!(name in previous)) return previous;
      const next = { ...previous };
      delete next[name];
      return next;
    });
  }, []);

  const applyError = useCallback((error: unknown) => {
    setErrors(fieldErrors(error));
    setFormError(error);
  }, []);

  const reset = useCallback(
    (next?: T) => {
      setValuesState(next ?? initial);
      setErrors({});
      setFormError(null);
    },
    [initial],
  );

  return {
    values,
    setValue,
    setValues: setValuesState,
    errors,
    setErrors,
    error: (field) => errors[field],
    applyError,
    formError,
    reset,
  };
}
