// A real OpenID Connect provider (node-oidc-provider) for tests/test_signin.py, on 127.0.0.1 only.
//   node provider.mjs CONFIG.json
// CONFIG: {"port": 9000, "client_id": "...", "client_secret": "...", "redirect_uri": "http://localhost:8501/oauth2callback",
//          "users": {"an": {"email": "an@bo.gov.vn", "name": "Nguyễn Văn An", "groups": ["van-phong"]}, ...}}
// Users sign in on the provider's own development login form (devInteractions: the login is the user's key in
// "users", any password); hoidap is a first-party client, so consent is granted without a page. The identity
// token carries email, name and groups (conformIdTokenClaims off: the claims of the granted scopes go into the
// ID token, which is what Streamlit's st.user shows).
import { readFileSync } from 'node:fs';

import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const SCOPES = 'openid email profile groups';

const provider = new Provider(issuer, {
  clients: [{
    client_id: config.client_id,
    client_secret: config.client_secret,
    redirect_uris: [config.redirect_uri],
    post_logout_redirect_uris: [config.redirect_uri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  scopes: SCOPES.split(' '),
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  conformIdTokenClaims: false,
  cookies: { keys: [config.client_secret] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, sub) {
    const user = config.users[sub];
    if (!user) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, email_verified: true, ...user };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(SCOPES);
    await grant.save();
    return grant;
  },
});

provider.listen(config.port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
