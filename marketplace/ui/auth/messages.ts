/** Every word of signing in (the sign-in page and the session's own errors), in English, Spanish and French. */
import { localized, type Catalog } from '../i18n/index.ts';

const en = {
  documentTitle: 'Sign in - Wholesail',
  heading: 'Sign in to Wholesail',
  lead: 'Sign in to your marketplace and dashboards.',
  code: 'Authenticator or recovery code',
  email: 'Email',
  password: 'Password',
  signingIn: 'Signing in…',
  verify: 'Verify',
  signIn: 'Sign in',
  demoTitle: 'Demo accounts',
  /** Followed by the password itself, then `demoPick`. */
  demoPassword: 'Password',
  demoPick: 'Choose one to fill the form:',
  tooManyAttempts: 'Too many attempts. Wait a few minutes and try again.',
  serverAnswered: (status: number) => `The server answered ${status}.`,
  unreachable: 'Cannot reach Wholesail. Check your connection.',
  forgotPassword: 'Forgot your password?',
  newHere: 'New to Wholesail?',
  createAccount: 'Create an account',
  loadingPage: 'Loading page',
};

const es = {
  documentTitle: 'Iniciar sesión - Wholesail',
  heading: 'Iniciar sesión en Wholesail',
  lead: 'Acceda a su marketplace y a sus paneles de análisis.',
  code: 'Código de autenticación o de recuperación',
  email: 'Correo electrónico',
  password: 'Contraseña',
  signingIn: 'Iniciando sesión…',
  verify: 'Verificar',
  signIn: 'Iniciar sesión',
  demoTitle: 'Cuentas de demostración',
  demoPassword: 'Contraseña',
  demoPick: 'Elija una para rellenar el formulario:',
  tooManyAttempts: 'Demasiados intentos. Espere unos minutos y vuelva a intentarlo.',
  serverAnswered: (status) => `El servidor respondió con el código ${status}.`,
  unreachable: 'No se puede conectar con Wholesail. Compruebe su conexión.',
  forgotPassword: '¿Olvidó su contraseña?',
  newHere: '¿Es nuevo en Wholesail?',
  createAccount: 'Crear una cuenta',
  loadingPage: 'Cargando la página',
} satisfies Catalog<typeof en>;

const fr = {
  documentTitle: 'Connexion - Wholesail',
  heading: 'Connexion à Wholesail',
  lead: 'Connectez-vous à votre place de marché et à vos tableaux de bord.',
  code: 'Code d’authentification ou de récupération',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  signingIn: 'Connexion…',
  verify: 'Vérifier',
  signIn: 'Se connecter',
  demoTitle: 'Comptes de démonstration',
  demoPassword: 'Mot de passe',
  demoPick: 'Choisissez-en un pour remplir le formulaire\u00a0:',
  tooManyAttempts: 'Trop de tentatives. Patientez quelques minutes, puis réessayez.',
  serverAnswered: (status) => `Le serveur a répondu avec le code ${status}.`,
  unreachable: 'Impossible de joindre Wholesail. Vérifiez votre connexion.',
  forgotPassword: 'Mot de passe oublié\u00a0?',
  newHere: 'Nouveau sur Wholesail\u00a0?',
  createAccount: 'Créer un compte',
  loadingPage: 'Chargement de la page',
} satisfies Catalog<typeof en>;

export const loginMessages = localized({ en, es, fr });
