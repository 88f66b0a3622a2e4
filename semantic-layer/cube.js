// Configuration for a Cube deployment reading the same model files (docker-compose's `cube` service).
// It verifies Wholesail access tokens with the same secret and maps the caller to the groups our access
// policies name, so a Cube server enforces the same row rules as our gateway (semantic-layer/security.ts).
const jwt = require('jsonwebtoken');

module.exports = {
  checkAuth: (req, auth) => {
    const token = String(auth || '').replace(/^Bearer\s+/i, '');
    const claims = jwt.verify(token, process.env.CUBEJS_API_SECRET, { algorithms: ['HS256'], issuer: 'wholesail', audience: 'wholesail-api' });
    req.securityContext = { userId: claims.sub, companyId: claims.cid, companyKind: claims.ck, role: claims.role };
  },
  contextToGroups: ({ securityContext }) => {
    if (securityContext.companyKind === 'manufacturer') return ['seller'];
    if (securityContext.companyKind === 'retailer') return ['buyer'];
    return [securityContext.role];
  },
};
