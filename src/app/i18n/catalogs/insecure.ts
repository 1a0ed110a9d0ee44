/**
 * The page shown instead of the app over plain http:// on a school address (not a secure
 * context). Loaded with that page only, never with the app's first visit.
 */
export const en = {
  'insecure.title': 'This address cannot work offline',
  'insecure.why': 'Pathbook is open at {address}, an address without https. On it, the browser does not let Pathbook keep working without internet, install, or keep your work safe, so Pathbook does not start here.',
  'insecure.whereInstead': "Open the school server's https:// address instead. If it shows a warning, the device must trust the school server first: ask your teacher for the page with the steps (its address ends in /trust).",
  'insecure.tryHttps': 'Open {address}',
  'insecure.forAdmin': "For whoever runs the school server: turn on HTTPS with npm run make-certificate (see docs/deploy.md, \"Running Pathbook at a school\"). On the server computer itself, http://localhost works too.",
} as const;

export const es: Record<keyof typeof en, string> = {
  'insecure.title': 'Esta dirección no puede funcionar sin conexión',
  'insecure.why': 'Pathbook está abierto en {address}, una dirección sin https. En ella, el navegador no deja que Pathbook funcione sin internet, se instale ni guarde tu trabajo con seguridad, así que Pathbook no se inicia aquí.',
  'insecure.whereInstead': 'Abre en su lugar la dirección https:// del servidor de la escuela. Si muestra un aviso, el dispositivo debe confiar primero en el servidor de la escuela: pide a tu docente la página con los pasos (su dirección termina en /trust).',
  'insecure.tryHttps': 'Abrir {address}',
  'insecure.forAdmin': 'Para quien cuida el servidor de la escuela: activa HTTPS con npm run make-certificate (ver docs/deploy.md, «Running Pathbook at a school»). En el propio ordenador del servidor también funciona http://localhost.',
};
