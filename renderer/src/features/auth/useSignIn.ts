import { useState } from 'react';
import { signIn } from './signInActions';
import { checkSignIn, signInFailure, type SignInField, type SignInMessage, type SignInValues } from './signInFormModel';

/** State of one sign-in form: field errors, the server's refusal, busy while the request runs. */
export function useSignIn() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<SignInField, SignInMessage>>>({});
  const [failure, setFailure] = useState<SignInMessage | null>(null);

  async function submit(values: SignInValues): Promise<void> {
    const checked = checkSignIn(values);
    setErrors(checked.errors);
    setFailure(null);
    if (!checked.serverUrl || Object.keys(checked.errors).length > 0) return;
    setBusy(true);
    try {
      await signIn({ serverUrl: checked.serverUrl, userName: values.userName, password: values.password });
    } catch (error) {
      setFailure(signInFailure(error, checked.serverUrl));
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, failure, submit };
}
