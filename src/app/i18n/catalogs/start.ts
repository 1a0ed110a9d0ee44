/** Messages of the start screens. Keys ending in _one / _other are plural forms chosen by `count`. */
export const en = {
  'start.title': 'Welcome to Pathbook',
  'start.intro': 'Plan goals, track progress and check in with students. Everything works without internet and is kept on this device.',
  'start.who': 'Who are you?',
  'start.teacher': "I'm a teacher",
  'start.teacherHint': 'Set up a class and check in with students.',
  'start.student': "I'm a student",
  'start.studentHint': 'Join your class with the code your teacher gives you.',
  'start.yourName': 'Your name',
  'start.continue': 'Continue',
  'start.profiles': 'People on this device',
  'start.open': 'Open {name}',
  'start.addPerson': 'Someone else',
  'start.studentNeedsCode': 'To join, you need the class code from your teacher and a connection to your school’s Pathbook server, just once. Ask your teacher to show the code.',
  'start.nameRequired': 'Please write your name.',
} as const;

export const es: Record<keyof typeof en, string> = {
  'start.title': 'Te damos la bienvenida a Pathbook',
  'start.intro': 'Planifica metas, sigue el progreso y conversa con tus estudiantes. Todo funciona sin internet y se guarda en este dispositivo.',
  'start.who': '¿Quién eres?',
  'start.teacher': 'Soy docente',
  'start.teacherHint': 'Crea una clase y haz seguimiento a tus estudiantes.',
  'start.student': 'Soy estudiante',
  'start.studentHint': 'Únete a tu clase con el código que te da tu docente.',
  'start.yourName': 'Tu nombre',
  'start.continue': 'Continuar',
  'start.profiles': 'Personas en este dispositivo',
  'start.open': 'Abrir {name}',
  'start.addPerson': 'Otra persona',
  'start.studentNeedsCode': 'Para unirte necesitas el código de la clase y conexión con el servidor Pathbook de tu escuela, solo una vez. Pide a tu docente que te muestre el código.',
  'start.nameRequired': 'Escribe tu nombre, por favor.',
};
