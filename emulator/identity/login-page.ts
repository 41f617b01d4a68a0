import { DEMO_USERS } from './directory.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const style = `body{font-family:"Segoe UI",system-ui,sans-serif;background:#f3f2f1;margin:0;color:#201f1e}
main{max-width:440px;margin:48px auto;background:#fff;padding:32px 40px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 8px}p{font-size:14px;line-height:20px}
label{display:block;font-size:14px;margin:16px 0 4px}input{width:100%;box-sizing:border-box;font-size:15px;padding:6px 8px;border:1px solid #8a8886}
button{margin-top:20px;background:#0067b8;color:#fff;border:0;padding:8px 24px;font-size:15px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:2px solid #000;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}th,td{text-align:left;padding:4px;border-bottom:1px solid #edebe9}
.error{color:#a4262c;font-weight:600}.note{background:#fff4ce;padding:8px 12px}`;

/** The emulator's sign-in page: a real form, and the demo accounts shown openly (they are not secrets). */
export function loginPage(action: string, error?: string, username = ''): string {
  const rows = DEMO_USERS.map((u) => `<tr><td>${escape(u.upn)}</td><td><code>${escape(u.password)}</code></td><td>${escape(u.description)}</td></tr>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in to certportal emulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${style}</style></head>
<body><main>
<h1>Sign in</h1>
<p class="note">certportal emulator: these are <strong>demo accounts</strong> of a local, offline tenant. Never real Azure.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${escape(action)}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="${escape(username)}" autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<h2 style="font-size:16px;margin-top:28px">Demo accounts</h2>
<table><thead><tr><th scope="col">Username</th><th scope="col">Password</th><th scope="col">Access</th></tr></thead><tbody>${rows}</tbody></table>
</main></body></html>`;
}

export function signOutPage(form: string, host: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign out of certportal emulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${style}</style></head>
<body><main><h1>Sign out</h1><p>Sign out of the certportal emulator at ${escape(host)}?</p>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
</main></body></html>`;
}

export function signedOutPage(): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title><style>${style}</style></head>
<body><main><h1>You have signed out</h1><p>You can close this window.</p></main></body></html>`;
}
