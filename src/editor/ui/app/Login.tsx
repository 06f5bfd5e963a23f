/** Signing in (LAN mode): name and password; wrong or too many attempts are answered in Chinese. */
import { useState, type FormEvent } from 'react';
import { UI } from '../../../i18n/editor.zh-CN';
import { api } from './api';
import { navigate } from './router';

export function LoginPage({ onLogin }: { onLogin(): Promise<unknown> }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'password' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError({ field: 'name', text: UI.loginNameMissing });
    if (!password) return setError({ field: 'password', text: UI.loginPasswordMissing });
    setBusy(true);
    const res = await api('POST', '/api/login', { name: name.trim(), password });
    setBusy(false);
    if (res.status === 200) {
      // Who is signed in is known before the list is asked for, or the list would send the page back here.
      await onLogin();
      navigate('/', null, true);
    } else setError({ field: null, text: res.json.zh ?? UI.networkError });
  };
  return (
    <main id="main" className="narrow">
      <h1>{UI.loginTitle}</h1>
      <form noValidate onSubmit={submit} aria-label={UI.loginTitle}>
        {error && !error.field && (
          <p className="notice error" role="alert">
            {error.text}
          </p>
        )}
        <div className="field">
          <label htmlFor="login-name">{UI.loginName}</label>
          <input id="login-name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error?.field === 'name' || undefined} aria-describedby={error?.field === 'name' ? 'login-name-error' : undefined} />
          {error?.field === 'name' && <p className="error" id="login-name-error">{error.text}</p>}
        </div>
        <div className="field">
          <label htmlFor="login-password">{UI.loginPassword}</label>
          <input id="login-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={error?.field === 'password' || undefined} aria-describedby={error?.field === 'password' ? 'login-password-error' : undefined} />
          {error?.field === 'password' && <p className="error" id="login-password-error">{error.text}</p>}
        </div>
        <button type="submit" disabled={busy}>
          {UI.loginButton}
        </button>
      </form>
    </main>
  );
}
