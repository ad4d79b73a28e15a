import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './apiError';
import { checkSignIn, signInFailure } from './signInFormModel';

describe('checkSignIn', () => {
  it('accepts a complete form and normalises the server address', () => {
    expect(checkSignIn({ serverUrl: ' crm.example.com:8787/ ', userName: 'zhang.wei', password: 'x' })).toEqual({
      errors: {},
      serverUrl: 'http://crm.example.com:8787',
    });
  });

  it('names every missing field and a bad address', () => {
    expect(checkSignIn({ serverUrl: '', userName: ' ', password: '' }).errors).toEqual({
      serverUrl: { key: 'required' }, userName: { key: 'required' }, password: { key: 'required' },
    });
    expect(checkSignIn({ serverUrl: 'ftp://x', userName: 'a', password: 'b' }).errors).toEqual({ serverUrl: { key: 'badServer' } });
  });
});

describe('signInFailure', () => {
  it('maps server answers to messages the user can act on', () => {
    expect(signInFailure(new ApiRequestError('invalid_credentials', 'no', 401), 'http://s')).toEqual({ key: 'invalidCredentials' });
    expect(signInFailure(new ApiRequestError('rate_limited', 'slow', 429), 'http://s')).toEqual({ key: 'rateLimited' });
    expect(signInFailure(new ApiRequestError('unreachable', 'down'), 'http://s')).toEqual({ key: 'unreachable', params: { server: 'http://s' } });
    expect(signInFailure(new ApiRequestError('signed_out', 'keyring locked'), 'http://s')).toEqual({ key: 'storageFailed', params: { message: 'keyring locked' } });
    expect(signInFailure(new Error('boom'), 'http://s')).toEqual({ key: 'failed', params: { message: 'Error: boom' } });
  });
});
