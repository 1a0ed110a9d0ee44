export const FIRST_NAMES = [
  'Ana', 'Mateo', 'Lucía', 'Noah', 'Sofía', 'Liam', 'Valentina', 'Ethan', 'Camila', 'Olivia', 'Diego', 'Amara', 'Kwame',
  'Mei', 'Aarav', 'Zara', 'Tomás', 'Isla', 'Yusuf', 'Elena', 'Jonah', 'Priya', 'Hugo', 'Nia', 'Leo', 'Ayla', 'Samuel',
  'Rosa', 'Kai', 'Fatima', 'Benjamín', 'Chloe', 'Arjun', 'Maya', 'Emilio', 'Grace', 'Omar', 'Lina', 'Felix', 'Ines',
];
export const LAST_NAMES = ['García', 'Okafor', 'Chen', 'Martínez', 'Smith', 'Nguyen', 'Rossi', 'Haddad', 'Silva', 'Kim', 'Patel', 'López', 'Mensah', 'Díaz'];
export const TARGETS: [string, string, string[]][] = [
  ['Add and subtract fractions', 'Maths', ['Names parts of a whole', 'Adds like fractions', 'Adds unlike fractions', 'Explains and solves word problems']],
  ['Read with understanding', 'Reading', ['Retells simply', 'Finds main idea', 'Infers and explains', 'Compares texts']],
  ['Write a clear paragraph', 'Writing', ['Writes a sentence', 'Topic sentence', 'Supports with details', 'Revises for the reader']],
  ['Plan and run an experiment', 'Science', ['Asks a question', 'Makes a fair test', 'Records results', 'Draws conclusions']],
  ['Work well in a team', 'Life skills', ['Joins in', 'Listens', 'Shares roles', 'Leads kindly']],
  ['Use maps and scale', 'Geography', ['Reads a map', 'Uses a key', 'Uses scale', 'Makes own map']],
];
export const GOAL_TITLES = [
  'Learn my 7 and 8 times tables', 'Read two chapter books', 'Write a story with a clear ending', 'Explain fractions to a friend',
  'Finish my science fair project', 'Speak up once in every group task', 'Use a dictionary on my own', 'Measure things in my house',
  'Practise handwriting every day', 'Learn 20 new Spanish words', 'Draw a map of my street', 'Solve word problems step by step',
];
export const WHYS = ['So I can help at the shop', 'Because I love stories', 'To feel ready for next year', 'My family asked me to', 'It makes me proud'];
export const PROJECTS: [string, string][] = [
  ['Our school garden', 'How can we grow food in a small space?'],
  ['Water in our town', 'Where does our water come from?'],
  ['Family recipes book', 'How do measurements change when we cook for more people?'],
  ['Animals near us', 'Which animals share our neighbourhood?'],
  ['A comic about my hero', 'What makes someone a hero?'],
  ['Build a bridge', 'How can paper hold a heavy load?'],
];
export const NOTES = [
  'Worked well today and asked good questions.', 'Needs more time with the practice sheets.', 'Showed me the drawing of the plan.',
  'Explained the idea to the group.', 'Got stuck on step 2; we tried another way.', 'Proud of the progress this week.',
];
export const STEPS = ['Practise 10 minutes a day', 'Bring the finished draft', 'Read one chapter at home', 'Ask a friend to check it', 'Show the chart next time'];
