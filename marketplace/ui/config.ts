/** Settings the server writes into index.html (api/web.ts): today only the demo logins of a demo install. */
export interface WebConfig {
  demoLogins: Array<{ email: string; role: string }>;
  demoPassword?: string;
}

export function readWebConfig(): WebConfig {
  const element = document.getElementById('wholesail-config');
  try {
    const parsed = JSON.parse(element?.textContent ?? '{}') as Partial<WebConfig>;
    return { demoLogins: parsed.demoLogins ?? [], demoPassword: parsed.demoPassword };
  } catch {
    return { demoLogins: [] };
  }
}
